/// Newcombe's hybrid score interval for a difference of two independent rates, built from the two Wilson
/// intervals: defined at 0/n vs 0/n, inside [−1, 1], near-nominal coverage. Newcombe, "Interval estimation for the
/// difference between independent proportions: comparison of eleven methods", Statistics in Medicine 17 (1998),
/// 873–890, method 10.
public enum NewcombeInterval {
    public static let method = "Newcombe hybrid score interval (method 10)"

    /// For d = p̂B − p̂A with Wilson limits (lA, uA), (lB, uB):
    /// [d − √((p̂B − lB)² + (uA − p̂A)²), d + √((uB − p̂B)² + (p̂A − lA)²)].
    public static func difference(a: Proportion, b: Proportion, level: Double = 0.95) -> ConfidenceInterval {
        let wilsonA = WilsonInterval.interval(a, level: level)
        let wilsonB = WilsonInterval.interval(b, level: level)
        let pA = a.estimate
        let pB = b.estimate
        let d = pB - pA
        let lowerReach = ((pB - wilsonB.low) * (pB - wilsonB.low) + (wilsonA.high - pA) * (wilsonA.high - pA))
        let upperReach = ((wilsonB.high - pB) * (wilsonB.high - pB) + (pA - wilsonA.low) * (pA - wilsonA.low))
        return ConfidenceInterval(
            low: d - lowerReach.squareRoot(),
            high: d + upperReach.squareRoot(),
            level: level,
            method: method
        )
    }
}
