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

/// Order statistics over exact values (SQLite has no percentile function, so quantiles are computed in Swift).
public enum Quantile {
    /// The `p`-quantile by linear interpolation between order statistics (Hyndman & Fan type 7, the default of R
    /// and NumPy): position p·(n − 1). NaN for an empty sample.
    /// - Complexity: O(n log n) for the sort; pass sorted values to `ofSorted` to reuse one sort.
    public static func of(_ values: [Double], _ p: Double) -> Double {
        ofSorted(values.sorted(), p)
    }

    /// `of` on values already sorted ascending. O(1).
    public static func ofSorted(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = min(max(p, 0), 1) * Double(sorted.count - 1)
        let low = Int(position)
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    /// Arithmetic mean; NaN for an empty sample.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
