/// The relative change of a mean, (x̄B − x̄A) / x̄A, with a delta-method interval: what "beat one-way by 12 %
/// (95 % CI …)" needs, since dividing an absolute interval by the baseline ignores the baseline's own noise.
/// GrowthBook's frequentist engine (gbstats `TwoSidedTTest`, relative lift): variance
/// sA²·x̄B² / (x̄A⁴·nA) + sB² / (x̄A²·nB), Welch–Satterthwaite degrees of freedom, two-sided t.
public enum RelativeLift {
    public static let method = "relative lift, delta method with Welch's t (two-sided)"

    public struct Result: Sendable, Hashable {
        /// (x̄B − x̄A) / x̄A.
        public let lift: Double
        public let interval: ConfidenceInterval
        public let pValue: Double
        public let degreesOfFreedom: Double
        public var method: String { RelativeLift.method }
    }

    /// For a rate, pass `WelchTTest.Summary(count: n, mean: p, variance: p(1 − p))`, as GrowthBook does.
    /// - Throws: when a sample has fewer than 2 values, the baseline mean is 0, or there is no variation.
    public static func test(
        a: WelchTTest.Summary,
        b: WelchTTest.Summary,
        level: Double = 0.95
    ) throws(StatisticsError) -> Result {
        try StatisticsError.require(a.count >= 2, method, "a", "needs at least 2 values, got \(a.count)")
        try StatisticsError.require(b.count >= 2, method, "b", "needs at least 2 values, got \(b.count)")
        try StatisticsError.require(a.mean != 0, method, "a", "has mean 0, so a relative change is undefined")
        let nA = Double(a.count)
        let nB = Double(b.count)
        let meanA2 = a.mean * a.mean
        let variance = a.variance * b.mean * b.mean / (meanA2 * meanA2 * nA) + b.variance / (meanA2 * nB)
        try StatisticsError.require(variance > 0, method, "a and b", "have no variation")
        let shareA = a.variance / nA
        let shareB = b.variance / nB
        let df =
            (shareA + shareB) * (shareA + shareB)
            / (shareA * shareA / (nA - 1) + shareB * shareB / (nB - 1))
        let standardError = variance.squareRoot()
        let lift = (b.mean - a.mean) / a.mean
        let critical = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: df)
        return Result(
            lift: lift,
            interval: ConfidenceInterval(
                low: lift - critical * standardError,
                high: lift + critical * standardError,
                level: level,
                method: method
            ),
            pValue: StudentT.twoSidedPValue(lift / standardError, degreesOfFreedom: df),
            degreesOfFreedom: df
        )
    }
}
