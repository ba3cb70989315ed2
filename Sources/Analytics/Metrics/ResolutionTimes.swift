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
