import Testing

@testable import Sampling

@Suite struct BoundedAndShuffleTests {
    @Test func boundedIsUniformOverADie() {
        var generator = Xoshiro256StarStar(seed: 11)
        var counts = [Int](repeating: 0, count: 6)
        let n = 60_000
        for _ in 0..<n { counts[Int(generator.nextBounded(6))] += 1 }
        // Each face ~ Binomial(60000, 1/6): sd ≈ 91; allow 5 sd.
        for count in counts { #expect(abs(count - n / 6) < 5 * 91, "counts \(counts)") }
    }

    @Test func boundedStaysBelowHugeBounds() {
        var generator = SplitMix64(seed: 5)
        let bound = UInt64(1) << 63 + 1
        for _ in 0..<10_000 { #expect(generator.nextBounded(bound) < bound) }
        for _ in 0..<100 { #expect(generator.nextBounded(1) == 0) }
    }

    @Test func shuffleGivesEveryOrderEquallyOften() {
        var generator = SplitMix64(seed: 17)
        var counts: [[Int]: Int] = [:]
        let n = 60_000
        for _ in 0..<n {
            var items = [0, 1, 2]
            items.fisherYatesShuffle(using: &generator)
            counts[items, default: 0] += 1
        }
        #expect(counts.count == 6)
        // Each of the 6 orders ~ Binomial(60000, 1/6): sd ≈ 91.
        for (order, count) in counts.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            #expect(abs(count - n / 6) < 5 * 91, "order \(order) seen \(count) times")
        }
    }

    @Test func shuffleIsAPermutationAndRepeatable() {
        var first = SplitMix64(seed: 99)
        var second = SplitMix64(seed: 99)
        var a = Array(0..<50)
        var b = Array(0..<50)
        a.fisherYatesShuffle(using: &first)
        b.fisherYatesShuffle(using: &second)
        #expect(a == b)
        #expect(a.sorted() == Array(0..<50))
        #expect(a != Array(0..<50))
    }
}
