/// A bundle of records of every table, handed to a sink in one call.
///
/// Producers fill the arrays they have and leave the rest empty. A sink writes the tables in the order
/// their foreign keys need (`runs` first, then variants, customers, …), so a batch may carry a customer and
/// its messages together.
public struct EventBatch: Hashable, Sendable, Codable {
    public var runs: [RunRecord]
    public var variants: [VariantRecord]
    public var customers: [CustomerRecord]
    public var assignments: [AssignmentRecord]
    public var carts: [CartRecord]
    public var agentShifts: [AgentShiftRecord]
    public var conversations: [ConversationRecord]
    public var messages: [MessageRecord]
    public var handoffs: [HandoffRecord]
    public var orders: [OrderRecord]
    public var consentEvents: [ConsentEventRecord]
    public var suppressions: [SuppressionRecord]
    public var quarantine: [QuarantineRecord]

    public init(
        runs: [RunRecord] = [],
        variants: [VariantRecord] = [],
        customers: [CustomerRecord] = [],
        assignments: [AssignmentRecord] = [],
        carts: [CartRecord] = [],
        agentShifts: [AgentShiftRecord] = [],
        conversations: [ConversationRecord] = [],
        messages: [MessageRecord] = [],
        handoffs: [HandoffRecord] = [],
        orders: [OrderRecord] = [],
        consentEvents: [ConsentEventRecord] = [],
        suppressions: [SuppressionRecord] = [],
        quarantine: [QuarantineRecord] = []
    ) {
        self.runs = runs
        self.variants = variants
        self.customers = customers
        self.assignments = assignments
        self.carts = carts
        self.agentShifts = agentShifts
        self.conversations = conversations
        self.messages = messages
        self.handoffs = handoffs
        self.orders = orders
        self.consentEvents = consentEvents
        self.suppressions = suppressions
        self.quarantine = quarantine
    }

    /// Total number of records across all tables.
    public var count: Int {
        runs.count + variants.count + customers.count + assignments.count + carts.count + agentShifts.count
            + conversations.count + messages.count + handoffs.count + orders.count + consentEvents.count
            + suppressions.count + quarantine.count
    }

    public var isEmpty: Bool { count == 0 }

    /// Appends every record of `other` after this batch's own, table by table.
    /// - Complexity: O(`other.count`) amortised.
    public mutating func append(contentsOf other: EventBatch) {
        runs += other.runs
        variants += other.variants
        customers += other.customers
        assignments += other.assignments
        carts += other.carts
        agentShifts += other.agentShifts
        conversations += other.conversations
        messages += other.messages
        handoffs += other.handoffs
        orders += other.orders
        consentEvents += other.consentEvents
        suppressions += other.suppressions
        quarantine += other.quarantine
    }
}
