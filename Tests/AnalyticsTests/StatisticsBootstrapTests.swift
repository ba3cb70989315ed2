import Sampling
import Testing

@testable import Analytics

/// The bootstrap cannot be checked against a table, so it is checked against theory and against itself only for
/// determinism: the asymptotic standard error of a sample median, √(π/2)·σ/√n for normal data (Kendall & Stuart,
/// The Advanced Theory of Statistics, vol. 1, §10.10), which a 95 % percentile interval should match to within
/// the Monte Carlo wobble.
@Suite struct StatisticsBootstrapTests {
    /// A normal sample drawn from Sampling's generator, so the test is reproducible.
    private func normalSample(count: Int, mean: Double, sd: Double, seed: UInt64) throws -> [Double] {
        var source = Xoshiro256StarStar(seed: seed)
        let normal = try Normal(mean: mean, standardDeviation: sd)
        return (0..<count).map { _ in normal.sample(&source) }
    }

    @Test func medianIntervalWidthMatchesAsymptoticTheory() throws {
        let values = try normalSample(count: 2000, mean: 100, sd: 15, seed: 7)
        let result = try Bootstrap.interval(values, statistic: .median, seed: 42)
        let width = result.interval.high - result.interval.low
        let theory = 2 * 1.959963984540054 * (Double.pi / 2).squareRoot() * 15 / 2000.0.squareRoot()
        #expect(abs(width / theory - 1) < 0.15, "width \(width) vs asymptotic \(theory)")
        #expect(result.interval.contains(result.estimate))
        #expect(result.interval.contains(100))
        #expect(result.method == "percentile bootstrap (seeded)")
    }

    @Test func sameSeedSameInterval() throws {
        let values = try normalSample(count: 300, mean: 10, sd: 3, seed: 1)
        let first = try Bootstrap.interval(values, statistic: .p90, seed: 9)
        let second = try Bootstrap.interval(values, statistic: .p90, seed: 9)
        let other = try Bootstrap.interval(values, statistic: .p90, seed: 10)
        #expect(first == second)
        #expect(first.interval != other.interval)
        // p90 of N(10, 3) is 10 + 1.2816·3 ≈ 13.84.
        #expect(first.interval.contains(13.84))
    }

    @Test func identicalValuesGiveAPointInterval() throws {
        let result = try Bootstrap.interval([4, 4, 4, 4, 4], statistic: .median, seed: 1, replicates: 200)
        #expect(result.estimate == 4 && result.interval.low == 4 && result.interval.high == 4)
    }

    @Test func differenceOfMediansFindsAShift() throws {
        let a = try normalSample(count: 800, mean: 50, sd: 10, seed: 3)
        let b = try normalSample(count: 800, mean: 56, sd: 10, seed: 4)
        let result = try Bootstrap.differenceInterval(a: a, b: b, statistic: .median, seed: 5)
        #expect(result.interval.low > 0)
        #expect(result.interval.contains(6))
    }

    /// The shared, multi-core resampling must give exactly what the textbook procedure gives: replicate r draws
    /// n indices from stream r, sorts the resample and takes its type 7 quantile.
    @Test func sharedResamplesEqualTheTextbookProcedure() throws {
        let values = try normalSample(count: 257, mean: 30, sd: 8, seed: 11)
        let statistics: [Bootstrap.Statistic] = [.median, .p90]
        let shared = try Bootstrap.intervals(values, statistics: statistics, seed: 3, replicates: 400)
        let sorted = values.sorted()
        let streams = RandomStreams(seed: 3, purpose: StreamPurpose("bootstrap"))
        for (index, statistic) in statistics.enumerated() {
            var draws: [Double] = []
            for replicate in 0..<400 {
                var stream = streams.stream(customer: replicate)
                let resample = (0..<sorted.count).map { _ in sorted[stream.nextIndex(sorted.count)] }.sorted()
                draws.append(Quantile.type7(sorted: resample, statistic.probability)!)
            }
            draws.sort()
            #expect(shared[index].interval.low == Quantile.type7(sorted: draws, 0.025))
            #expect(shared[index].interval.high == Quantile.type7(sorted: draws, 0.975))
            #expect(shared[index] == (try Bootstrap.interval(values, statistic: statistic, seed: 3, replicates: 400)))
        }
    }

    @Test func refusesEmptySamples() {
        #expect(throws: StatisticsError.self) { try Bootstrap.interval([], statistic: .median, seed: 1) }
        #expect(throws: StatisticsError.self) {
            try Bootstrap.interval([1, 2], statistic: .median, seed: 1, replicates: 5)
        }
    }
}
