/// A chat's index in its `AgentPool` (0, 1, 2… in arrival order).
public struct ChatID: Hashable, Comparable, Sendable {
    public let index: UInt32

    public init(index: UInt32) {
        self.index = index
    }

    public static func < (lhs: ChatID, rhs: ChatID) -> Bool { lhs.index < rhs.index }
}

/// Where a chat stands: waiting, with an agent, or finished one of two ways.
public enum ChatState: UInt8, Sendable {
    case waiting
    case inService
    case resolved
    case abandoned
}

/// What the pool knows about one chat: the times a hand-off row needs and the work it carries.
///
/// Stored with sentinels rather than optionals so a record stays a flat 64-byte value; read the optionals.
public struct ChatRecord<Instant: PoolInstant>: Sendable {
    public let queuedAt: Instant
    /// When the customer gives up if nobody has picked the chat up (`Instant.never`: never).
    public let deadline: Instant
    /// The agent's working time on this chat.
    public let service: Instant.Span
    /// Orders the queue under `QueueDiscipline.highestCartValueFirst` (cents or microdollars, the caller's unit).
    public let cartValue: Int64
    /// The caller's own key, e.g. the customer index.
    public let reference: Int64
    public internal(set) var state: ChatState = .waiting
    @usableFromInline var pickedUp: Instant
    @usableFromInline var ended: Instant
    /// Agent index, or -1 while nobody has it.
    public internal(set) var agent: Int32 = -1
    /// Whether the caller has been told about the abandonment (the pool may notice it first, at a pick-up).
    @usableFromInline var abandonmentReported = false

    init(queuedAt: Instant, deadline: Instant, service: Instant.Span, cartValue: Int64, reference: Int64) {
        self.queuedAt = queuedAt
        self.deadline = deadline
        self.service = service
        self.cartValue = cartValue
        self.reference = reference
        pickedUp = queuedAt
        ended = queuedAt
    }

    public var pickedUpAt: Instant? { state == .inService || state == .resolved ? pickedUp : nil }
    /// When it was resolved or abandoned.
    public var endedAt: Instant? { state == .resolved || state == .abandoned ? ended : nil }
    /// Time in the queue: until pick-up, or until the customer left.
    public var waited: Instant.Span? {
        switch state {
        case .waiting: nil
        case .inService, .resolved: pickedUp - queuedAt
        case .abandoned: ended - queuedAt
        }
    }
}

/// An agent taking a chat: the caller schedules the completion at `completesAt`.
public struct PickUp<Instant: PoolInstant>: Sendable {
    public let chat: ChatID
    public let agent: Int
    public let pickedUpAt: Instant
    public let completesAt: Instant
}

/// What happened to a chat as it arrived.
public enum ChatArrival<Instant: PoolInstant>: Sendable {
    /// An agent was free: schedule the completion.
    case pickedUp(PickUp<Instant>)
    /// It waits; schedule a call to `AgentPool.abandon(_:at:)` at `abandonsAt` unless patience is unlimited (nil).
    case waiting(ChatID, abandonsAt: Instant?)

    public var chat: ChatID {
        switch self {
        case .pickedUp(let pickUp): pickUp.chat
        case .waiting(let chat, _): chat
        }
    }
}
