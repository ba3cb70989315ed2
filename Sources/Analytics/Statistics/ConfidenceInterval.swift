/// An interval with the level it was built for and the method that built it, so a report can print both.
public struct ConfidenceInterval: Sendable, Hashable {
    public let low: Double
    public let high: Double
    /// Coverage aimed at, e.g. 0.95.
    public let level: Double
    /// E.g. "Wilson score interval".
    public let method: String

    public init(low: Double, high: Double, level: Double, method: String) {
        self.low = low
        self.high = high
        self.level = level
        self.method = method
    }

    /// True when the interval holds `value` (ends included).
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }
}

/// The two-sided critical value z₁₋α/2 for a confidence level, e.g. 1.959963984540054 at 0.95.
func twoSidedCriticalValue(level: Double) -> Double {
    standardNormalQuantile(1 - (1 - level) / 2)
}
