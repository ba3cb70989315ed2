/// The relative change (μB − μA) ÷ μA with its interval and p-value, by the delta method and Welch's t: the
/// frequentist lift GrowthBook reports (reference/analytics.md §3.1; gbstats `TwoSidedTTest` on relative
/// effects), so rates and money share one axis in the forest plot.
///
/// var(Δr) = σA²·μB² ÷ (μA⁴·nA) + σB² ÷ (μA²·nB), with σ² = p(1 − p) for a proportion (not n − 1) and the sample
/// variance for a mean; degrees of freedom by Welch–Satterthwaite on the raw variances; p = 2·P(T_ν ≥ |Δr| ÷ sd).
public enum RelativeLift {
    public static let method = "delta-method relative lift, Welch t (GrowthBook frequentist)"

    public struct Result: Sendable, Hashable {
        public let estimate: Double
        public let interval: ConfidenceInterval
        public let pValue: Double
        public let degreesOfFreedom: Double
    }

    /// Lift of B's rate over A's; nil when A's rate is 0 or an arm has fewer than 2 trials.
    public static func proportions(a: Rate, b: Rate, level: Double = 0.95) -> Result? {
        let meanA = a.value
        let meanB = b.value
        return test(
            a: (a.trials, meanA, meanA * (1 - meanA)),
            b: (b.trials, meanB, meanB * (1 - meanB)),
            level: level
        )
    }

    /// Lift of B's mean over A's; nil when A's mean is 0 or an arm has fewer than 2 values.
    public static func means(a: MeanSums, b: MeanSums, level: Double = 0.95) -> Result? {
        test(a: (a.count, a.mean, a.variance), b: (b.count, b.mean, b.variance), level: level)
    }

    static func test(
        a: (count: Int64, mean: Double, variance: Double),
        b: (count: Int64, mean: Double, variance: Double),
        level: Double
    ) -> Result? {
        guard a.count >= 2, b.count >= 2, a.mean != 0, a.mean.isFinite, b.mean.isFinite else { return nil }
        let nA = Double(a.count)
        let nB = Double(b.count)
        let estimate = (b.mean - a.mean) / a.mean
        let variance =
            a.variance * b.mean * b.mean / (a.mean * a.mean * a.mean * a.mean * nA)
            + b.variance / (a.mean * a.mean * nB)
        let shareA = a.variance / nA
        let shareB = b.variance / nB
        let denominator = shareA * shareA / (nA - 1) + shareB * shareB / (nB - 1)
        guard variance > 0, denominator > 0 else { return nil }
        let degreesOfFreedom = (shareA + shareB) * (shareA + shareB) / denominator
        let standardError = variance.squareRoot()
        let critical = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: degreesOfFreedom)
        return Result(
            estimate: estimate,
            interval: ConfidenceInterval(
                low: estimate - critical * standardError,
                high: estimate + critical * standardError,
                level: level,
                method: method
            ),
            pValue: StudentT.twoSidedPValue(estimate / standardError, degreesOfFreedom: degreesOfFreedom),
            degreesOfFreedom: degreesOfFreedom
        )
    }
}
