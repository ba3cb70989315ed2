import Sampling

/// The textbook pooled two-proportion z-test of pB = pA; z² equals Pearson's χ² on the 2×2 table without Yates'
/// correction.
public enum TwoProportionZTest {
    public static let testName = "two-proportion z-test (pooled, two-sided)"

    public struct Result: Sendable, Hashable {
        public let a: Proportion
        public let b: Proportion
        /// (p̂B − p̂A) / √(p̄(1−p̄)(1/nA + 1/nB)); NaN when p̄ is 0 or 1 (no variation to test).
        public let z: Double
        /// 2(1 − Φ(|z|)); NaN with z.
        public let pValue: Double
        /// p̂B − p̂A.
        public let difference: Double
        /// Newcombe interval for the difference.
        public let differenceInterval: ConfidenceInterval
        /// Wilson intervals for each rate.
        public let aInterval: ConfidenceInterval
        public let bInterval: ConfidenceInterval
        public var testName: String { TwoProportionZTest.testName }
    }

    /// Compares B (variant) against A (control).
    public static func test(a: Proportion, b: Proportion, level: Double = 0.95) -> Result {
        let nA = Double(a.trials)
        let nB = Double(b.trials)
        let pooled = Double(a.successes + b.successes) / (nA + nB)
        let difference = b.estimate - a.estimate
        let z: Double
        let pValue: Double
        if pooled <= 0 || pooled >= 1 {
            z = .nan
            pValue = .nan
        } else {
            z = difference / (pooled * (1 - pooled) * (1 / nA + 1 / nB)).squareRoot()
            // 2Φ(−|z|) = erfc(|z|/√2): no cancellation of 1 − Φ in the far tail.
            pValue = min(1, 2 * SpecialFunctions.standardNormalCDF(-abs(z)))
        }
        return Result(
            a: a,
            b: b,
            z: z,
            pValue: pValue,
            difference: difference,
            differenceInterval: NewcombeInterval.difference(a: a, b: b, level: level),
            aInterval: WilsonInterval.interval(a, level: level),
            bInterval: WilsonInterval.interval(b, level: level)
        )
    }
}
