import Testing

@testable import Analytics

/// The relative lift against GrowthBook's own fixture (gbstats tests, re-derived in reference/analytics.md §3.1).
@Suite struct RelativeLiftTests {
    @Test func matchesGrowthBooksFrequentistFixture() throws {
        // 14/28 vs 16/30, relative: Δ = 0.06667, CI (−0.47767, 0.61101), p = 0.80707.
        let lift = try #require(RelativeLift.proportions(a: Rate(14, of: 28), b: Rate(16, of: 30)))
        #expect(abs(lift.estimate - 0.066667) < 1e-5)
        #expect(abs(lift.interval.low - -0.47767) < 1e-4)
        #expect(abs(lift.interval.high - 0.61101) < 1e-4)
        #expect(abs(lift.pValue - 0.80707) < 1e-4)
    }

    @Test func aZeroBaselineHasNoLift() {
        #expect(RelativeLift.proportions(a: Rate(0, of: 50), b: Rate(3, of: 50)) == nil)
        #expect(
            RelativeLift.means(
                a: MeanSums(count: 1, sum: 5, sumOfSquares: 25),
                b: MeanSums(count: 9, sum: 9, sumOfSquares: 9)
            ) == nil
        )
    }
}
