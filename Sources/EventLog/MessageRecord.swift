/// One SMS, in either direction: the row analytics counts replies, cost and segments from.
public struct MessageRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run; producers number messages in the order they happen.
    public var messageID: Int64
    public var customerID: Int64
    /// The conversation the message belongs to, nil for a one-way blast outside any flow.
    public var conversationID: Int64?
    public var direction: MessageDirection
    public var kind: MessageKind
    /// UTC epoch milliseconds.
    public var at: Int64
    public var body: String
    public var segments: Int64
    /// `TextEncoding` raw value: "GSM-7" or "UCS-2".
    public var encoding: String
    public var status: MessageStatus
    /// Channel cost in 1e-6 USD (`Microdollars.value`); 0 for inbound messages that cost nothing.
    public var costMicrodollars: Int64
    /// The flow node that sent or received the message, nil outside a flow.
    public var flowNode: String?

    public init(
        runID: Int64,
        messageID: Int64,
        customerID: Int64,
        conversationID: Int64?,
        direction: MessageDirection,
        kind: MessageKind,
        at: Int64,
        body: String,
        segments: Int64,
        encoding: String,
        status: MessageStatus,
        costMicrodollars: Int64,
        flowNode: String?
    ) {
        self.runID = runID
        self.messageID = messageID
        self.customerID = customerID
        self.conversationID = conversationID
        self.direction = direction
        self.kind = kind
        self.at = at
        self.body = body
        self.segments = segments
        self.encoding = encoding
        self.status = status
        self.costMicrodollars = costMicrodollars
        self.flowNode = flowNode
    }
}
