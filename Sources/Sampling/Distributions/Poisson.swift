#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts of independent events in a window: orders in a year, items in a cart.
///
/// Method: for mean < 10, inversion by sequential search (one draw); from 10 up, Hörmann's transformed
/// rejection PTRS ("The transformed rejection method for generating Poisson random variables", Insurance:
/// Mathematics and Economics 12(1), 1993, https://doi.org/10.1016/0167-6687(93)90997-4), two draws per try.
public struct Poisson: Sendable {
    public let mean: Double
    private let expMinusMean: Double
    private let squareRootMean: Double
    private let logMean: Double
    private let b: Double
    private let a: Double
    private let inverseAlpha: Double
    private let acceptanceBound: Double

    public init(mean: Double) throws(SamplingError) {
        try SamplingError.require(mean >= 0 && mean < 1e9, "Poisson", "mean", "must be from 0 to 1e9, got \(mean)")
        self.mean = mean
        expMinusMean = exp(-mean)
        squareRootMean = mean.squareRoot()
        logMean = log(mean)
        b = 0.931 + 2.53 * squareRootMean
        a = -0.059 + 0.02483 * b
        inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        acceptanceBound = 0.9277 - 3.6224 / (b - 2)
    }

    public func sample<Source: RandomSource>(_ source: inout Source) -> Int {
        mean < 10 ? inversion(&source) : transformedRejection(&source)
    }

    private func inversion<Source: RandomSource>(_ source: inout Source) -> Int {
        let u = source.nextUnit()
        var k = 0
        var probability = expMinusMean
        var cumulative = probability
        while u >= cumulative, k < 1_000 {
            k += 1
            probability *= mean / Double(k)
            cumulative += probability
        }
        return k
    }

    private func transformedRejection<Source: RandomSource>(_ source: inout Source) -> Int {
        while true {
            let u = source.nextUnit() - 0.5
            let v = source.nextUnit()
            let us = 0.5 - abs(u)
            let k = floor((2 * a / us + b) * u + mean + 0.43)
            if us >= 0.07, v <= acceptanceBound { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * logMean
                - SpecialFunctions.logGamma(k + 1)
            {
                return Int(k)
            }
        }
    }

    /// P(X ≤ k) = Q(k + 1, mean), the regularized upper incomplete gamma function.
    public func cdf(_ k: Int) -> Double {
        k < 0 ? 0 : 1 - SpecialFunctions.regularizedLowerGamma(Double(k) + 1, mean)
    }

    public var variance: Double { mean }
}

extension Poisson {
    /// One draw for a mean that changes per call (e.g. a customer's own purchase rate × tenure), without
    /// keeping a distribution value around.
    /// - Precondition: 0 ≤ `mean` < 1e9.
    public static func sample<Source: RandomSource>(mean: Double, _ source: inout Source) -> Int {
        precondition(mean >= 0 && mean < 1e9, "Poisson mean must be from 0 to 1e9, got \(mean)")
        guard let poisson = try? Poisson(mean: mean) else { return 0 }
        return poisson.sample(&source)
    }
}
