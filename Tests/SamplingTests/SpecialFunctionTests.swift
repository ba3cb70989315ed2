import Testing

@testable import Sampling

/// Known values: closed forms where they exist (P(1,x) = 1 − e^−x, P(½,x) = erf √x, integer-shape gamma as a
/// Poisson tail, integer beta as a binomial tail, Beta(½,½) as the arcsine law) and Φ from standard tables.
@Suite struct SpecialFunctionTests {
    @Test(arguments: [(1.96, 0.9750021048517795), (-1.0, 0.15865525393145707), (0.0, 0.5)])
    func normalCDF(z: Double, expected: Double) {
        #expect(abs(SpecialFunctions.standardNormalCDF(z) - expected) < 1e-12)
    }

    /// Φ⁻¹ against scipy.stats.norm.ppf 1.17 (independently computed): 0.975, 0.8, 0.3 and the tails.
    @Test(arguments: [
        (0.975, 1.959963984540054), (0.8, 0.8416212335729143), (0.3, -0.5244005127080409),
        (1e-10, -6.361340902404056), (0.999999, 4.753424308817087),
    ])
    func normalQuantile(p: Double, expected: Double) {
        #expect(abs(SpecialFunctions.standardNormalQuantile(p) - expected) < 1e-12 * max(1, abs(expected)))
        #expect(abs(SpecialFunctions.standardNormalCDF(SpecialFunctions.standardNormalQuantile(p)) - p) < 1e-15)
    }

    /// Q(a, x) in the far tail keeps its relative precision: χ²₁ survival at 60 is 9.485737571073857e-15 and χ²₃
    /// at 200 is 4.218541107192018e-43 (scipy.stats.chi2.sf 1.17); Q(1, x) = e^−x exactly.
    @Test func upperGammaTail() {
        #expect(abs(SpecialFunctions.regularizedUpperGamma(0.5, 30) / 9.485737571073857e-15 - 1) < 1e-10)
        #expect(abs(SpecialFunctions.regularizedUpperGamma(1.5, 100) / 4.218541107192018e-43 - 1) < 1e-10)
        #expect(abs(SpecialFunctions.regularizedUpperGamma(1, 0.5) - 0.6065306597126334) < 1e-14)
    }

    @Test(arguments: [
        (1.0, 2.0, 0.8646647167633873), (0.5, 1.0, 0.8427007929497149), (3.0, 2.0, 0.3233235838169365),
        (10.0, 15.0, 0.9301463393005902),
    ])
    func regularizedGamma(a: Double, x: Double, expected: Double) {
        #expect(abs(SpecialFunctions.regularizedLowerGamma(a, x) - expected) < 1e-12)
    }

    @Test(arguments: [(0.5, 2.0, 3.0, 0.6875), (0.3, 0.5, 0.5, 0.36901011956554536), (0.9, 2.0, 3.0, 0.9963)])
    func regularizedBeta(x: Double, a: Double, b: Double, expected: Double) {
        #expect(abs(SpecialFunctions.regularizedBeta(x, a, b) - expected) < 1e-12)
    }

    @Test(arguments: [(5.0, 3.1780538303479458), (0.5, 0.5723649429247001), (1.0, 0.0)])
    func logGammaKnownValues(x: Double, expected: Double) {
        // ln Γ(5) = ln 24, ln Γ(½) = ln √π, ln Γ(1) = 0.
        #expect(abs(SpecialFunctions.logGamma(x) - expected) < 1e-13)
    }

    @Test func poissonCDFClosedForm() throws {
        // P(X ≤ 2 | λ = 3) = e^−3 (1 + 3 + 9/2).
        #expect(abs(try Poisson(mean: 3).cdf(2) - 0.42319008112684353) < 1e-12)
    }

    @Test func kolmogorovSmirnovByHand() {
        // Samples 0.1, 0.5, 0.6 against U(0,1): the steps above the CDF are 1/3 − 0.1, 2/3 − 0.5 and 1 − 0.6,
        // the gaps below are 0.1, 0.5 − 1/3 and 0.6 − 2/3 (negative); the largest is 0.4.
        let distance = KolmogorovSmirnov.distance([0.6, 0.1, 0.5], cdf: { $0 })
        #expect(abs(distance - 0.4) < 1e-12)
        #expect(abs(KolmogorovSmirnov.criticalValue(sampleSize: 1, alpha: 0.05) - 1.3581015157406196) < 1e-12)
    }
}

@Suite struct QuantileTests {
    /// R: quantile(1:10, c(0, .1, .25, .5, .9, 1)) = 1.00 1.90 3.25 5.50 9.10 10.00 (type 7, the default).
    @Test(arguments: [(0.0, 1.0), (0.1, 1.9), (0.25, 3.25), (0.5, 5.5), (0.9, 9.1), (1.0, 10.0)])
    func matchesR(p: Double, expected: Double) throws {
        let value = try #require(Quantile.type7(sorted: (1...10).map(Double.init), p))
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func emptyHasNoQuantile() {
        #expect(Quantile.type7(sorted: [], 0.5) == nil)
    }

    /// Φ⁻¹ at textbook points: Φ⁻¹(0.975) = 1.959963984540054 (z for a two-sided 95% interval), Φ⁻¹(0.5) = 0,
    /// Φ⁻¹(0.841344746068543) = 1 (Φ(1) from Abramowitz & Stegun table 26.1), Φ⁻¹(1e-10) = −6.361340902404056.
    @Test func inverseNormalHitsTextbookPoints() {
        #expect(abs(SpecialFunctions.standardNormalQuantile(0.975) - 1.959963984540054) < 1e-14)
        #expect(abs(SpecialFunctions.standardNormalQuantile(0.025) + 1.959963984540054) < 1e-14)
        #expect(SpecialFunctions.standardNormalQuantile(0.5) == 0)
        #expect(abs(SpecialFunctions.standardNormalQuantile(0.841344746068543) - 1) < 1e-12)
        #expect(abs(SpecialFunctions.standardNormalQuantile(1e-10) + 6.361340902404056) < 1e-12)
    }
}
