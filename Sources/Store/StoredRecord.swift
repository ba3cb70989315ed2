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
    /// Binds the columns at parameters `first`, `first + 1`, … (1 for a one-row insert).
    func bind(to statement: Statement, from first: Int32) throws(SQLiteError)
    init(row: Statement) throws(SQLiteError)
}

extension StoredRecord {
    static var runColumn: String { "run_id" }

    static var insertSQL: String { insertSQL(rows: 1) }

    /// One `INSERT` of `rows` rows; row k binds its columns from parameter k × columns.count + 1.
    static func insertSQL(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: row, count: rows).joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(values)"
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(id, at: first)
        try statement.bind(kind, at: first + 1)
        try statement.bind(source, at: first + 2)
        try statement.bind(seed, at: first + 3)
        try statement.bind(configJSON, at: first + 4)
        try statement.bind(toolVersion, at: first + 5)
        try statement.bind(createdAt, at: first + 6)
        try statement.bind(sourceSHA256, at: first + 7)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(variantID, at: first + 1)
        try statement.bind(name, at: first + 2)
        try statement.bind(flow, at: first + 3)
        try statement.bind(share, at: first + 4)
        try statement.bind(isHoldout, at: first + 5)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(customerID, at: first + 1)
        try statement.bind(maskedPhone, at: first + 2)
        try statement.bind(phoneHash, at: first + 3)
        try statement.bind(timeZone, at: first + 4)
        try statement.bind(state, at: first + 5)
        try statement.bind(segment, at: first + 6)
        try statement.bind(attributesJSON, at: first + 7)
        try statement.bind(fictionalPhone, at: first + 8)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(customerID, at: first + 1)
        try statement.bind(variantID, at: first + 2)
        try statement.bind(assignedAt, at: first + 3)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(cartID, at: first + 1)
        try statement.bind(customerID, at: first + 2)
        try statement.bind(abandonedAt, at: first + 3)
        try statement.bind(valueCents, at: first + 4)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(agentID, at: first + 1)
        try statement.bind(startsAt, at: first + 2)
        try statement.bind(endsAt, at: first + 3)
        try statement.bind(concurrency, at: first + 4)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(conversationID, at: first + 1)
        try statement.bind(customerID, at: first + 2)
        try statement.bind(flow, at: first + 3)
        try statement.bind(startedAt, at: first + 4)
        try statement.bind(endedAt, at: first + 5)
        try statement.bind(outcome, at: first + 6)
        try statement.bind(path, at: first + 7)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(messageID, at: first + 1)
        try statement.bind(customerID, at: first + 2)
        try statement.bind(conversationID, at: first + 3)
        try statement.bind(direction, at: first + 4)
        try statement.bind(kind, at: first + 5)
        try statement.bind(at, at: first + 6)
        try statement.bind(body, at: first + 7)
        try statement.bind(segments, at: first + 8)
        try statement.bind(encoding, at: first + 9)
        try statement.bind(status, at: first + 10)
        try statement.bind(costMicrodollars, at: first + 11)
        try statement.bind(flowNode, at: first + 12)
        try statement.bind(purpose, at: first + 13)
        try statement.bind(subject, at: first + 14)
        try statement.bind(businessNumber, at: first + 15)
        try statement.bind(externalID, at: first + 16)
        try statement.bind(errorCode, at: first + 17)
        try statement.bind(intent, at: first + 18)
        try statement.bind(category, at: first + 19)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(handoffID, at: first + 1)
        try statement.bind(conversationID, at: first + 2)
        try statement.bind(customerID, at: first + 3)
        try statement.bind(queue, at: first + 4)
        try statement.bind(queuedAt, at: first + 5)
        try statement.bind(pickedUpAt, at: first + 6)
        try statement.bind(closedAt, at: first + 7)
        try statement.bind(resolution, at: first + 8)
        try statement.bind(agentID, at: first + 9)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(orderID, at: first + 1)
        try statement.bind(customerID, at: first + 2)
        try statement.bind(at, at: first + 3)
        try statement.bind(valueCents, at: first + 4)
        try statement.bind(cartID, at: first + 5)
        try statement.bind(attributedMessageID, at: first + 6)
        try statement.bind(externalID, at: first + 7)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(eventID, at: first + 1)
        try statement.bind(customerID, at: first + 2)
        try statement.bind(at, at: first + 3)
        try statement.bind(kind, at: first + 4)
        try statement.bind(keyword, at: first + 5)
        try statement.bind(source, at: first + 6)
        try statement.bind(scope, at: first + 7)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(suppressionID, at: first + 1)
        try statement.bind(customerID, at: first + 2)
        try statement.bind(at, at: first + 3)
        try statement.bind(reason, at: first + 4)
        try statement.bind(deferredUntil, at: first + 5)
        try statement.bind(subject, at: first + 6)
        try statement.bind(rule, at: first + 7)
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

    func bind(to statement: Statement, from first: Int32) throws(SQLiteError) {
        try statement.bind(runID, at: first)
        try statement.bind(file, at: first + 1)
        try statement.bind(line, at: first + 2)
        try statement.bind(reason, at: first + 3)
        try statement.bind(rawText, at: first + 4)
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
