import EventLog

/// Reads the event log back for analytics and `replylab db info`, in the order each run produced it.
///
/// Readers never write (open the file `.readOnly` to be sure), and refuse a file whose schema is not this
/// build's (`StoreError.newerSchema`, `.outdatedReadOnlySchema`).
public struct EventLogReader {
    public let database: Database

    /// - Throws: `StoreError` when the file's schema version is not `EventLogSchema.currentVersion`.
    public init(database: Database) throws {
        try EventLogSchema.requireCurrent(database)
        self.database = database
    }

    /// How many rows one table holds.
    public struct TableCount: Equatable, Sendable {
        public var table: String
        public var rows: Int64
    }

    /// Every run, by id.
    public func runs() throws -> [RunRecord] {
        let statement = try database.prepare(
            "SELECT \(RunRecord.columns.joined(separator: ", ")) FROM runs ORDER BY id"
        )
        var runs: [RunRecord] = []
        while try statement.step() { runs.append(try RunRecord(row: statement)) }
        return runs
    }

    /// Rows per table, over all runs, in schema order.
    public func rowCounts() throws -> [TableCount] {
        try EventLogSchema.tables.map { table in
            TableCount(table: table, rows: try database.integer("SELECT count(*) FROM \(table)"))
        }
    }

    /// Rows per table of one run, in schema order (`runs` counts 1 or 0).
    public func rowCounts(ofRun runID: Int64) throws -> [TableCount] {
        try EventLogSchema.tables.map { table in
            let column = table == "runs" ? "id" : "run_id"
            let statement = try database.prepare("SELECT count(*) FROM \(table) WHERE \(column) = ?")
            try statement.bind(runID, at: 1)
            _ = try statement.step()
            return TableCount(table: table, rows: try statement.column(0))
        }
    }

    public func variants(ofRun runID: Int64) throws -> [VariantRecord] { try records(ofRun: runID) }
    /// Customers by id.
    public func customers(ofRun runID: Int64) throws -> [CustomerRecord] { try records(ofRun: runID) }
    public func assignments(ofRun runID: Int64) throws -> [AssignmentRecord] { try records(ofRun: runID) }
    public func carts(ofRun runID: Int64) throws -> [CartRecord] { try records(ofRun: runID) }
    public func agentShifts(ofRun runID: Int64) throws -> [AgentShiftRecord] { try records(ofRun: runID) }
    public func conversations(ofRun runID: Int64) throws -> [ConversationRecord] { try records(ofRun: runID) }
    /// Messages by message id, which producers assign in the order messages happen.
    public func messages(ofRun runID: Int64) throws -> [MessageRecord] { try records(ofRun: runID) }
    public func handoffs(ofRun runID: Int64) throws -> [HandoffRecord] { try records(ofRun: runID) }
    public func orders(ofRun runID: Int64) throws -> [OrderRecord] { try records(ofRun: runID) }
    public func consentEvents(ofRun runID: Int64) throws -> [ConsentEventRecord] { try records(ofRun: runID) }
    public func suppressions(ofRun runID: Int64) throws -> [SuppressionRecord] { try records(ofRun: runID) }
    public func quarantine(ofRun runID: Int64) throws -> [QuarantineRecord] { try records(ofRun: runID) }

    /// Streams a run's messages by message id without holding them all; for 10^6-row runs.
    /// - Complexity: O(n) rows read, O(1) memory.
    public func forEachMessage(ofRun runID: Int64, _ body: (MessageRecord) throws -> Void) throws {
        let statement = try database.prepare(MessageRecord.selectSQL)
        try statement.bind(runID, at: 1)
        while try statement.step() { try body(try MessageRecord(row: statement)) }
    }

    /// One customer's messages in time order (ties by message id), through `messages_by_customer`.
    public func messages(ofRun runID: Int64, customer customerID: Int64) throws -> [MessageRecord] {
        let statement = try database.prepare(
            "SELECT \(MessageRecord.columns.joined(separator: ", ")) FROM messages "
                + "WHERE run_id = ? AND customer_id = ? ORDER BY at, message_id"
        )
        try statement.bind(runID, at: 1)
        try statement.bind(customerID, at: 2)
        var messages: [MessageRecord] = []
        while try statement.step() { messages.append(try MessageRecord(row: statement)) }
        return messages
    }

    /// Everything one run wrote, table by table; the inverse of appending it to a writer.
    public func events(ofRun runID: Int64) throws -> EventBatch {
        EventBatch(
            runs: try runs().filter { $0.id == runID },
            variants: try variants(ofRun: runID),
            customers: try customers(ofRun: runID),
            assignments: try assignments(ofRun: runID),
            carts: try carts(ofRun: runID),
            agentShifts: try agentShifts(ofRun: runID),
            conversations: try conversations(ofRun: runID),
            messages: try messages(ofRun: runID),
            handoffs: try handoffs(ofRun: runID),
            orders: try orders(ofRun: runID),
            consentEvents: try consentEvents(ofRun: runID),
            suppressions: try suppressions(ofRun: runID),
            quarantine: try quarantine(ofRun: runID)
        )
    }

    /// - Complexity: O(log N + n): one range scan of the table's primary key, N rows in all, n in the run.
    private func records<Record: StoredRecord>(ofRun runID: Int64) throws -> [Record] {
        let statement = try database.prepare(Record.selectSQL)
        try statement.bind(runID, at: 1)
        var records: [Record] = []
        while try statement.step() { records.append(try Record(row: statement)) }
        return records
    }
}
