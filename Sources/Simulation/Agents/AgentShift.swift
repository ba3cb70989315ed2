/// One agent's working hours and how many chats they handle at once.
///
/// An agent picks up a new chat only while `start <= now < end`; chats in hand at the end of the shift are
/// finished (overtime), not dropped.
public struct AgentShift<Instant: PoolInstant>: Sendable {
    public var start: Instant
    public var end: Instant
    /// Chats the agent works on at the same time (each keeps its own service time).
    public var concurrentChats: Int

    public init(start: Instant, end: Instant, concurrentChats: Int = 1) {
        precondition(concurrentChats >= 1, "an agent handles at least one chat at a time")
        self.start = start
        self.end = end
        self.concurrentChats = concurrentChats
    }
}

/// Which waiting chat an agent takes next.
public enum QueueDiscipline: String, Sendable, CaseIterable {
    /// First come, first served.
    case fifo
    /// The largest cart first; equal carts in arrival order.
    case highestCartValueFirst = "cart-value"
}
