import Messaging

/// A conversational campaign as a graph: nodes run actions, then a router picks a named category from the
/// reply, and each category leads to the next node (RapidPro goflow's model, so analytics get stable names).
///
/// References between nodes are resolved to array indexes when the flow is read, so the runtime never looks a
/// name up while stepping. Read one with `Flow.decode(_:file:)`; the format is `datasets/flows/README.md`.
public struct Flow: Sendable, Equatable {
    /// The format identifier every file must carry.
    public static let format = "replylab-flow/1"

    public var name: String
    /// What the campaign is for, e.g. "abandoned_cart", "appointment_reminder".
    public var useCase: String
    public var description: String
    /// `conversational` expects replies; `one_way` sends and ends.
    public var mode: Mode
    /// Frequency caps count this campaign's sends under this subject (default: the name).
    public var subject: String
    /// The sender named in STOP/HELP/START replies ("Northwind"); nil leaves it to the caller.
    public var brand: String? = nil
    /// Index of the first node.
    public var start: Int
    /// A waiting conversation ends as expired this long after its last wait began.
    public var expireAfterSeconds: Int64
    public var nodes: [Node]
    public var intents: [Intent]

    /// Whether the campaign expects replies; the one-way baseline of each campaign is what two-way must beat.
    public enum Mode: String, Sendable, Equatable, CaseIterable {
        case conversational
        case oneWay = "one_way"
    }

    /// A step of the conversation.
    public struct Node: Sendable, Equatable {
        public var id: String
        public var actions: [Action]
        public var router: Router?
        /// Where to go after the actions when there is no router; nil ends the conversation.
        public var next: Int?
    }

    /// Something a node does, in order.
    public enum Action: Sendable, Equatable {
        /// Send a text; `purpose` nil means transactional when answering a reply the customer just sent, and
        /// marketing otherwise (the first text, a timeout's follow-up, a step after a hand-off closes).
        case send(Template, purpose: MessagePurpose?)
        case setField(name: String, value: Template)
        case tag(String)
        /// A conversion milestone; `value` renders to integer cents when given.
        case goal(name: String, value: Template?)
        /// Pass the conversation to a person; the flow resumes here when the hand-off closes.
        case handoff(queue: String, priority: HandoffPriority, note: Template?)
        /// Record opt-in consent given inside the flow (e.g. "Reply JOIN").
        case captureConsent(ConsentSource)
        /// Finish the conversation with a named outcome.
        case end(outcome: String)
    }

    /// How urgently an agent should pick up a hand-off.
    public enum HandoffPriority: String, Sendable, Equatable, Codable, CaseIterable {
        case low, normal, high, urgent
    }

    /// Chooses a category: by testing ordered cases against an operand (`switch`) or by weighted draw (`random`).
    public struct Router: Sendable, Equatable {
        public var kind: Kind
        public var operand: Operand
        public var wait: Wait?
        public var cases: [Case]
        public var categories: [Category]
        /// The category for a reply no case matches (switch routers only).
        public var defaultCategory: Int?

        /// `switch` tests cases in order; `random` splits by weight for in-flow A/B tests.
        public enum Kind: String, Sendable, Equatable {
            case `switch`, random
        }
    }

    /// What a switch router tests.
    public enum Operand: Sendable, Equatable {
        /// The customer's reply (the default).
        case reply
        /// The outcome the agent gave when closing the hand-off.
        case handoffOutcome
        /// Any rendered template, e.g. `{{segment}}` to branch VIPs.
        case template(Template)
    }

    /// Pause for the customer's reply, optionally only for so long.
    public struct Wait: Sendable, Equatable {
        public var timeoutSeconds: Int64?
        /// The category taken when the timeout fires (required with a timeout).
        public var timeoutCategory: Int?
    }

    /// One ordered test: the first that matches picks `category`.
    public struct Case: Sendable, Equatable {
        public var type: String
        public var arguments: [String]
        public var matcher: Matcher
        public var category: Int
    }

    /// A named outcome of a router leading to a node.
    public struct Category: Sendable, Equatable {
        public var name: String
        public var next: Int
        /// Share in a random split (random routers only).
        public var weight: Int
    }

    /// Index of the node with `id`, for tools; the runtime itself never needs it.
    /// - Complexity: O(*n*) in the number of nodes.
    public func nodeIndex(_ id: String) -> Int? { nodes.firstIndex { $0.id == id } }
}
