#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Heterogeneity in rates, e.g. each customer's purchase rate λ in the NBD / BG/NBD purchase model.
///
/// Method: Marsaglia & Tsang, "A Simple Method for Generating Gamma Variables", ACM TOMS 26(3), 2000,
/// https://doi.org/10.1145/358407.358414; for shape < 1 the same paper's boost `G(shape+1) · U^(1/shape)`.
/// Rejection, so the number of draws varies (about 3.1 words on average for shape ≥ 1).
public struct Gamma: ContinuousDistribution {
    public let shape: Double
    public let scale: Double
    private let d: Double
    private let c: Double

    public init(shape: Double, scale: Double) throws(SamplingError) {
        try SamplingError.require(shape > 0 && shape.isFinite, "Gamma", "shape", "must be positive, got \(shape)")
        try SamplingError.require(scale > 0 && scale.isFinite, "Gamma", "scale", "must be positive, got \(scale)")
        self.shape = shape
        self.scale = scale
        d = (shape < 1 ? shape + 1 : shape) - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
    }

    public func sample<Source: RandomSource>(_ source: inout Source) -> Double {
        var value: Double
        while true {
            let x = Normal.standard(&source)
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = source.nextOpenUnit()
            let xSquared = x * x
            if u < 1 - 0.0331 * xSquared * xSquared || log(u) < 0.5 * xSquared + d * (1 - v + log(v)) {
                value = d * v
                break
            }
        }
        if shape < 1 { value *= pow(source.nextOpenUnit(), 1 / shape) }
        return value * scale
    }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.regularizedLowerGamma(shape, x / scale)
    }

    public var mean: Double { shape * scale }
    public var variance: Double { shape * scale * scale }
}
