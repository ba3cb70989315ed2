import EventLog

/// The SQLite `EventSink`: stores producers' batches in the event-log schema, fast enough for 10^6 messages.
///
/// Speed comes from structure, not tricks: prepared `INSERT`s per table (of 32 rows, and of one) reused for every
/// row, rows grouped into large transactions (a commit every `commitEvery` records, whatever the producers' batch
/// sizes), and, for a fresh log, the analytics indexes built once (in `finish`, or earlier in `bulkLoadDidEnd`)
/// instead of maintained row by row (measured here: maintaining `messages_by_customer` during a 10^6-row load
/// costs ~3.5 s, building it afterwards ~0.75 s).
///
/// Each `append` is atomic: a refused record (duplicate id, unknown customer) rolls back that batch only, by a
/// savepoint, and the error is rethrown. Records are durable once a commit has happened; call `finish` to commit
/// the rest and build deferred indexes. A writer that is never finished rolls back its open transaction; the
/// indexes it deferred are rebuilt by the next `EventLogSchema.migrate` (any writer, or `replylab db init`).
/// The writer holds a transaction open between appends: use its connection for nothing else until `finish`.
public final class EventLogWriter: EventSink {
    /// When the analytics indexes are built during a load.
    public enum IndexStrategy: Sendable {
        /// Defer when the log has no messages yet (a fresh file), maintain otherwise: a deferred rebuild would
        /// re-index every earlier run.
        case automatic
        /// Keep every index up to date row by row; readers on other connections see indexed data throughout.
        case maintain
        /// Drop the analytics indexes now and build them in `finish`.
        case deferUntilFinish
    }

    /// The writer's page cache (SQLite's default is 2 MiB). Every message insert looks its customer up for the
    /// foreign key; with 2.5 × 10^5 customers that key index outgrows 2 MiB, and a load measured here went from
    /// ~205k to ~290k rows/s with 64 MiB. It is a ceiling, not an allocation.
    public static let pageCacheKibibytes = 65_536

    public let database: Database
    /// Records per transaction.
    public let commitEvery: Int
    /// True when this writer dropped the analytics indexes and will build them in `finish`.
    public let defersIndexes: Bool
    /// Records stored so far (committed or in the open transaction).
    public private(set) var recordsWritten = 0
    private var recordsSinceCommit = 0
    private var isFinished = false
    /// True once `bulkLoadDidEnd` built the deferred indexes.
    private var indexesBuilt = false

    private let insertRun: TableInsert<RunRecord>
    private let insertVariant: TableInsert<VariantRecord>
    private let insertCustomer: TableInsert<CustomerRecord>
    private let insertAssignment: TableInsert<AssignmentRecord>
    private let insertCart: TableInsert<CartRecord>
    private let insertAgentShift: TableInsert<AgentShiftRecord>
    private let insertConversation: TableInsert<ConversationRecord>
    private let insertMessage: TableInsert<MessageRecord>
    private let insertHandoff: TableInsert<HandoffRecord>
    private let insertOrder: TableInsert<OrderRecord>
    private let insertConsentEvent: TableInsert<ConsentEventRecord>
    private let insertSuppression: TableInsert<SuppressionRecord>
    private let insertQuarantine: TableInsert<QuarantineRecord>

    /// Migrates `database` to the current schema and prepares each table's inserts (`TableInsert`).
    ///
    /// - Parameter commitEvery: records per transaction; larger is faster, and only the open transaction is
    ///   lost on a crash.
    public init(database: Database, commitEvery: Int = 100_000, indexes: IndexStrategy = .automatic) throws {
        precondition(commitEvery > 0, "commitEvery must be positive")
        self.database = database
        self.commitEvery = commitEvery
        try EventLogSchema.migrate(database)
        try database.execute("PRAGMA cache_size = \(-Self.pageCacheKibibytes)")
        switch indexes {
        case .maintain: defersIndexes = false
        case .deferUntilFinish: defersIndexes = true
        case .automatic:
            defersIndexes = try database.integer("SELECT NOT EXISTS (SELECT 1 FROM messages)") == 1
        }
        insertRun = try TableInsert(database)
        insertVariant = try TableInsert(database)
        insertCustomer = try TableInsert(database)
        insertAssignment = try TableInsert(database)
        insertCart = try TableInsert(database)
        insertAgentShift = try TableInsert(database)
        insertConversation = try TableInsert(database)
        insertMessage = try TableInsert(database)
        insertHandoff = try TableInsert(database)
        insertOrder = try TableInsert(database)
        insertConsentEvent = try TableInsert(database)
        insertSuppression = try TableInsert(database)
        insertQuarantine = try TableInsert(database)
        if defersIndexes {
            try database.transaction { database in
                for index in EventLogSchema.analyticsIndexes {
                    try database.execute("DROP INDEX IF EXISTS \(index.name)")
                }
            }
        }
    }

    deinit {
        if database.isInTransaction { try? database.execute("ROLLBACK TRANSACTION") }
    }

    /// Stores every record of `batch` in foreign-key order (runs, variants, customers, assignments, carts, … quarantine).
    ///
    /// - Throws: `SQLiteError` for a refused record, with nothing of this batch stored;
    ///   `StoreError.writerFinished` after `finish`.
    /// - Complexity: O(`batch.count` × log n) b-tree inserts.
    public func append(_ batch: EventBatch) throws {
        guard !isFinished else { throw StoreError.writerFinished(path: database.path) }
        if !database.isInTransaction { try database.execute("BEGIN IMMEDIATE TRANSACTION") }
        try database.execute("SAVEPOINT event_batch")
        do {
            try insertRun.insert(batch.runs)
            try insertVariant.insert(batch.variants)
            try insertCustomer.insert(batch.customers)
            try insertAssignment.insert(batch.assignments)
            try insertCart.insert(batch.carts)
            try insertAgentShift.insert(batch.agentShifts)
            try insertConversation.insert(batch.conversations)
            try insertMessage.insert(batch.messages)
            try insertHandoff.insert(batch.handoffs)
            try insertOrder.insert(batch.orders)
            try insertConsentEvent.insert(batch.consentEvents)
            try insertSuppression.insert(batch.suppressions)
            try insertQuarantine.insert(batch.quarantine)
        } catch {
            try? database.execute("ROLLBACK TO SAVEPOINT event_batch; RELEASE SAVEPOINT event_batch")
            throw error
        }
        try database.execute("RELEASE SAVEPOINT event_batch")
        recordsWritten += batch.count
        recordsSinceCommit += batch.count
        if recordsSinceCommit >= commitEvery {
            try database.execute("COMMIT TRANSACTION")
            recordsSinceCommit = 0
        }
    }

    /// Builds the deferred indexes now, in the open transaction; rows appended afterwards keep them up to date.
    /// A simulation calls it before its agents' phase (a few per cent of the rows), so the two overlap.
    public func bulkLoadDidEnd() throws {
        guard !isFinished, defersIndexes, !indexesBuilt else { return }
        if !database.isInTransaction { try database.execute("BEGIN IMMEDIATE TRANSACTION") }
        for index in EventLogSchema.analyticsIndexes { try database.execute(index.sql) }
        indexesBuilt = true
    }

    /// Commits what is pending and builds the indexes this writer deferred. Calling it twice does nothing more.
    public func finish() throws {
        guard !isFinished else { return }
        if database.isInTransaction { try database.execute("COMMIT TRANSACTION") }
        recordsSinceCommit = 0
        if defersIndexes && !indexesBuilt {
            try database.transaction { database in
                for index in EventLogSchema.analyticsIndexes { try database.execute(index.sql) }
            }
        }
        isFinished = true
    }
}

/// The writer owns its connection, which stays on one task.
@available(*, unavailable, message: "An EventLogWriter belongs to the task that opened its database")
extension EventLogWriter: Sendable {}
