#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting times with no memory (time to the next event of a Poisson process), parameterised by its mean.
///
/// Inversion: `-mean · log(1 − U)`, exactly one draw.
public struct Exponential: ContinuousDistribution {
    public let mean: Double

    public init(mean: Double) throws(SamplingError) {
        try SamplingError.require(mean > 0 && mean.isFinite, "Exponential", "mean", "must be positive, got \(mean)")
        self.mean = mean
    }

    public func sample<Source: RandomSource>(_ source: inout Source) -> Double {
        -mean * log1p(-source.nextUnit())
    }

    public func cdf(_ x: Double) -> Double { x <= 0 ? 0 : -expm1(-x / mean) }
    public var variance: Double { mean * mean }
}
