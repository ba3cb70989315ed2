#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Positive, right-skewed amounts (order values, reply delays) given as the mean and standard deviation a
/// marketer would quote, not the log-scale μ and σ.
///
/// σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2; a draw is exp(μ + σZ) with Z by Box–Muller (two draws).
public struct LogNormal: ContinuousDistribution {
    public let mean: Double
    public let standardDeviation: Double
    /// Mean of ln X.
    public let mu: Double
    /// Standard deviation of ln X.
    public let sigma: Double

    public init(mean: Double, standardDeviation: Double) throws(SamplingError) {
        try SamplingError.require(mean > 0 && mean.isFinite, "LogNormal", "mean", "must be positive, got \(mean)")
        try SamplingError.require(
            standardDeviation > 0 && standardDeviation.isFinite,
            "LogNormal",
            "standardDeviation",
            "must be positive, got \(standardDeviation)"
        )
        self.mean = mean
        self.standardDeviation = standardDeviation
        let sigmaSquared = log1p((standardDeviation / mean) * (standardDeviation / mean))
        sigma = sigmaSquared.squareRoot()
        mu = log(mean) - sigmaSquared / 2
    }

    public func sample<Source: RandomSource>(_ source: inout Source) -> Double {
        exp(mu + sigma * Normal.standard(&source))
    }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.standardNormalCDF((log(x) - mu) / sigma)
    }

    public var variance: Double { standardDeviation * standardDeviation }
}
