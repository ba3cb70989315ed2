import Testing

@testable import Sampling

/// 10^5 draws per distribution: sample mean within 5 standard errors of the exact mean, sample variance within a
/// stated relative tolerance, and the Kolmogorov–Smirnov distance to the exact CDF below the α = 0.001 critical
/// value (1.9495/√n ≈ 0.00616).
@Suite struct DistributionTests {
    static let n = 100_000
    static let critical = KolmogorovSmirnov.criticalValue(sampleSize: n, alpha: 0.001)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var distribution: any ContinuousDistribution
        var varianceTolerance: Double
        var testDescription: String { name }
    }

    static let cases: [Case] = try! [
        Case(name: "Exponential(mean 2)", distribution: Exponential(mean: 2), varianceTolerance: 0.04),
        Case(name: "Normal(5, 2)", distribution: Normal(mean: 5, standardDeviation: 2), varianceTolerance: 0.03),
        Case(
            name: "LogNormal(mean $80, sd $48)",
            distribution: LogNormal(mean: 80, standardDeviation: 48),
            varianceTolerance: 0.06
        ),
        Case(name: "Gamma(2.5, 3)", distribution: Gamma(shape: 2.5, scale: 3), varianceTolerance: 0.04),
        // CDNOW BG/NBD purchase-rate heterogeneity: r = 0.243, α = 4.414 (Fader, Hardie & Lee 2005).
        Case(
            name: "Gamma(0.243, 1/4.414)",
            distribution: Gamma(shape: 0.243, scale: 1 / 4.414),
            varianceTolerance: 0.08
        ),
        Case(name: "Beta(2, 5)", distribution: Beta(alpha: 2, beta: 5), varianceTolerance: 0.03),
        // CDNOW BG/NBD drop-out heterogeneity: a = 0.793, b = 2.426.
        Case(name: "Beta(0.793, 2.426)", distribution: Beta(alpha: 0.793, beta: 2.426), varianceTolerance: 0.03),
    ]

    @Test(arguments: cases)
    func drawsMatchTheExactDistribution(_ testCase: Case) {
        var source = Xoshiro256StarStar(seed: 20_261_129)
        let draws = (0..<Self.n).map { _ in testCase.distribution.sample(&source) }
        let (mean, variance) = Self.moments(draws)
        let standardError = (testCase.distribution.variance / Double(Self.n)).squareRoot()
        #expect(abs(mean - testCase.distribution.mean) < 5 * standardError, "mean \(mean)")
        #expect(
            abs(variance / testCase.distribution.variance - 1) < testCase.varianceTolerance,
            "variance \(variance)"
        )
        let distance = KolmogorovSmirnov.distance(draws, cdf: testCase.distribution.cdf)
        #expect(distance < Self.critical, "KS distance \(distance) ≥ \(Self.critical)")
    }

    @Test func uniformUnitPassesKolmogorovSmirnov() {
        var source = CustomerStream(seed: 42, customer: 3)
        let draws = (0..<Self.n).map { _ in source.nextUnit() }
        let (mean, variance) = Self.moments(draws)
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / Double(Self.n)).squareRoot())
        #expect(abs(variance * 12 - 1) < 0.02)
        #expect(KolmogorovSmirnov.distance(draws, cdf: { min(max($0, 0), 1) }) < Self.critical)
    }

    /// The check has teeth: draws with mean 2 are rejected against a mean of 2.1.
    @Test func kolmogorovSmirnovRejectsAWrongModel() throws {
        var source = Xoshiro256StarStar(seed: 1)
        let truth = try Exponential(mean: 2)
        let wrong = try Exponential(mean: 2.1)
        let draws = (0..<Self.n).map { _ in truth.sample(&source) }
        #expect(KolmogorovSmirnov.distance(draws, cdf: wrong.cdf) > Self.critical)
    }

    @Test(arguments: [0.4, 3.5, 9.99, 10, 42, 1_000])
    func poissonMatchesItsCDF(mean: Double) throws {
        let poisson = try Poisson(mean: mean)
        var source = Xoshiro256StarStar(seed: 77)
        let draws = (0..<Self.n).map { _ in poisson.sample(&source) }
        let (sampleMean, variance) = Self.moments(draws.map(Double.init))
        #expect(abs(sampleMean - mean) < 5 * (mean / Double(Self.n)).squareRoot(), "mean \(sampleMean)")
        #expect(abs(variance / mean - 1) < 0.04, "variance \(variance)")
        let distance = KolmogorovSmirnov.distance(draws, cdf: poisson.cdf)
        #expect(distance < Self.critical, "KS distance \(distance)")
    }

    @Test func aliasTableFrequenciesMatchWeights() throws {
        let weights = [5.0, 0, 1, 3, 1]
        let table = try AliasTable(weights: weights)
        var source = SplitMix64(seed: 8)
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<Self.n { counts[table.sample(&source)] += 1 }
        #expect(counts[1] == 0)
        for (index, probability) in table.probabilities.enumerated() {
            let expected = probability * Double(Self.n)
            let sd = (Double(Self.n) * probability * (1 - probability)).squareRoot()
            #expect(abs(Double(counts[index]) - expected) <= 5 * sd, "category \(index): \(counts[index])")
        }
    }

    @Test func badParametersNameTheParameter() {
        #expect {
            _ = try LogNormal(mean: 80, standardDeviation: -1)
        } throws: { error in
            let error = error as? SamplingError
            return error?.distribution == "LogNormal" && error?.parameter == "standardDeviation"
        }
        #expect {
            _ = try AliasTable(weights: [1, -2])
        } throws: { error in
            (error as? SamplingError)?.parameter == "weights[1]"
        }
        #expect(
            throws: SamplingError(
                distribution: "Categorical",
                parameter: "weights",
                reason: "must have at least one positive weight"
            )
        ) {
            _ = try AliasTable(weights: [0, 0])
        }
        #expect(throws: SamplingError.self) { _ = try Beta(mean: 1.2, concentration: 3) }
    }

    static func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / Double(values.count - 1))
    }
}

/// Fixed draw counts keep common random numbers aligned: a customer's later draws in a purpose do not move when an
/// earlier value changes. Rejection methods (gamma, beta, PTRS Poisson) are documented as variable.
@Suite struct DrawCountTests {
    @Test func fixedCountDistributionsTakeTheirDocumentedWords() throws {
        let exponential = try Exponential(mean: 3)
        let normal = try Normal(mean: 0, standardDeviation: 1)
        let logNormal = try LogNormal(mean: 80, standardDeviation: 40)
        let table = try AliasTable(weights: [1, 2, 3])
        let poisson = try Poisson(mean: 4)
        for customer in 0..<200 {
            func count<Value>(_ body: (inout CustomerStream) -> Value) -> UInt64 {
                var stream = CustomerStream(seed: 1, customer: UInt64(customer))
                _ = body(&stream)
                return stream.counter
            }
            #expect(count { exponential.sample(&$0) } == 1)
            #expect(count { normal.sample(&$0) } == 2)
            #expect(count { logNormal.sample(&$0) } == 2)
            #expect(count { table.sample(&$0) } == 2)
            #expect(count { poisson.sample(&$0) } == 1, "inversion below mean 10 takes one word")
            #expect(count { $0.nextBounded(6) } == 1)
        }
    }
}
