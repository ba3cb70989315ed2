import EventLog

/// The event-log rows of one customer, with ids local to the customer: message ids are indices into `messages`
/// (an order's `attributedMessageID` too) and the other ids are left 0. `RunWriter` numbers them when the
/// customer's rows are written, in customer order, so ids never depend on shards or threads.
struct CustomerRecords: Sendable {
    var messages: [MessageRecord] = []
    var conversation: ConversationRecord?
    var handoffs: [HandoffRecord] = []
    var orders: [OrderRecord] = []
    var consentEvents: [ConsentEventRecord] = []
    var suppressions: [SuppressionRecord] = []
}
