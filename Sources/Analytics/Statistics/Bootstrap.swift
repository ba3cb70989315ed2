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
        try validate(values, "values", statistic, replicates)
        var sample = ResampledQuantile(values, probability: statistic.probability)
        let streams = RandomStreams(seed: seed, purpose: StreamPurpose("bootstrap"))
        var draws = [Double](repeating: 0, count: replicates)
        for replicate in 0..<replicates {
            var stream = streams.stream(customer: replicate)
            draws[replicate] = sample.draw(using: &stream)
        }
        return finish(statistic, sample.observed, draws, seed, level)
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
        var sampleA = ResampledQuantile(a, probability: statistic.probability)
        var sampleB = ResampledQuantile(b, probability: statistic.probability)
        let streamsA = RandomStreams(seed: seed, purpose: StreamPurpose("bootstrap.a"))
        let streamsB = RandomStreams(seed: seed, purpose: StreamPurpose("bootstrap.b"))
        var draws = [Double](repeating: 0, count: replicates)
        for replicate in 0..<replicates {
            var streamA = streamsA.stream(customer: replicate)
            var streamB = streamsB.stream(customer: replicate)
            draws[replicate] = sampleB.draw(using: &streamB) - sampleA.draw(using: &streamA)
        }
        return finish(statistic, sampleB.observed - sampleA.observed, draws, seed, level)
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

/// One sample sorted once, with a reusable multiplicity buffer: a resample is n indices into the sorted values,
/// and its type 7 quantile needs only the order statistics at ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)p.
private struct ResampledQuantile {
    let sorted: [Double]
    let lowRank: Int
    let fraction: Double
    let observed: Double
    var counts: [Int32]

    init(_ values: [Double], probability: Double) {
        sorted = values.sorted()
        let h = Double(sorted.count - 1) * probability
        lowRank = Int(h)
        fraction = h - Double(lowRank)
        observed = Quantile.type7(sorted: sorted, probability) ?? .nan
        counts = [Int32](repeating: 0, count: sorted.count)
    }

    mutating func draw(using stream: inout CustomerStream) -> Double {
        let n = sorted.count
        for index in counts.indices { counts[index] = 0 }
        for _ in 0..<n { counts[stream.nextIndex(n)] += 1 }
        let highRank = min(lowRank + 1, n - 1)
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
