import Testing

@testable import Analytics

/// Wilson and Newcombe intervals against the published tables of Newcombe (1998): "Two-sided confidence intervals
/// for the single proportion: comparison of seven methods", Statistics in Medicine 17, 857–872, Table I (method 3),
/// and "Interval estimation for the difference between independent proportions: comparison of eleven methods",
/// Statistics in Medicine 17, 873–890, Table II (method 10). The tables print four decimals; statsmodels 0.15
/// (`proportion_confint(method="wilson")`, `confint_proportions_2indep(method="newcomb")`) gives the full digits
/// used for the tighter checks.
@Suite struct StatisticsIntervalTests {
    private func proportion(_ successes: Int, _ trials: Int) throws -> Proportion {
        try Proportion(successes: successes, trials: trials)
    }

    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
    ])
    func wilsonMatchesNewcombeTableI(successes: Int, trials: Int, low: Double, high: Double) throws {
        let interval = WilsonInterval.interval(try proportion(successes, trials))
        #expect(abs(interval.low - low) < 0.00005)
        #expect(abs(interval.high - high) < 0.00005)
        #expect(interval.method == "Wilson score interval")
    }

    @Test func wilsonFullPrecisionAndEnds() throws {
        let interval = WilsonInterval.interval(try proportion(81, 263))
        #expect(abs(interval.low - 0.2552885198782742) < 1e-12)
        #expect(abs(interval.high - 0.36620957698280004) < 1e-12)
        let all = WilsonInterval.interval(try proportion(29, 29))
        #expect(all.high == 1)
        #expect(abs(all.low - 0.8830302015002592) < 1e-12)
        #expect(WilsonInterval.interval(try proportion(0, 1)).low == 0)
    }

    /// Newcombe (1998) Table II, method 10, examples (a)–(h), written as p̂B − p̂A with B the first proportion.
    @Test(arguments: [
        (56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090), (6, 7, 2, 7, 0.0582, 0.8062),
        (5, 56, 0, 29, -0.0381, 0.1926), (0, 10, 0, 20, -0.1611, 0.2775), (0, 10, 0, 10, -0.2775, 0.2775),
        (10, 10, 0, 20, 0.6791, 1.0000), (10, 10, 0, 10, 0.6075, 1.0000),
    ])
    func newcombeMatchesTableII(
        bSuccesses: Int,
        bTrials: Int,
        aSuccesses: Int,
        aTrials: Int,
        low: Double,
        high: Double
    ) throws {
        let interval = NewcombeInterval.difference(
            a: try proportion(aSuccesses, aTrials),
            b: try proportion(bSuccesses, bTrials)
        )
        #expect(abs(interval.low - low) < 0.00005)
        #expect(abs(interval.high - high) < 0.00005)
    }

    @Test func newcombeFullPrecision() throws {
        let interval = NewcombeInterval.difference(a: try proportion(48, 80), b: try proportion(56, 70))
        #expect(abs(interval.low - 0.05243147240236498) < 1e-12)
        #expect(abs(interval.high - 0.33387265403690614) < 1e-12)
        #expect(interval.method.contains("Newcombe"))
    }

    @Test func proportionRefusesImpossibleCounts() {
        #expect(throws: StatisticsError.self) { try Proportion(successes: 5, trials: 4) }
        #expect(throws: StatisticsError.self) { try Proportion(successes: 0, trials: 0) }
        #expect(throws: StatisticsError.self) { try Proportion(successes: -1, trials: 4) }
    }
}
