/// Probabilities that differ between customers, e.g. the BG/NBD drop-out probability p ~ Beta(a, b).
///
/// Method: X / (X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1) (Devroye, Non-Uniform Random Variate Generation,
/// 1986, ch. IX.4).
public struct Beta: ContinuousDistribution {
    public let alpha: Double
    public let beta: Double
    private let left: Gamma
    private let right: Gamma

    public init(alpha: Double, beta: Double) throws(SamplingError) {
        try SamplingError.require(alpha > 0 && alpha.isFinite, "Beta", "alpha", "must be positive, got \(alpha)")
        try SamplingError.require(beta > 0 && beta.isFinite, "Beta", "beta", "must be positive, got \(beta)")
        self.alpha = alpha
        self.beta = beta
        left = try Gamma(shape: alpha, scale: 1)
        right = try Gamma(shape: beta, scale: 1)
    }

    /// A Beta distribution with mean `mean` whose spread is set by `concentration` = α + β (larger is tighter).
    public init(mean: Double, concentration: Double) throws(SamplingError) {
        try SamplingError.require(mean > 0 && mean < 1, "Beta", "mean", "must be between 0 and 1, got \(mean)")
        try SamplingError.require(
            concentration > 0 && concentration.isFinite,
            "Beta",
            "concentration",
            "must be positive, got \(concentration)"
        )
        try self.init(alpha: mean * concentration, beta: (1 - mean) * concentration)
    }

    public func sample<Source: RandomSource>(_ source: inout Source) -> Double {
        let x = left.sample(&source)
        let y = right.sample(&source)
        return x / (x + y)
    }

    public func cdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return SpecialFunctions.regularizedBeta(x, alpha, beta)
    }

    public var mean: Double { alpha / (alpha + beta) }
    public var variance: Double {
        let total = alpha + beta
        return alpha * beta / (total * total * (total + 1))
    }
}
