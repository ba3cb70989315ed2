import EventLog
import Messaging

/// How one event-log record maps onto its table: column names in bind order, and reading a row back.
///
/// The writer builds one `INSERT` per table from `columns` and prepares it once; readers build the matching
/// `SELECT`. Keeping both directions beside each other makes a missing column a one-file change.
protocol StoredRecord {
    static var table: String { get }
    /// Column names, in the order `bind` binds them (1-based) and `init(row:)` reads them (0-based).
    static var columns: [String] { get }
    /// The column that holds the run id ("run_id", or "id" for runs itself).
    static var runColumn: String { get }
    /// `ORDER BY` for readers: the order the run produced the rows in.
    static var ordering: String { get }
    func bind(to statement: Statement) throws(SQLiteError)
    init(row: Statement) throws(SQLiteError)
}

extension StoredRecord {
    static var runColumn: String { "run_id" }

    static var insertSQL: String {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
    }

    static var selectSQL: String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(runColumn) = ? ORDER BY \(ordering)"
    }
}

extension MessageDirection: StoredWord {}
extension MessageKind: StoredWord {}
extension MessageStatus: StoredWord {}
extension ConsentEventKind: StoredWord {}
extension SuppressionReason: StoredWord {}
extension HandoffResolution: StoredWord {}
extension MessagePurpose: StoredWord {}
extension ConsentScope: StoredWord {}

extension RunRecord: StoredRecord {
    static let table = "runs"
    static let columns = ["id", "kind", "source", "seed", "config_json", "tool_version", "created_at", "source_sha256"]
    static var runColumn: String { "id" }
    static let ordering = "id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(id, at: 1)
        try statement.bind(kind, at: 2)
        try statement.bind(source, at: 3)
        try statement.bind(seed, at: 4)
        try statement.bind(configJSON, at: 5)
        try statement.bind(toolVersion, at: 6)
        try statement.bind(createdAt, at: 7)
        try statement.bind(sourceSHA256, at: 8)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            id: try row.column(0),
            kind: try row.column(1),
            source: try row.column(2),
            seed: try row.column(3),
            configJSON: try row.column(4),
            toolVersion: try row.column(5),
            createdAt: try row.column(6),
            sourceSHA256: try row.column(7)
        )
    }
}

extension VariantRecord: StoredRecord {
    static let table = "variants"
    static let columns = ["run_id", "variant_id", "name", "flow", "share", "is_holdout"]
    static let ordering = "variant_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(variantID, at: 2)
        try statement.bind(name, at: 3)
        try statement.bind(flow, at: 4)
        try statement.bind(share, at: 5)
        try statement.bind(isHoldout, at: 6)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            variantID: try row.column(1),
            name: try row.column(2),
            flow: try row.column(3),
            share: try row.column(4),
            isHoldout: try row.column(5)
        )
    }
}

extension CustomerRecord: StoredRecord {
    static let table = "customers"
    static let columns = [
        "run_id", "customer_id", "masked_phone", "phone_hash", "time_zone", "state", "segment", "attributes_json",
        "fictional_phone",
    ]
    static let ordering = "customer_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(customerID, at: 2)
        try statement.bind(maskedPhone, at: 3)
        try statement.bind(phoneHash, at: 4)
        try statement.bind(timeZone, at: 5)
        try statement.bind(state, at: 6)
        try statement.bind(segment, at: 7)
        try statement.bind(attributesJSON, at: 8)
        try statement.bind(fictionalPhone, at: 9)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            customerID: try row.column(1),
            maskedPhone: try row.column(2),
            phoneHash: try row.column(3),
            timeZone: try row.column(4),
            state: try row.column(5),
            segment: try row.column(6),
            attributesJSON: try row.column(7),
            fictionalPhone: try row.column(8)
        )
    }
}

extension AssignmentRecord: StoredRecord {
    static let table = "assignments"
    static let columns = ["run_id", "customer_id", "variant_id", "assigned_at"]
    static let ordering = "customer_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(customerID, at: 2)
        try statement.bind(variantID, at: 3)
        try statement.bind(assignedAt, at: 4)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            customerID: try row.column(1),
            variantID: try row.column(2),
            assignedAt: try row.column(3)
        )
    }
}

extension CartRecord: StoredRecord {
    static let table = "carts"
    static let columns = ["run_id", "cart_id", "customer_id", "abandoned_at", "value_cents"]
    static let ordering = "cart_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(cartID, at: 2)
        try statement.bind(customerID, at: 3)
        try statement.bind(abandonedAt, at: 4)
        try statement.bind(valueCents, at: 5)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            cartID: try row.column(1),
            customerID: try row.column(2),
            abandonedAt: try row.column(3),
            valueCents: try row.column(4)
        )
    }
}

extension AgentShiftRecord: StoredRecord {
    static let table = "agent_shifts"
    static let columns = ["run_id", "agent_id", "starts_at", "ends_at", "concurrency"]
    static let ordering = "agent_id, starts_at"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(agentID, at: 2)
        try statement.bind(startsAt, at: 3)
        try statement.bind(endsAt, at: 4)
        try statement.bind(concurrency, at: 5)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            agentID: try row.column(1),
            startsAt: try row.column(2),
            endsAt: try row.column(3),
            concurrency: try row.column(4)
        )
    }
}

extension ConversationRecord: StoredRecord {
    static let table = "conversations"
    static let columns = [
        "run_id", "conversation_id", "customer_id", "flow", "started_at", "ended_at", "outcome", "path",
    ]
    static let ordering = "conversation_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(conversationID, at: 2)
        try statement.bind(customerID, at: 3)
        try statement.bind(flow, at: 4)
        try statement.bind(startedAt, at: 5)
        try statement.bind(endedAt, at: 6)
        try statement.bind(outcome, at: 7)
        try statement.bind(path, at: 8)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            conversationID: try row.column(1),
            customerID: try row.column(2),
            flow: try row.column(3),
            startedAt: try row.column(4),
            endedAt: try row.column(5),
            outcome: try row.column(6),
            path: try row.column(7)
        )
    }
}

extension MessageRecord: StoredRecord {
    static let table = "messages"
    static let columns = [
        "run_id", "message_id", "customer_id", "conversation_id", "direction", "kind", "at", "body", "segments",
        "encoding", "status", "cost_microdollars", "flow_node", "purpose", "subject", "business_number", "external_id",
        "error_code", "intent", "category",
    ]
    static let ordering = "message_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(messageID, at: 2)
        try statement.bind(customerID, at: 3)
        try statement.bind(conversationID, at: 4)
        try statement.bind(direction, at: 5)
        try statement.bind(kind, at: 6)
        try statement.bind(at, at: 7)
        try statement.bind(body, at: 8)
        try statement.bind(segments, at: 9)
        try statement.bind(encoding, at: 10)
        try statement.bind(status, at: 11)
        try statement.bind(costMicrodollars, at: 12)
        try statement.bind(flowNode, at: 13)
        try statement.bind(purpose, at: 14)
        try statement.bind(subject, at: 15)
        try statement.bind(businessNumber, at: 16)
        try statement.bind(externalID, at: 17)
        try statement.bind(errorCode, at: 18)
        try statement.bind(intent, at: 19)
        try statement.bind(category, at: 20)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            messageID: try row.column(1),
            customerID: try row.column(2),
            conversationID: try row.column(3),
            direction: try row.column(4),
            kind: try row.column(5),
            at: try row.column(6),
            body: try row.column(7),
            segments: try row.column(8),
            encoding: try row.column(9),
            status: try row.column(10),
            costMicrodollars: try row.column(11),
            flowNode: try row.column(12),
            purpose: try row.column(13),
            subject: try row.column(14),
            businessNumber: try row.column(15),
            externalID: try row.column(16),
            errorCode: try row.column(17),
            intent: try row.column(18),
            category: try row.column(19)
        )
    }
}

extension HandoffRecord: StoredRecord {
    static let table = "handoffs"
    static let columns = [
        "run_id", "handoff_id", "conversation_id", "customer_id", "queue", "queued_at", "picked_up_at", "closed_at",
        "resolution", "agent_id",
    ]
    static let ordering = "handoff_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(handoffID, at: 2)
        try statement.bind(conversationID, at: 3)
        try statement.bind(customerID, at: 4)
        try statement.bind(queue, at: 5)
        try statement.bind(queuedAt, at: 6)
        try statement.bind(pickedUpAt, at: 7)
        try statement.bind(closedAt, at: 8)
        try statement.bind(resolution, at: 9)
        try statement.bind(agentID, at: 10)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            handoffID: try row.column(1),
            conversationID: try row.column(2),
            customerID: try row.column(3),
            queue: try row.column(4),
            queuedAt: try row.column(5),
            pickedUpAt: try row.column(6),
            closedAt: try row.column(7),
            resolution: try row.column(8),
            agentID: try row.column(9)
        )
    }
}

extension OrderRecord: StoredRecord {
    static let table = "orders"
    static let columns = [
        "run_id", "order_id", "customer_id", "at", "value_cents", "cart_id", "attributed_message_id", "external_id",
    ]
    static let ordering = "order_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(orderID, at: 2)
        try statement.bind(customerID, at: 3)
        try statement.bind(at, at: 4)
        try statement.bind(valueCents, at: 5)
        try statement.bind(cartID, at: 6)
        try statement.bind(attributedMessageID, at: 7)
        try statement.bind(externalID, at: 8)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            orderID: try row.column(1),
            customerID: try row.column(2),
            at: try row.column(3),
            valueCents: try row.column(4),
            cartID: try row.column(5),
            attributedMessageID: try row.column(6),
            externalID: try row.column(7)
        )
    }
}

extension ConsentEventRecord: StoredRecord {
    static let table = "consent_events"
    static let columns = ["run_id", "event_id", "customer_id", "at", "kind", "keyword", "source", "scope"]
    static let ordering = "event_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(eventID, at: 2)
        try statement.bind(customerID, at: 3)
        try statement.bind(at, at: 4)
        try statement.bind(kind, at: 5)
        try statement.bind(keyword, at: 6)
        try statement.bind(source, at: 7)
        try statement.bind(scope, at: 8)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            eventID: try row.column(1),
            customerID: try row.column(2),
            at: try row.column(3),
            kind: try row.column(4),
            keyword: try row.column(5),
            source: try row.column(6),
            scope: try row.column(7)
        )
    }
}

extension SuppressionRecord: StoredRecord {
    static let table = "suppressions"
    static let columns = [
        "run_id", "suppression_id", "customer_id", "at", "reason", "deferred_until", "subject", "rule",
    ]
    static let ordering = "suppression_id"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(suppressionID, at: 2)
        try statement.bind(customerID, at: 3)
        try statement.bind(at, at: 4)
        try statement.bind(reason, at: 5)
        try statement.bind(deferredUntil, at: 6)
        try statement.bind(subject, at: 7)
        try statement.bind(rule, at: 8)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            suppressionID: try row.column(1),
            customerID: try row.column(2),
            at: try row.column(3),
            reason: try row.column(4),
            deferredUntil: try row.column(5),
            subject: try row.column(6),
            rule: try row.column(7)
        )
    }
}

extension QuarantineRecord: StoredRecord {
    static let table = "quarantine"
    static let columns = ["run_id", "file", "line", "reason", "raw_text"]
    static let ordering = "file, line"

    func bind(to statement: Statement) throws(SQLiteError) {
        try statement.bind(runID, at: 1)
        try statement.bind(file, at: 2)
        try statement.bind(line, at: 3)
        try statement.bind(reason, at: 4)
        try statement.bind(rawText, at: 5)
    }

    init(row: Statement) throws(SQLiteError) {
        self.init(
            runID: try row.column(0),
            file: try row.column(1),
            line: try row.column(2),
            reason: try row.column(3),
            rawText: try row.column(4)
        )
    }
}
