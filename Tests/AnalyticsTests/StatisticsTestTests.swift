import Testing

@testable import Analytics

/// The hypothesis tests against published outputs and independently computed values.
@Suite struct StatisticsTestTests {
    /// Independently computed: statsmodels 0.15 `proportions_ztest([200, 240], [1000, 1000])` gives z = −2.1591675854376513
    /// (sign for A − B), p = 0.030837167828904312; scipy `chi2_contingency(correction=False)` on the same table gives
    /// χ² = 4.662004662004662 = z², the textbook identity.
    @Test func twoProportionZ() throws {
        let result = TwoProportionZTest.test(
            a: try Proportion(successes: 200, trials: 1000),
            b: try Proportion(successes: 240, trials: 1000)
        )
        #expect(abs(result.z - 2.1591675854376513) < 1e-12)
        #expect(abs(result.z * result.z - 4.662004662004662) < 1e-11)
        #expect(abs(result.pValue - 0.030837167828904312) < 1e-13)
        #expect(abs(result.difference - 0.04) < 1e-15)
        #expect(result.testName.contains("two-proportion z-test"))
        #expect(result.differenceInterval.contains(result.difference))
    }

    @Test func twoProportionZWithoutVariationIsNaNNotAVerdict() throws {
        let result = TwoProportionZTest.test(
            a: try Proportion(successes: 0, trials: 50),
            b: try Proportion(successes: 0, trials: 40)
        )
        #expect(result.z.isNaN && result.pValue.isNaN)
        // Newcombe is still defined at 0/n vs 0/n (Table II example (e) pattern).
        #expect(result.differenceInterval.low < 0 && result.differenceInterval.high > 0)
    }

    /// R's `t.test(extra ~ group, data = sleep)` (Student's sleep data, R documentation), the classic published
    /// Welch output: t = −1.8608, df = 17.776, p-value = 0.07939, 95 % CI −3.3654832 0.2054832 (group 1 − group 2).
    /// Here B = group 2, A = group 1, so t and the interval change sign.
    @Test func welchOnStudentsSleepData() throws {
        let group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
        let group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
        let result = try WelchTTest.test(a: group1, b: group2)
        #expect(abs(result.t - 1.8608134674868526) < 1e-10)
        #expect(abs(result.degreesOfFreedom - 17.776473516178488) < 1e-9)
        #expect(abs(result.pValue - 0.0793941401873583) < 1e-10)
        #expect(abs(result.differenceInterval.low - -0.20548323071171137) < 1e-8)
        #expect(abs(result.differenceInterval.high - 3.3654832307117104) < 1e-8)
        #expect(result.testName.contains("Welch"))
    }

    /// Wikipedia, "Welch's t-test", example 1 (equal sizes, unequal variances): t = −2.46, ν ≈ 25.0, p = 0.021;
    /// scipy 1.17 `ttest_ind(equal_var=False)`: t = −2.455356398286006, ν = 24.988529290231416, p = 0.021378001462866992.
    @Test func welchWikipediaExample() throws {
        let a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
        let a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
        let result = try WelchTTest.test(a: a2, b: a1)
        #expect(abs(result.t - -2.455356398286006) < 1e-10)
        #expect(abs(result.degreesOfFreedom - 24.988529290231416) < 1e-9)
        #expect(abs(result.pValue - 0.021378001462866992) < 1e-10)
    }

    @Test func welchFromSufficientStatisticsMatchesRawValues() throws {
        let values = [3.0, 5.0, 8.0, 13.0]
        let sum = values.reduce(0, +)
        let squares = values.map { $0 * $0 }.reduce(0, +)
        let fromSums = WelchTTest.Summary(count: 4, sum: sum, sumOfSquares: squares)
        let fromValues = WelchTTest.Summary(values: values)
        #expect(abs(fromSums.variance - fromValues.variance) < 1e-12)
        #expect(abs(fromValues.variance - 18.916666666666668) < 1e-12)
    }

    @Test func welchRefusesDegenerateSamples() {
        #expect(throws: StatisticsError.self) { try WelchTTest.test(a: [1.0], b: [1.0, 2.0]) }
        #expect(throws: StatisticsError.self) { try WelchTTest.test(a: [2.0, 2.0], b: [2.0, 2.0, 2.0]) }
    }

    /// Student t tails and quantiles against scipy 1.17 `stats.t` (independently computed) and the printed table
    /// value t₀.₉₇₅,∞ = 1.960.
    @Test func studentT() {
        #expect(abs(StudentT.twoSidedPValue(2.0, degreesOfFreedom: 3) - 0.13932596855884305) < 1e-12)
        #expect(abs(StudentT.twoSidedPValue(2.5, degreesOfFreedom: 1e6) - 0.012419489502163254) < 1e-9)
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 17.776) - 2.102821310380221) < 1e-9)
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1e6) - 1.959966356814107) < 1e-9)
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: 2.5) - -3.5746548420036834) < 1e-9)
    }

    /// Chi-square table critical values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.4): 3.841 (df 1, 0.05),
    /// 10.828 (df 1, 0.001), 13.816 (df 2, 0.001), 18.307 (df 10, 0.05), at full precision from scipy.stats.chi2.isf.
    @Test(arguments: [
        (3.841458820694124, 1, 0.05), (10.827566170662733, 1, 0.001), (13.815510557964274, 2, 0.001),
        (18.307038053275146, 10, 0.05),
    ])
    func chiSquareTable(value: Double, df: Int, p: Double) {
        #expect(abs(ChiSquared.survival(value, degreesOfFreedom: df) / p - 1) < 1e-10)
    }

    /// 5000 vs 5210 at 1:1: χ² = 2·105²/5105 = 4.319294809010774, p = 0.037682535473058755 (scipy.stats.chisquare):
    /// suspicious but not past GrowthBook's 0.001 threshold.
    @Test func sampleRatioMismatch() throws {
        let result = try SampleRatioMismatch.test(observed: [5000, 5210], ratios: [1, 1])
        #expect(abs(result.chiSquare - 4.319294809010774) < 1e-12)
        #expect(abs(result.pValue - 0.037682535473058755) < 1e-12)
        #expect(!result.mismatch)
        #expect(result.degreesOfFreedom == 1)
        // 5000 vs 5300 crosses it: χ² = 2·150²/5150 = 8.737… p ≈ 0.0031; 5000 vs 5500 is far past.
        #expect(try SampleRatioMismatch.test(observed: [5000, 5500], ratios: [0.5, 0.5]).mismatch)
        // Shares need not sum to 1: 90/10 holdout split observed exactly.
        let holdout = try SampleRatioMismatch.test(observed: [900, 100], ratios: [90, 10])
        #expect(holdout.chiSquare == 0 && holdout.pValue == 1)
    }

    @Test func sampleRatioMismatchValidation() {
        #expect(throws: StatisticsError.self) { try SampleRatioMismatch.test(observed: [1, 2], ratios: [1]) }
        #expect(throws: StatisticsError.self) { try SampleRatioMismatch.test(observed: [1, 2], ratios: [1, 0]) }
        #expect(throws: StatisticsError.self) { try SampleRatioMismatch.test(observed: [5], ratios: [1]) }
    }

    /// Wikipedia, "Holm–Bonferroni method", example: p = 0.01, 0.04, 0.03, 0.005 at α = 0.05 rejects H1 and H4 only;
    /// adjusted p = 0.03, 0.06, 0.06, 0.02 (statsmodels `multipletests(method="holm")`, same order);
    /// Benjamini–Hochberg gives 0.02, 0.04, 0.04, 0.02 (`method="fdr_bh"`).
    @Test func holmAndBenjaminiHochberg() {
        let raw = [0.01, 0.04, 0.03, 0.005]
        let holm = MultipleComparisons.holm(raw)
        for (got, expected) in zip(holm, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(got - expected) < 1e-15) }
        #expect(holm.map { $0 < 0.05 } == [true, false, false, true])
        let bh = MultipleComparisons.benjaminiHochberg(raw)
        for (got, expected) in zip(bh, [0.02, 0.04, 0.04, 0.02]) { #expect(abs(got - expected) < 1e-15) }
        let withGap = MultipleComparisons.holm([0.01, .nan, 0.5])
        #expect(withGap[0] == 0.02 && withGap[1].isNaN && withGap[2] == 0.5)
        #expect(MultipleComparisons.holm([0.6, 0.7]) == [1, 1])
    }

    @Test func correctionsByName() {
        let holm = MultipleComparisons.adjust([0.01, 0.04], by: .holm)
        #expect(holm.adjusted == [0.02, 0.04])
        #expect(holm.method == "Holm–Bonferroni step-down")
        #expect(MultipleComparisons.adjust([0.01, 0.04], by: .none).adjusted == [0.01, 0.04])
    }

    /// 20 % → 25 %, α 0.05 two-sided, power 0.8: 1093.739 per arm, the figure R's `power.prop.test(p1 = 0.2,
    /// p2 = 0.25, power = 0.8)` prints (same formula) and reference/analytics.md §3.2 lists as "pooled"; recomputed
    /// independently with scipy.stats.norm.ppf: 1093.7390457661647. 50 % → 75 % at power 0.9: 76.70692845177743.
    @Test func sampleSize() throws {
        let plan = try SampleSize.twoProportions(baseline: 0.20, mde: 0.05)
        #expect(abs(plan.exactPerArm - 1093.7390457661647) < 1e-8)
        #expect(plan.perArm == 1094)
        let strong = try SampleSize.twoProportions(baseline: 0.5, mde: 0.25, alpha: 0.05, power: 0.9)
        #expect(abs(strong.exactPerArm - 76.70692845177743) < 1e-9)
        #expect(strong.perArm == 77)
        #expect(try SampleSize.twoProportions(baseline: 0.20, mde: 0.02).perArm == 6510)
        #expect(plan.formula.contains("sqrt(2 * pbar * (1 - pbar))"))
    }

    @Test func sampleSizeValidation() {
        #expect(throws: StatisticsError.self) { try SampleSize.twoProportions(baseline: 0.9, mde: 0.2) }
        #expect(throws: StatisticsError.self) { try SampleSize.twoProportions(baseline: 0.2, mde: 0) }
        #expect(throws: StatisticsError.self) { try SampleSize.twoProportions(baseline: 0.2, mde: 0.1, power: 1) }
    }
}
