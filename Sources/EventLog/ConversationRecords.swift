/// One run of a flow with one customer, from its first message to its end; `path` lets reports show routes.
public struct ConversationRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run.
    public var conversationID: Int64
    public var customerID: Int64
    /// The flow's name or file.
    public var flow: String
    /// UTC epoch milliseconds.
    public var startedAt: Int64
    /// Nil while the conversation was still open when the run ended.
    public var endedAt: Int64?
    /// The flow's end outcome (e.g. "completed", "expired", "opted_out"), nil while open.
    public var outcome: String?
    /// The visited nodes and chosen categories, e.g. "welcome>offer:yes>checkout".
    public var path: String

    public init(
        runID: Int64,
        conversationID: Int64,
        customerID: Int64,
        flow: String,
        startedAt: Int64,
        endedAt: Int64?,
        outcome: String?,
        path: String
    ) {
        self.runID = runID
        self.conversationID = conversationID
        self.customerID = customerID
        self.flow = flow
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.path = path
    }
}

/// One hand-off from automation to a human agent: queue time, pick-up and how it ended.
public struct HandoffRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run.
    public var handoffID: Int64
    public var conversationID: Int64
    public var customerID: Int64
    /// The queue the flow handed off to, e.g. "sizing".
    public var queue: String
    /// UTC epoch milliseconds.
    public var queuedAt: Int64
    /// Nil when no agent ever picked it up.
    public var pickedUpAt: Int64?
    /// When it was resolved or abandoned; nil while open.
    public var closedAt: Int64?
    public var resolution: HandoffResolution
    /// Nil when no agent picked it up.
    public var agentID: Int64?

    public init(
        runID: Int64,
        handoffID: Int64,
        conversationID: Int64,
        customerID: Int64,
        queue: String,
        queuedAt: Int64,
        pickedUpAt: Int64?,
        closedAt: Int64?,
        resolution: HandoffResolution,
        agentID: Int64?
    ) {
        self.runID = runID
        self.handoffID = handoffID
        self.conversationID = conversationID
        self.customerID = customerID
        self.queue = queue
        self.queuedAt = queuedAt
        self.pickedUpAt = pickedUpAt
        self.closedAt = closedAt
        self.resolution = resolution
        self.agentID = agentID
    }
}

/// One order, with the message it is attributed to under the run's attribution window (nil when none).
public struct OrderRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run.
    public var orderID: Int64
    public var customerID: Int64
    /// UTC epoch milliseconds.
    public var at: Int64
    /// Integer cents (`Cents.value`).
    public var valueCents: Int64
    /// The recovered cart's id, nil for an order not tied to a cart.
    public var cartID: String?
    /// `MessageRecord.messageID` of the same run, nil when unattributed. A producer's hint only: analytics
    /// attributes orders itself under the window the report names.
    public var attributedMessageID: Int64?
    /// The shop's order id, so a re-imported orders file adds nothing; nil for simulated orders.
    public var externalID: String?

    public init(
        runID: Int64,
        orderID: Int64,
        customerID: Int64,
        at: Int64,
        valueCents: Int64,
        cartID: String?,
        attributedMessageID: Int64?,
        externalID: String? = nil
    ) {
        self.externalID = externalID
        self.runID = runID
        self.orderID = orderID
        self.customerID = customerID
        self.at = at
        self.valueCents = valueCents
        self.cartID = cartID
        self.attributedMessageID = attributedMessageID
    }
}
