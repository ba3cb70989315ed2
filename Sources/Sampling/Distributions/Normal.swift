#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bell curve, used for latent propensities and as the core of lognormal and gamma draws.
///
/// Method: Box–Muller (Box & Muller, "A Note on the Generation of Random Normal Deviates", Ann. Math. Statist.
/// 29(2), 1958, https://doi.org/10.1214/aoms/1177706645), cosine branch only: exactly two draws per value, so
/// the number of words consumed never depends on the values (unlike the polar method's rejection loop).
public struct Normal: ContinuousDistribution {
    public let mean: Double
    public let standardDeviation: Double

    public init(mean: Double, standardDeviation: Double) throws(SamplingError) {
        try SamplingError.require(mean.isFinite, "Normal", "mean", "must be finite, got \(mean)")
        try SamplingError.require(
            standardDeviation > 0 && standardDeviation.isFinite,
            "Normal",
            "standardDeviation",
            "must be positive, got \(standardDeviation)"
        )
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    public func sample<Source: RandomSource>(_ source: inout Source) -> Double {
        mean + standardDeviation * Self.standard(&source)
    }

    /// One standard normal deviate by Box–Muller (two draws).
    @inlinable
    public static func standard<Source: RandomSource>(_ source: inout Source) -> Double {
        let radius = (-2 * log(source.nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * source.nextUnit()
        return radius * cos(angle)
    }

    public func cdf(_ x: Double) -> Double { SpecialFunctions.standardNormalCDF((x - mean) / standardDeviation) }
    public var variance: Double { standardDeviation * standardDeviation }
}
