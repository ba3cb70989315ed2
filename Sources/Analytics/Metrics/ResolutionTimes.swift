import Sampling

/// Time to resolution of one arm: first inbound question → resolved, split by who resolved it, with the
/// conversations that were not resolved counted apart, never dropped (DESIGN.md).
///
/// Resolution is the agent closing the hand-off as resolved when the conversation was handed off, else the first
/// automated answer after the question. A hand-off closed as abandoned is `abandoned`; a question nobody answered,
/// or a hand-off still open when the run ended, is `unresolved`.
public struct ResolutionTimes: Sendable, Hashable {
    /// Milliseconds, in conversation order.
    public var automated: [Int64] = []
    public var agent: [Int64] = []
    public var abandoned: Int64 = 0
    public var unresolved: Int64 = 0

    public init() {}

    /// Every resolved conversation, automated and agent.
    public var resolved: [Int64] { automated + agent }

    /// Conversations with a question: the automation rate's denominator.
    public var questions: Int64 { Int64(automated.count + agent.count) + abandoned + unresolved }

    /// Automation rate = conversations resolved by automation alone ÷ conversations with a question.
    public var automationRate: Rate { Rate(Int64(automated.count), of: questions) }
}

/// Median, p90 and mean of a set of durations (Hyndman & Fan type 7 quantiles, `Sampling.Quantile`): exact, since
/// SQLite has no percentile function and the values are few enough to sort.
public struct DurationSummary: Sendable, Hashable {
    public var count: Int
    public var median: Double
    public var p90: Double
    public var mean: Double

    /// - Complexity: O(n log n).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        median = Quantile.type7(sorted: sorted, 0.5) ?? .nan
        p90 = Quantile.type7(sorted: sorted, 0.9) ?? .nan
        mean = sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)
    }

    /// The `p` quantile of `values` (type 7), nil for none.
    public static func quantile(_ values: [Double], _ p: Double) -> Double? {
        Quantile.type7(sorted: values.sorted(), p)
    }
}
