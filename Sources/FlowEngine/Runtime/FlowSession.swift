import JSONDocument
import Messaging

/// One customer's place in one flow, saved between calls: the runtime takes a session and returns a new one, so
/// a webhook can store it as JSON and a simulator can keep a million of them in an array.
///
/// Encode with `JSONEncoder.outputFormatting = [.sortedKeys]` for byte-stable files.
public struct FlowSession: Codable, Sendable, Equatable {
    /// Where the conversation stands.
    public enum Status: String, Codable, Sendable {
        /// Created, not yet started.
        case new
        /// Waiting for the customer's reply (or the wait's timeout).
        case waiting
        /// With an agent; resumes when the hand-off closes.
        case handedOff = "handed_off"
        /// Finished; `outcome` says how.
        case ended
    }

    public internal(set) var status: Status = .new
    /// Index of the current node in `Flow.nodes` (-1 before the start).
    public internal(set) var node: Int = -1
    /// The action to run next in `node` when a hand-off closes.
    var resumeAction: Int = 0
    /// When the current wait's timeout fires, if it has one.
    public internal(set) var timeoutAt: Instant?
    /// When a waiting or handed-off conversation expires.
    public internal(set) var expiresAt: Instant?
    /// How the conversation ended ("completed", "opted_out", "expired", or a flow's own outcome).
    public internal(set) var outcome: String?
    /// The customer's attributes, read by templates (`{{first_name}}`, `{{cart.total | money}}`).
    public var contact: JSONValue
    /// Values the flow set with `set_field`, in the order first set.
    public internal(set) var fields: [FlowField] = []
    public internal(set) var tags: [String] = []
    /// The customer's last reply that reached the flow.
    public internal(set) var lastReply: String?
    /// The outcome the agent gave when the last hand-off closed.
    public internal(set) var handoffOutcome: String?
    /// Consent, send history, time zones and state: what the outbound gate checks.
    public var recipient: RecipientCompliance
    /// Replies that reached the flow (keywords excluded), including an inbound trigger.
    public internal(set) var repliesReceived: Int = 0
    /// When the last text left (or is scheduled to leave, if deferred); waits count from it.
    public internal(set) var lastSendAt: Instant?
    /// Texts the gate deferred that have not reached their time yet, in the order sent. The runtime drops
    /// each once a call's time reaches its `at`, and withdraws them (`.sendCancelled`) on opt-out; a caller
    /// delivers a deferred text only if it is still listed here when its time comes.
    public internal(set) var pendingSends: [PendingSend] = []
    /// True while a review hold this conversation placed is open: closing the hand-off releases it, or, with
    /// outcome "opted_out", turns it into an opt-out.
    public internal(set) var reviewPending: Bool = false

    public init(contact: JSONValue, recipient: RecipientCompliance) {
        self.contact = contact
        self.recipient = recipient
    }

    /// snake_case like every other JSON file ReplyLab writes.
    enum CodingKeys: String, CodingKey {
        case status, node, outcome, contact, fields, tags, recipient
        case resumeAction = "resume_action"
        case timeoutAt = "timeout_at"
        case expiresAt = "expires_at"
        case lastReply = "last_reply"
        case handoffOutcome = "handoff_outcome"
        case repliesReceived = "replies_received"
        case lastSendAt = "last_send_at"
        case pendingSends = "pending_sends"
        case reviewPending = "review_pending"
    }
}

/// A deferred text waiting for its time: what a caller needs to deliver it, or to know it was withdrawn.
public struct PendingSend: Codable, Sendable, Equatable {
    public var text: String
    /// The node that sent it.
    public var node: String?
    public var purpose: MessagePurpose
    /// When it is due to leave.
    public var at: Instant
    /// Why the gate deferred it.
    public var deferral: SendHold

    /// The deferral's sentence.
    public var deferredReason: String { deferral.reason }

    enum CodingKeys: String, CodingKey {
        case text, node, purpose, at, deferral
    }
}
