/// Units per arm needed to detect a change in a rate: the planning number a report compares the run against.
public enum SampleSize {
    public static let method = "two-proportion z-test, pooled normal approximation (Fleiss), no continuity correction"
    /// What the report prints beside the number.
    public static let formula =
        "n = (z[1-alpha/2] * sqrt(2 * pbar * (1 - pbar)) + z[power] * sqrt(p1 * (1 - p1) + p2 * (1 - p2)))^2"
        + " / (p2 - p1)^2, p2 = p1 + mde, pbar = (p1 + p2) / 2, z[q] the standard normal q-quantile, two-sided; rounded up"

    public struct Result: Sendable, Hashable {
        public let baseline: Double
        /// The absolute change to detect (p2 − p1).
        public let minimumDetectableEffect: Double
        public let alpha: Double
        public let power: Double
        /// The formula's value before rounding up.
        public let exactPerArm: Double
        /// ⌈exactPerArm⌉.
        public let perArm: Int
        public var method: String { SampleSize.method }
        public var formula: String { SampleSize.formula }
    }

    /// Per-arm n for equal arms; the same formula as R's `power.prop.test` (strict = FALSE).
    /// - Parameters:
    ///   - baseline: p1, the control rate, in (0, 1).
    ///   - mde: absolute change, nonzero, with p1 + mde in (0, 1).
    /// - Throws: when a parameter is outside its range.
    public static func twoProportions(
        baseline: Double,
        mde: Double,
        alpha: Double = 0.05,
        power: Double = 0.8
    ) throws(StatisticsError) -> Result {
        let name = "sample size"
        try StatisticsError.require(
            baseline > 0 && baseline < 1,
            name,
            "baseline",
            "must be in (0, 1), got \(baseline)"
        )
        try StatisticsError.require(mde != 0 && mde.isFinite, name, "mde", "must be a nonzero change, got \(mde)")
        let p2 = baseline + mde
        try StatisticsError.require(
            p2 > 0 && p2 < 1,
            name,
            "mde",
            "takes the baseline to \(p2), outside (0, 1)"
        )
        try StatisticsError.require(alpha > 0 && alpha < 1, name, "alpha", "must be in (0, 1), got \(alpha)")
        try StatisticsError.require(power > 0 && power < 1, name, "power", "must be in (0, 1), got \(power)")
        let zAlpha = standardNormalQuantile(1 - alpha / 2)
        let zPower = standardNormalQuantile(power)
        let pBar = (baseline + p2) / 2
        let root =
            zAlpha * (2 * pBar * (1 - pBar)).squareRoot()
            + zPower * (baseline * (1 - baseline) + p2 * (1 - p2)).squareRoot()
        let exact = root * root / (mde * mde)
        return Result(
            baseline: baseline,
            minimumDetectableEffect: mde,
            alpha: alpha,
            power: power,
            exactPerArm: exact,
            perArm: Int(exact.rounded(.up))
        )
    }
}
