import Messaging

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
    /// Channel cost in 1e-6 USD (`Microdollars.value`); inbound texts cost what the carrier bills (Twilio bills
    /// inbound too), 0 when unknown.
    public var costMicrodollars: Int64
    /// The flow node that sent or received the message, nil outside a flow.
    public var flowNode: String?
    /// Why an outbound text was sent (marketing needs consent and obeys quiet hours and caps); nil for inbound.
    public var purpose: MessagePurpose?
    /// The campaign subject frequency caps count by (the flow's `subject`), nil when none.
    public var subject: String?
    /// The brand's sending number (E.164 or a short code): conversations thread on it and the customer's number.
    public var businessNumber: String?
    /// The carrier's id for the message: Twilio's Sid (`SM` + 32 hex), generated in that shape for simulated runs.
    public var externalID: String?
    /// The carrier error code of an undelivered or failed text (Twilio's, e.g. 30003 unreachable), nil otherwise.
    public var errorCode: Int64?
    /// For a simulated inbound text: the intent the customer model drew ("sizing", "stop"), the ground truth a
    /// flow's routing is judged against. Nil for imported texts, whose intent nobody knows.
    public var intent: String?
    /// For an inbound text: where it went, the router's category name ("Sizing", "Other"), or the keyword
    /// layer's word in parentheses ("(opt-out)", "(help)", "(opt-in)", "(review)", "(agent)", "(ignored)").
    public var category: String?

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
        flowNode: String?,
        purpose: MessagePurpose? = nil,
        subject: String? = nil,
        businessNumber: String? = nil,
        externalID: String? = nil,
        errorCode: Int64? = nil,
        intent: String? = nil,
        category: String? = nil
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
        self.purpose = purpose
        self.subject = subject
        self.businessNumber = businessNumber
        self.externalID = externalID
        self.errorCode = errorCode
        self.intent = intent
        self.category = category
    }
}
