import Messaging

/// What happened in one call to the runtime, in order; the simulator turns these into event-log rows.
public enum FlowEvent: Sendable, Equatable {
    /// A text left, or, when `text.deferredReason` is set, is scheduled to leave at `text.at`. A deferred text is
    /// also kept in `FlowSession.pendingSends`; deliver it at `text.at` only if it is still there (a later
    /// `.sendCancelled` withdraws it, e.g. after STOP).
    case sent(OutboundText)
    /// A deferred text that had not left yet is withdrawn (opt-out, review hold) and must not be delivered.
    case sendCancelled(OutboundText, reason: String)
    /// The gate, or a template with nothing to print, held a text back; `hold.cause` is the event log's reason.
    case suppressed(node: String?, text: String, hold: SendHold)
    /// The flow waits for a reply at `node`; fire `.timeout` at `timeoutAt` and `.expired` at `expiresAt`.
    case waiting(node: String, timeoutAt: Instant?, expiresAt: Instant)
    /// A router at `node` picked `category`.
    case routed(node: String, category: String)
    case handedOff(node: String, queue: String, priority: Flow.HandoffPriority, note: String?)
    /// A reply arrived while an agent has the conversation; it is theirs to answer.
    case forwardedToAgent(text: String)
    case goal(name: String, value: Cents?)
    case fieldSet(name: String, value: String)
    case tagged(String)
    case consentCaptured(ConsentSource)
    /// STOP (or an opt-out phrase): recorded in the consent history, confirmed once.
    case optedOut(keyword: String)
    /// START after an opt-out: recorded and confirmed.
    case optedIn(keyword: String)
    /// HELP answered; the customer keeps their place.
    case helpAnswered
    /// An ambiguous message ("no thanks", "who is this") held for a person: the consent history gets a review
    /// hold (marketing suppressed, deferred promotions cancelled), a waiting conversation is handed off to the
    /// "review" queue and a handed-off one forwards the text to its agent. Closing that hand-off releases the
    /// hold, or with outcome "opted_out" records an opt-out. After the end, the caller's reviewer must call
    /// `ConsentHistory.releaseReview(at:)` itself.
    case flaggedForReview(text: String, keyword: String?)
    /// An input that does not apply now (a timeout that is not due, a reply after the end).
    case ignored(reason: String)
    case ended(outcome: String, reason: String?)
}

/// A text the runtime sends, with what the event log records about it.
public struct OutboundText: Sendable, Equatable {
    public var text: String
    /// The node that sent it; nil for compliance replies (STOP/HELP/START), which belong to no node.
    public var node: String?
    public var purpose: MessagePurpose
    /// When it leaves: the call's time, or later when the gate deferred it.
    public var at: Instant
    /// Why it was deferred (quiet hours, a cap), nil when it left at once.
    public var deferral: SendHold?
    public var segments: SegmentCount
    public var cost: Microdollars

    /// The deferral's sentence, nil when the text left at once.
    public var deferredReason: String? { deferral?.reason }
}

/// What the caller hands the runtime to move a conversation on.
public enum FlowInput: Sendable, Equatable {
    case message(String)
    /// The wait's timeout is due.
    case timeout
    /// The conversation's expiry is due.
    case expired
    /// The agent closed the hand-off with this outcome (e.g. "resolved", "ordered", "abandoned").
    case handoffClosed(outcome: String)
}

/// Why a conversation starts: a campaign send, or the customer texting in first.
public enum FlowTrigger: Sendable, Equatable {
    case campaign
    /// The customer's inbound text, readable as `{{reply}}` and by a first router without a wait.
    case inbound(String)
}

/// The result of one call: the ordered events and the session to store for the next call.
public struct FlowStep: Sendable, Equatable {
    public var events: [FlowEvent]
    public var session: FlowSession
}
