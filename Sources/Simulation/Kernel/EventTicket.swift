/// A receipt for one scheduled event, good for cancelling it until it fires.
///
/// `slot` names the queue's bookkeeping cell the event occupies and `sequence` the event itself; a cell is reused
/// after its event fires, so a stale ticket (its event already popped or cancelled) never touches a newer event.
public struct EventTicket: Hashable, Sendable {
    public let slot: UInt32
    public let sequence: UInt64

    public init(slot: UInt32, sequence: UInt64) {
        self.slot = slot
        self.sequence = sequence
    }
}

/// One event as it leaves the queue: when, how urgent, which ticket, and what the model stored with it.
public struct ScheduledEvent<Payload> {
    /// The simulation time the event fires at, in the caller's integer unit (milliseconds for `SimulationTime`).
    public let time: Int64
    /// Lower fires first among events at the same time.
    public let priority: Int32
    public let ticket: EventTicket
    public let payload: Payload

    @inlinable
    public init(time: Int64, priority: Int32, ticket: EventTicket, payload: Payload) {
        self.time = time
        self.priority = priority
        self.ticket = ticket
        self.payload = payload
    }

    /// Insertion order: the last tie-breaker.
    public var sequence: UInt64 { ticket.sequence }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}
