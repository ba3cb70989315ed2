import Sampling

/// How long an agent works on one chat, in seconds: exponential (the Erlang C assumption) or lognormal (what
/// contact-centre handle times look like), drawn with Sampling's own distributions.
public enum ServiceTimeDistribution: Sendable {
    case exponential(Exponential)
    case logNormal(LogNormal)

    public static func exponential(meanSeconds: Double) throws(SamplingError) -> ServiceTimeDistribution {
        .exponential(try Exponential(mean: meanSeconds))
    }

    public static func logNormal(
        meanSeconds: Double,
        standardDeviationSeconds: Double
    ) throws(SamplingError) -> ServiceTimeDistribution {
        .logNormal(try LogNormal(mean: meanSeconds, standardDeviation: standardDeviationSeconds))
    }

    public var meanSeconds: Double {
        switch self {
        case .exponential(let distribution): distribution.mean
        case .logNormal(let distribution): distribution.mean
        }
    }

    /// One service time in seconds (one draw for exponential, two for lognormal).
    public func sampleSeconds<Source: RandomSource>(_ source: inout Source) -> Double {
        switch self {
        case .exponential(let distribution): distribution.sample(&source)
        case .logNormal(let distribution): distribution.sample(&source)
        }
    }
}
