import Sampling

/// Welch's unequal-variance t-test of mean B = mean A, with the Welch–Satterthwaite degrees of freedom: the
/// frequentist test GrowthBook uses for means (AOV, revenue per recipient). Welch, Biometrika 34 (1947).
public enum WelchTTest {
    public static let testName = "Welch's t-test (unequal variances, two-sided)"

    /// What a sample contributes: its size, mean and unbiased variance (sufficient statistics the SQL can reduce to).
    public struct Summary: Sendable, Hashable {
        public let count: Int
        public let mean: Double
        /// Σ(x − x̄)² / (n − 1).
        public let variance: Double

        public init(count: Int, mean: Double, variance: Double) {
            self.count = count
            self.mean = mean
            self.variance = variance
        }

        /// From n, Σx and Σx², as the portable metric SQL returns them; a two-pass mean is better when the values
        /// themselves are at hand (`init(values:)`).
        public init(count: Int, sum: Double, sumOfSquares: Double) {
            let n = Double(count)
            let mean = sum / n
            self.init(count: count, mean: mean, variance: max(0, (sumOfSquares - sum * mean) / (n - 1)))
        }

        /// Two passes (mean, then squared deviations) for accuracy.
        /// - Complexity: O(n).
        public init(values: [Double]) {
            let n = Double(values.count)
            var sum = 0.0
            for value in values { sum += value }
            let mean = sum / n
            var squares = 0.0
            for value in values { squares += (value - mean) * (value - mean) }
            self.init(count: values.count, mean: mean, variance: squares / (n - 1))
        }
    }

    public struct Result: Sendable, Hashable {
        public let a: Summary
        public let b: Summary
        /// (x̄B − x̄A) / √(sA²/nA + sB²/nB).
        public let t: Double
        /// ν = (sA²/nA + sB²/nB)² / ((sA²/nA)²/(nA−1) + (sB²/nB)²/(nB−1)).
        public let degreesOfFreedom: Double
        /// 2·P(T_ν ≥ |t|).
        public let pValue: Double
        /// x̄B − x̄A.
        public let difference: Double
        /// difference ± t₁₋α/2,ν · standard error.
        public let differenceInterval: ConfidenceInterval
        public var testName: String { WelchTTest.testName }
    }

    /// Compares B (variant) against A (control).
    /// - Throws: when a sample has fewer than 2 values or both samples have zero variance.
    public static func test(a: Summary, b: Summary, level: Double = 0.95) throws(StatisticsError) -> Result {
        try StatisticsError.require(a.count >= 2, testName, "a", "needs at least 2 values, got \(a.count)")
        try StatisticsError.require(b.count >= 2, testName, "b", "needs at least 2 values, got \(b.count)")
        let shareA = a.variance / Double(a.count)
        let shareB = b.variance / Double(b.count)
        let variance = shareA + shareB
        try StatisticsError.require(
            variance > 0,
            testName,
            "a and b",
            "have no variation (every value equal), so there is no t statistic"
        )
        let standardError = variance.squareRoot()
        let difference = b.mean - a.mean
        let t = difference / standardError
        let df =
            variance * variance
            / (shareA * shareA / Double(a.count - 1) + shareB * shareB / Double(b.count - 1))
        let critical = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: df)
        return Result(
            a: a,
            b: b,
            t: t,
            degreesOfFreedom: df,
            pValue: StudentT.twoSidedPValue(t, degreesOfFreedom: df),
            difference: difference,
            differenceInterval: ConfidenceInterval(
                low: difference - critical * standardError,
                high: difference + critical * standardError,
                level: level,
                method: "Welch t interval"
            )
        )
    }

    /// The test on raw values (one per customer).
    public static func test(a: [Double], b: [Double], level: Double = 0.95) throws(StatisticsError) -> Result {
        try test(a: Summary(values: a), b: Summary(values: b), level: level)
    }
}
