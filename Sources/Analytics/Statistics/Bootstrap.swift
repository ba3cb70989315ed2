import Dispatch
import Foundation
import Sampling

/// Seeded percentile bootstrap for quantiles (median and p90 time-to-resolution), where no closed-form interval
/// fits skewed durations. Efron & Tibshirani, An Introduction to the Bootstrap (1993), §13.3.
///
/// Replicate r draws from its own counter-based stream (`RandomStreams`, purpose "bootstrap", index r), so the
/// interval is a pure function of the values, the seed and the replicate count, whatever order replicates run in.
public enum Bootstrap {
    public static let method = "percentile bootstrap (seeded)"

    /// The statistic to bootstrap, as a Hyndman–Fan type 7 sample quantile.
    public enum Statistic: Sendable, Hashable {
        case median
        case p90
        case quantile(Double)

        public var probability: Double {
            switch self {
            case .median: 0.5
            case .p90: 0.9
            case .quantile(let p): p
            }
        }

        public var name: String {
            switch self {
            case .median: "median"
            case .p90: "p90"
            case .quantile(let p): "quantile \(p)"
            }
        }
    }

    public struct Result: Sendable, Hashable {
        public let statistic: Statistic
        /// The statistic of the observed sample (for a difference: B's minus A's).
        public let estimate: Double
        /// The α/2 and 1 − α/2 type 7 quantiles of the replicate statistics.
        public let interval: ConfidenceInterval
        public let replicates: Int
        public let seed: UInt64
        public var method: String { Bootstrap.method }
    }

    /// Interval for one sample's quantile.
    /// - Complexity: O(n log n + replicates · n): each replicate counts how often each sorted value was drawn and
    ///   walks the counts to the order statistics it needs, with no sort per replicate.
    /// - Throws: for an empty sample, a probability outside [0, 1] or fewer than 100 replicates.
    public static func interval(
        _ values: [Double],
        statistic: Statistic,
        seed: UInt64,
        replicates: Int = 2000,
        level: Double = 0.95
    ) throws(StatisticsError) -> Result {
        try intervals(values, statistics: [statistic], seed: seed, replicates: replicates, level: level)[0]
    }

    /// Intervals for several quantiles of one sample, read from the same resamples: each result equals what
    /// `interval` gives for that statistic alone, at the cost of one. Replicates run on every core; replicate r
    /// always uses stream r, so the results do not depend on the thread count.
    /// - Complexity: O(n log n + replicates · (n + statistics)), spread over the cores.
    /// - Throws: as `interval`, for the first statistic that cannot be bootstrapped.
    public static func intervals(
        _ values: [Double],
        statistics: [Statistic],
        seed: UInt64,
        replicates: Int = 2000,
        level: Double = 0.95
    ) throws(StatisticsError) -> [Result] {
        for statistic in statistics { try validate(values, "values", statistic, replicates) }
        let sorted = values.sorted()
        let ranks = statistics.map { QuantileRank(count: sorted.count, probability: $0.probability) }
        let streams = RandomStreams(seed: seed, purpose: StreamPurpose("bootstrap"))
        // draws[s * replicates + r]: statistic s of replicate r; each chunk of replicates writes its own slots.
        var draws = [Double](repeating: 0, count: replicates * statistics.count)
        let chunks = min(replicates, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        draws.withUnsafeMutableBufferPointer { buffer in
            let slots = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var counts = [Int32](repeating: 0, count: sorted.count)
                for replicate in stride(from: chunk, to: replicates, by: chunks) {
                    var stream = streams.stream(customer: replicate)
                    Resample.count(into: &counts, using: &stream)
                    for (index, rank) in ranks.enumerated() {
                        slots[index * replicates + replicate] = rank.value(in: sorted, counts: counts)
                    }
                }
            }
        }
        return statistics.enumerated().map { index, statistic in
            finish(
                statistic,
                ranks[index].observed(in: sorted),
                Array(draws[(index * replicates)..<((index + 1) * replicates)]),
                seed,
                level
            )
        }
    }

    /// Interval for the difference statistic(B) − statistic(A), the two samples resampled independently.
    /// - Complexity: O(replicates · (nA + nB)) after the sorts.
    public static func differenceInterval(
        a: [Double],
        b: [Double],
        statistic: Statistic,
        seed: UInt64,
        replicates: Int = 2000,
        level: Double = 0.95
    ) throws(StatisticsError) -> Result {
        try validate(a, "a", statistic, replicates)
        try validate(b, "b", statistic, replicates)
        let sortedA = a.sorted()
        let sortedB = b.sorted()
        let rankA = QuantileRank(count: sortedA.count, probability: statistic.probability)
        let rankB = QuantileRank(count: sortedB.count, probability: statistic.probability)
        var countsA = [Int32](repeating: 0, count: sortedA.count)
        var countsB = [Int32](repeating: 0, count: sortedB.count)
        let streamsA = RandomStreams(seed: seed, purpose: StreamPurpose("bootstrap.a"))
        let streamsB = RandomStreams(seed: seed, purpose: StreamPurpose("bootstrap.b"))
        var draws = [Double](repeating: 0, count: replicates)
        for replicate in 0..<replicates {
            var streamA = streamsA.stream(customer: replicate)
            var streamB = streamsB.stream(customer: replicate)
            Resample.count(into: &countsA, using: &streamA)
            Resample.count(into: &countsB, using: &streamB)
            draws[replicate] = rankB.value(in: sortedB, counts: countsB) - rankA.value(in: sortedA, counts: countsA)
        }
        let estimate = rankB.observed(in: sortedB) - rankA.observed(in: sortedA)
        return finish(statistic, estimate, draws, seed, level)
    }

    private static func validate(
        _ values: [Double],
        _ input: String,
        _ statistic: Statistic,
        _ replicates: Int
    ) throws(StatisticsError) {
        try StatisticsError.require(!values.isEmpty, method, input, "is empty")
        try StatisticsError.require(
            values.allSatisfy { $0.isFinite },
            method,
            input,
            "holds a value that is not a finite number"
        )
        let p = statistic.probability
        try StatisticsError.require(p >= 0 && p <= 1, method, "statistic", "probability must be in [0, 1], got \(p)")
        try StatisticsError.require(replicates >= 100, method, "replicates", "must be at least 100, got \(replicates)")
    }

    private static func finish(
        _ statistic: Statistic,
        _ estimate: Double,
        _ draws: [Double],
        _ seed: UInt64,
        _ level: Double
    ) -> Result {
        let sorted = draws.sorted()
        let tail = (1 - level) / 2
        let low = Quantile.type7(sorted: sorted, tail) ?? .nan
        let high = Quantile.type7(sorted: sorted, 1 - tail) ?? .nan
        return Result(
            statistic: statistic,
            estimate: estimate,
            interval: ConfidenceInterval(low: low, high: high, level: level, method: method),
            replicates: draws.count,
            seed: seed
        )
    }
}

/// A resample of n values as multiplicities: `counts[i]` is how often sorted value i was drawn.
private enum Resample {
    static func count(into counts: inout [Int32], using stream: inout CustomerStream) {
        let n = counts.count
        for index in counts.indices { counts[index] = 0 }
        for _ in 0..<n { counts[stream.nextIndex(n)] += 1 }
    }
}

/// Where a type 7 quantile sits in a sorted sample of `count` values: between the order statistics at ⌊h⌋ and
/// ⌊h⌋ + 1, h = (n − 1)p, so a resample's quantile needs only a walk of its multiplicities to those two ranks.
private struct QuantileRank {
    let lowRank: Int
    let highRank: Int
    let fraction: Double
    let probability: Double

    init(count: Int, probability: Double) {
        let h = Double(count - 1) * probability
        lowRank = Int(h)
        highRank = min(lowRank + 1, count - 1)
        fraction = h - Double(lowRank)
        self.probability = probability
    }

    func observed(in sorted: [Double]) -> Double { Quantile.type7(sorted: sorted, probability) ?? .nan }

    func value(in sorted: [Double], counts: [Int32]) -> Double {
        var cumulative = 0
        var low = Double.nan
        for (index, count) in counts.enumerated() where count > 0 {
            cumulative += Int(count)
            if low.isNaN && cumulative > lowRank { low = sorted[index] }
            if cumulative > highRank { return low + fraction * (sorted[index] - low) }
        }
        return low
    }
}

/// An array's storage shared with `concurrentPerform` workers that each write only their own slots.
private struct SendableBuffer: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Double>
    init(_ base: UnsafeMutableBufferPointer<Double>) { self.base = base }
    subscript(index: Int) -> Double {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
