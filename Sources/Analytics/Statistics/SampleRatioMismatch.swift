/// The sample-ratio-mismatch check: does the split of units across arms match the configured shares? A mismatch
/// means assignment or logging is broken and no comparison can be trusted. χ² goodness of fit, df = k − 1, flagged
/// at p < 0.001 (GrowthBook's `check_srm` and `DEFAULT_SRM_THRESHOLD`).
public enum SampleRatioMismatch {
    public static let testName = "chi-square goodness of fit (sample-ratio mismatch)"
    public static let threshold = 0.001

    public struct Result: Sendable, Hashable {
        public let observed: [Int]
        /// e_i = w_i / Σw · N.
        public let expected: [Double]
        /// Σ (o − e)² / e over arms with a positive share.
        public let chiSquare: Double
        public let degreesOfFreedom: Int
        public let pValue: Double
        /// p < `threshold`.
        public var mismatch: Bool { pValue < SampleRatioMismatch.threshold }
        public var testName: String { SampleRatioMismatch.testName }
    }

    /// - Parameters:
    ///   - observed: units per arm.
    ///   - ratios: the configured shares, any positive scale (1,1 or 0.5,0.5 or 50,50).
    /// - Throws: on a length mismatch, negative counts, fewer than 2 arms or a non-positive share.
    public static func test(observed: [Int], ratios: [Double]) throws(StatisticsError) -> Result {
        try StatisticsError.require(
            observed.count == ratios.count,
            testName,
            "ratios",
            "must have one share per observed count (\(observed.count)), got \(ratios.count)"
        )
        try StatisticsError.require(observed.count >= 2, testName, "observed", "needs at least 2 arms")
        try StatisticsError.require(observed.allSatisfy { $0 >= 0 }, testName, "observed", "must not be negative")
        try StatisticsError.require(
            ratios.allSatisfy { $0 > 0 && $0.isFinite },
            testName,
            "ratios",
            "must all be positive"
        )
        let total = Double(observed.reduce(0, +))
        let weight = ratios.reduce(0, +)
        let expected = ratios.map { $0 / weight * total }
        guard total > 0 else {
            return Result(
                observed: observed,
                expected: expected,
                chiSquare: 0,
                degreesOfFreedom: observed.count - 1,
                pValue: 1
            )
        }
        var chiSquare = 0.0
        for (count, expectation) in zip(observed, expected) {
            let gap = Double(count) - expectation
            chiSquare += gap * gap / expectation
        }
        let df = observed.count - 1
        return Result(
            observed: observed,
            expected: expected,
            chiSquare: chiSquare,
            degreesOfFreedom: df,
            pValue: ChiSquared.survival(chiSquare, degreesOfFreedom: df)
        )
    }
}
