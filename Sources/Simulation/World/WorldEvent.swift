/// One pending happening in the world, 16 bytes, stored by value in the kernel's `EventQueue`.
struct WorldEvent: Sendable {
    enum Kind: UInt8, Sendable {
        /// The sender pool releases the customer's first text: the flow starts.
        case start
        /// A text the gate deferred reaches its time; it leaves only if the session still lists it.
        case deliver
        /// The customer reads a delivered text (argument: the message's index in the customer's records).
        case read
        /// The customer's reply arrives (argument: index into the customer's drawn replies).
        case reply
        /// The wait's timeout, valid while `generation` matches the customer's.
        case timeout
        /// The conversation's expiry, valid while `generation` matches.
        case expire
        /// The customer places the order.
        case order
        /// The customer texts START after an opt-out.
        case restart
        /// A hand-off reaches the agents' queue.
        case handoffArrives
        /// An agent finishes a chat (argument: chat index in the pool).
        case agentDone
        /// A waiting customer's patience runs out (argument: chat index).
        case agentAbandon
        /// A shift begins: waiting chats may be picked up.
        case shiftStart
    }

    /// Index of the customer in the shard's table (unused for shift starts).
    var customer: Int32
    var kind: Kind
    var argument: Int32
    var generation: UInt32

    /// Same-millisecond order: deferred texts leave before anything else happens to the customer (the runtime
    /// drops a deferred text from `pendingSends` once any later call reaches its time); agents finish before
    /// timers; replies before reads.
    var priority: Int32 {
        switch kind {
        case .deliver: 0
        case .agentDone, .agentAbandon: 1
        case .shiftStart, .handoffArrives: 2
        case .timeout, .expire: 3
        case .start: 4
        case .reply, .restart: 5
        case .read: 6
        case .order: 7
        }
    }
}
