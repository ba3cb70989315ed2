/// A distribution over the reals that can both be sampled and be checked: its exact CDF, mean and variance are
/// what the tests compare 10^5 draws against.
public protocol ContinuousDistribution: Sendable {
    /// One draw; each distribution documents how many words of `source` it consumes.
    func sample<Source: RandomSource>(_ source: inout Source) -> Double
    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double
    var mean: Double { get }
    var variance: Double { get }
}
