/// Wilson's score interval for one rate: keeps inside [0, 1] and stays honest at 0/n and small n, where the Wald
/// interval collapses. Wilson, "Probable inference…", JASA 22 (1927); Newcombe (1998) method 3.
public enum WilsonInterval {
    public static let method = "Wilson score interval"

    /// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n).
    public static func interval(_ proportion: Proportion, level: Double = 0.95) -> ConfidenceInterval {
        let z = twoSidedCriticalValue(level: level)
        let n = Double(proportion.trials)
        let p = proportion.estimate
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        // At 0/n and n/n the limits are exactly 0 and 1; rounding in centre ± half must not move them.
        let low = proportion.successes == 0 ? 0 : max(0, centre - half)
        let high = proportion.successes == proportion.trials ? 1 : min(1, centre + half)
        return ConfidenceInterval(low: low, high: high, level: level, method: method)
    }
}
