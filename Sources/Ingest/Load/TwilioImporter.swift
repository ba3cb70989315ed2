import EventLog
import JSONDocument
import Messaging
import Store

/// Loads a Twilio message log (and optionally a shop's orders file) into the event log as one import run, in one
/// transaction: the files land whole, every refused row in `quarantine`, or nothing lands at all.
///
/// - Atomic: one `EventLogWriter` that never commits on its own (`commitEvery: Int.max`) inside a transaction
///   this type opens; when the log has no messages yet, the analytics indexes are dropped and rebuilt *inside*
///   that transaction, so even a `kill -9` mid-load leaves the file exactly as it was. On a connection with no
///   journal (a private build of a new file, as `replylab import twilio` makes one) a rollback cannot undo
///   anything: the caller must discard that file when the load fails or adds nothing.
/// - Idempotent: the message log's SHA-256 is `runs.source_sha256`; the same bytes again add nothing (an orders
///   file not seen before is then added to that earlier run). Sids an earlier *import* run holds are skipped
///   (simulated runs generate Sids too, but they are not real messages); order ids likewise.
/// - Memory: the whole log is held compactly while it is threaded in time order: measured 545 MB peak for a
///   10^6-row, 211 MB Console export (SQLite's page cache included).
public enum TwilioImporter {
    public struct Options: Sendable {
        /// `PhoneHashKey`'s key: customers join populations and orders on the hash it makes.
        public var phoneHashKey: UInt64
        /// Recorded in the run's configuration as is (the key's source and fingerprint, never the key).
        public var configEntries: [String: String]
        public var mapping: ImportMapping
        /// The mapping file's path, for the run's configuration.
        public var mappingFile: String?
        public var toolVersion: String
        /// `runs.created_at` (UTC epoch ms).
        public var createdAt: Int64

        public init(
            phoneHashKey: UInt64,
            configEntries: [String: String] = [:],
            mapping: ImportMapping = ImportMapping(),
            mappingFile: String? = nil,
            toolVersion: String,
            createdAt: Int64
        ) {
            self.phoneHashKey = phoneHashKey
            self.configEntries = configEntries
            self.mapping = mapping
            self.mappingFile = mappingFile
            self.toolVersion = toolVersion
            self.createdAt = createdAt
        }
    }

    /// Messages per batch handed to the writer.
    static let batchSize = 10_000

    /// Imports `messageLog` (and `orders`) into `database`.
    ///
    /// - Throws: `IngestError` for a file that cannot be used at all; `SQLiteError` or `StoreError` when the
    ///   database refuses (nothing is then stored).
    public static func load(
        messageLog: String,
        orders: String? = nil,
        into database: Database,
        options: Options,
        progress: (ImportProgress) -> Void = { _ in }
    ) throws -> ImportReport {
        let ordersPass = orders.map { OrdersInBackground(path: $0, mapping: options.mapping) }
        let log: ParsedMessageLog
        do {
            log = try TwilioLogParser(mapping: options.mapping).parse(path: messageLog) { read, total in
                progress(.reading(bytes: read, of: total))
            }
        } catch {
            _ = try? ordersPass?.wait()
            throw error
        }
        let parsedOrders = try ordersPass?.wait()
        let writer = try EventLogWriter(database: database, commitEvery: Int.max, indexes: .maintain)
        try database.execute("BEGIN IMMEDIATE TRANSACTION")
        do {
            var load = Load(database: database, writer: writer, options: options)
            let report = try load.run(log, parsedOrders, progress: progress)
            if report.addedNothing {
                try database.execute("ROLLBACK TRANSACTION")
            } else {
                try writer.finish()
            }
            return report
        } catch {
            if database.isInTransaction { try? database.execute("ROLLBACK TRANSACTION") }
            throw error
        }
    }
}

/// One load inside the open transaction.
private struct Load {
    let database: Database
    let writer: EventLogWriter
    let options: TwilioImporter.Options

    mutating func run(
        _ log: ParsedMessageLog,
        _ orders: ParsedOrders?,
        progress: (ImportProgress) -> Void
    ) throws -> ImportReport {
        var messages = ImportReport.FileReport(file: log.file, sha256: log.sha256)
        messages.rowsRead = log.rowsRead
        messages.duplicatesInFile = log.duplicatesInFile
        messages.naiveDates = log.naiveDates
        messages.unusedColumns = log.unusedColumns
        if let earlier = try earlierRun(withSHA256: log.sha256) {
            messages.alreadyLoadedIn = earlier
            var report = ImportReport(runID: earlier, messages: messages)
            if let orders { report.orders = try addOrders(orders, toExistingRun: earlier) }
            return report
        }
        let runID = try database.integer("SELECT COALESCE(MAX(id), 0) + 1 FROM runs")
        var log = log
        let earlierImports = try removeImportedSids(&log, runID: runID)
        messages.duplicatesOfEarlierImports = earlierImports.count
        messages.earlierRuns = earlierImports.runs
        messages.loaded = log.rows.count
        messages.quarantined = ImportReport.counts(log.quarantine)
        if log.rows.isEmpty && log.quarantine.isEmpty && (orders?.rows.isEmpty ?? true) {
            return ImportReport(runID: runID, messages: messages)
        }

        let rebuildIndexes = try database.integer("SELECT NOT EXISTS (SELECT 1 FROM messages)") == 1
        if rebuildIndexes {
            for index in EventLogSchema.analyticsIndexes { try database.execute("DROP INDEX IF EXISTS \(index.name)") }
        }
        let planner = MessagePlanner(mapping: options.mapping, phoneHashKey: options.phoneHashKey, runID: runID)
        var plan = planner.plan(log)
        var report = ImportReport(runID: runID, messages: messages)
        report.kinds = plan.kindCounts
        report.consentEvents = plan.consentCounts
        report.whatsApp = log.whatsApp
        report.nonUSDPrices = log.nonUSDPrices
        report.unknownKindValues = log.unknownKindValues
        report.customersOnSeveralVariants = plan.customersOnSeveralVariants
        report.conversations = plan.conversations.count
        report.handoffs = plan.handoffs.count

        var joined: JoinedOrders?
        if let orders {
            var join = OrderJoin(runID: runID, existingByHash: [:], nextOrderID: 1)
            joined = try join.join(orders, customers: &plan.customers, key: options.phoneHashKey, database: database)
        }
        report.customers = plan.customers.records.count

        try writer.append(
            EventBatch(runs: [runRecord(runID: runID, log: log, orders: orders)], variants: plan.variants)
        )
        for start in stride(from: 0, to: plan.customers.records.count, by: TwilioImporter.batchSize) {
            let end = min(start + TwilioImporter.batchSize, plan.customers.records.count)
            try writer.append(EventBatch(customers: Array(plan.customers.records[start..<end])))
        }
        try writer.append(
            EventBatch(assignments: plan.assignments, conversations: plan.conversations, handoffs: plan.handoffs)
        )
        try writeMessages(log, plan, runID: runID, progress: progress)
        try writer.append(
            EventBatch(
                consentEvents: plan.consentEvents,
                quarantine: log.quarantine.map { quarantineRecord($0, runID: runID, file: log.file) }
            )
        )
        if let joined, let orders {
            try writer.append(joined.batch)
            report.orders = joined.report(orders)
        }
        if rebuildIndexes {
            for index in EventLogSchema.analyticsIndexes { try database.execute(index.sql) }
        }
        return report
    }

    private func writeMessages(
        _ log: ParsedMessageLog,
        _ plan: MessagePlanner.Plan,
        runID: Int64,
        progress: (ImportProgress) -> Void
    ) throws {
        var batch: [MessageRecord] = []
        batch.reserveCapacity(TwilioImporter.batchSize)
        let total = plan.order.count
        for position in 0..<total {
            let index = Int(plan.order[position])
            let row = log.rows[index]
            let body = log.arena.string(row.body)
            // Counting segments walks the text; skip it when the file gave the count and the encoding is plain.
            let counted = row.segments >= 0 && row.isPlainGSM ? nil : SegmentCount.of(body)
            let kind = plan.kindOfRow[index]
            let category = plan.categoryOfRow[index]
            batch.append(
                MessageRecord(
                    runID: runID,
                    messageID: Int64(position + 1),
                    customerID: Int64(plan.customerOfRow[index]) + 1,
                    conversationID: Int64(plan.conversationOfRow[index]) + 1,
                    direction: row.direction.isInbound ? .inbound : .outbound,
                    kind: kind,
                    at: row.at,
                    body: body,
                    segments: row.segments >= 0 ? Int64(row.segments) : Int64(counted!.segments),
                    encoding: counted?.encoding.rawValue ?? TextEncoding.gsm7.rawValue,
                    status: row.status,
                    costMicrodollars: row.costMicrodollars,
                    flowNode: nil,
                    purpose: Self.purpose(of: kind),
                    subject: nil,
                    businessNumber: log.businessNumbers[Int(row.business)],
                    externalID: log.arena.string(row.sid),
                    errorCode: row.errorCode >= 0 ? Int64(row.errorCode) : nil,
                    intent: nil,
                    category: category == 0 ? nil : MessagePlanner.categoryWords[Int(category)]
                )
            )
            if batch.count == TwilioImporter.batchSize {
                try writer.append(EventBatch(messages: batch))
                batch.removeAll(keepingCapacity: true)
                progress(.writing(rows: position + 1, of: total))
            }
        }
        if !batch.isEmpty { try writer.append(EventBatch(messages: batch)) }
        progress(.writing(rows: total, of: total))
    }

    static func purpose(of kind: MessageKind) -> MessagePurpose? {
        switch kind {
        case .campaign: .marketing
        case .auto, .agent: .transactional
        case .compliance: .compliance
        case .customer: nil
        }
    }

    // MARK: Idempotence

    /// The earliest import run that holds a file with this SHA-256.
    private func earlierRun(withSHA256 sha256: String) throws -> Int64? {
        let query = try database.prepare(
            "SELECT id FROM runs WHERE kind = 'import' AND source_sha256 = ? ORDER BY id LIMIT 1"
        )
        try query.bind(sha256, at: 1)
        return try query.step() ? try query.column(0) : nil
    }

    /// Drops rows whose Sid an earlier import run holds; returns how many and the runs.
    private func removeImportedSids(_ log: inout ParsedMessageLog, runID: Int64) throws -> (count: Int, runs: [Int64]) {
        // Per import run through the primary key, so a log full of simulated messages is not scanned.
        let importRuns = try database.prepare("SELECT id FROM runs WHERE kind = 'import' AND id <> ?")
        try importRuns.bind(runID, at: 1)
        let hasSids = try database.prepare(
            "SELECT EXISTS (SELECT 1 FROM messages WHERE run_id = ? AND external_id IS NOT NULL)"
        )
        var anyImported = false
        while !anyImported, try importRuns.step() {
            try hasSids.bind(try importRuns.column(0) as Int64, at: 1)
            _ = try hasSids.step()
            anyImported = try hasSids.column(0)
            hasSids.reset()
        }
        guard anyImported else { return (0, []) }
        try database.execute(EventLogSchema.sidIndex.sql)
        let query = try database.prepare(
            """
            SELECT m.run_id FROM messages m JOIN runs r ON r.id = m.run_id
            WHERE m.external_id = ? AND r.kind = 'import' ORDER BY m.run_id LIMIT 1
            """
        )
        var kept: [ParsedMessage] = []
        kept.reserveCapacity(log.rows.count)
        var runs: Set<Int64> = []
        var removed = 0
        for row in log.rows {
            try query.bind(log.arena.string(row.sid), at: 1)
            if try query.step() {
                runs.insert(try query.column(0))
                removed += 1
            } else {
                kept.append(row)
            }
            query.reset()
        }
        log.rows = kept
        return (removed, runs.sorted())
    }

    // MARK: Records

    private func runRecord(runID: Int64, log: ParsedMessageLog, orders: ParsedOrders?) -> RunRecord {
        var config: [(String, JSONValue)] = [
            ("auto_reply_seconds", .number(Double(options.mapping.autoReplyMilliseconds) / 1_000)),
            ("conversation_gap_hours", .number(Double(options.mapping.conversationGapMilliseconds) / 3_600_000)),
            ("format", .string("twilio")),
            ("naive_dates_assumed_utc", .number(Double(log.naiveDates + (orders?.naiveDates ?? 0)))),
            ("unused_columns", .array(log.unusedColumns.map { .string($0) })),
        ]
        if let mappingFile = options.mappingFile { config.append(("mapping", .string(mappingFile))) }
        if let orders {
            config.append(("orders_file", .string(orders.file)))
            config.append(("orders_sha256", .array([.string(orders.sha256)])))
        }
        for (key, value) in options.configEntries { config.append((key, .string(value))) }
        config.sort { $0.0 < $1.0 }
        return RunRecord(
            id: runID,
            kind: .import,
            source: log.file,
            seed: nil,
            configJSON: JSONValue.object(config.map { (key: $0.0, value: $0.1) }).jsonText,
            toolVersion: options.toolVersion,
            createdAt: options.createdAt,
            sourceSHA256: log.sha256
        )
    }

    private func quarantineRecord(_ row: QuarantinedRow, runID: Int64, file: String) -> QuarantineRecord {
        QuarantineRecord(runID: runID, file: file, line: row.line, reason: row.reason, rawText: row.rawText)
    }

    // MARK: Orders into an earlier run

    /// The same message log again with a new orders file: the orders join the run that already holds the log.
    private mutating func addOrders(
        _ orders: ParsedOrders,
        toExistingRun runID: Int64
    ) throws -> ImportReport.OrdersReport {
        var fileReport = ImportReport.FileReport(file: orders.file, sha256: orders.sha256)
        fileReport.rowsRead = orders.rowsRead
        let seen = try database.prepare(
            "SELECT 1 FROM runs, json_each(runs.config_json, '$.orders_sha256') WHERE runs.id = ? AND json_each.value = ?"
        )
        try seen.bind(runID, at: 1)
        try seen.bind(orders.sha256, at: 2)
        if try seen.step() {
            fileReport.alreadyLoadedIn = runID
            return ImportReport.OrdersReport(file: fileReport)
        }
        var existing: [Int64: Int64] = [:]
        let customers = try database.prepare("SELECT phone_hash, customer_id FROM customers WHERE run_id = ?")
        try customers.bind(runID, at: 1)
        while try customers.step() { existing[try customers.column(0)] = try customers.column(1) }
        let nextCustomer = try database.prepare(
            "SELECT COALESCE(MAX(customer_id), 0) + 1 FROM customers WHERE run_id = ?"
        )
        try nextCustomer.bind(runID, at: 1)
        _ = try nextCustomer.step()
        let nextOrder = try database.prepare("SELECT COALESCE(MAX(order_id), 0) + 1 FROM orders WHERE run_id = ?")
        try nextOrder.bind(runID, at: 1)
        _ = try nextOrder.step()
        var directory = CustomerDirectory()
        directory.firstID = try nextCustomer.column(0)
        var join = OrderJoin(runID: runID, existingByHash: existing, nextOrderID: try nextOrder.column(0))
        let joined = try join.join(orders, customers: &directory, key: options.phoneHashKey, database: database)
        var batch = EventBatch(customers: directory.records)
        batch.append(contentsOf: joined.batch)
        let report = joined.report(orders)
        if !report.addedNothing {
            try writer.append(batch)
            try recordOrdersFile(orders, inRun: runID)
        }
        return report
    }
}

extension Load {
    /// Adds the orders file's SHA-256 to the run's configuration, keeping it canonical (sorted keys).
    fileprivate func recordOrdersFile(_ orders: ParsedOrders, inRun runID: Int64) throws {
        let read = try database.prepare("SELECT config_json FROM runs WHERE id = ?")
        try read.bind(runID, at: 1)
        guard try read.step() else { throw IngestError.noSuchImportRun(path: database.path, runID: runID) }
        let text: String = try read.column(0)
        var members: [(key: String, value: JSONValue)] = []
        if case .object(let existing) = try JSONReader<IngestError>(parsing: text, file: "runs.config_json").value {
            members = existing
        }
        var hashes: [JSONValue] = []
        if let index = members.firstIndex(where: { $0.key == "orders_sha256" }) {
            if case .array(let items) = members[index].value { hashes = items }
            members.remove(at: index)
        }
        members.append((key: "orders_sha256", value: .array(hashes + [.string(orders.sha256)])))
        members.sort { $0.key < $1.key }
        let update = try database.prepare("UPDATE runs SET config_json = ? WHERE id = ?")
        try update.bind(JSONValue.object(members).jsonText, at: 1)
        try update.bind(runID, at: 2)
        try update.execute()
    }
}

/// What the orders file became once joined to the run's customers.
struct JoinedOrders {
    var batch: EventBatch
    var quarantine: [QuarantinedRow]
    var duplicatesOfEarlierImports: Int
    var earlierRuns: [Int64]
    var duplicateCarts: Int
    var customersNotInLog: Int

    func report(_ orders: ParsedOrders) -> ImportReport.OrdersReport {
        var file = ImportReport.FileReport(file: orders.file, sha256: orders.sha256)
        file.rowsRead = orders.rowsRead
        file.loaded = batch.orders.count + batch.carts.count
        file.quarantined = ImportReport.counts(orders.quarantine + quarantine)
        file.duplicatesInFile = orders.duplicatesInFile
        file.duplicatesOfEarlierImports = duplicatesOfEarlierImports + duplicateCarts
        file.earlierRuns = earlierRuns
        file.naiveDates = orders.naiveDates
        file.unusedColumns = orders.unusedColumns
        return ImportReport.OrdersReport(
            file: file,
            orders: batch.orders.count,
            carts: batch.carts.count,
            customersNotInLog: customersNotInLog
        )
    }
}

/// Joins orders and carts to customers by the keyed phone hash, adding a customer (in no variant) for a phone the
/// message log does not have, and skipping order and cart ids an earlier import run holds (shop ids are unique).
struct OrderJoin {
    let runID: Int64
    /// Customers the run held before this load: hash → customer id.
    let existingByHash: [Int64: Int64]
    var nextOrderID: Int64

    mutating func join(
        _ orders: ParsedOrders,
        customers: inout CustomerDirectory,
        key: UInt64,
        database: Database
    ) throws -> JoinedOrders {
        var imported: [String: Int64] = [:]
        let query = try database.prepare(
            "SELECT o.external_id, o.run_id FROM orders o JOIN runs r ON r.id = o.run_id "
                + "WHERE r.kind = 'import' AND o.external_id IS NOT NULL"
        )
        while try query.step() { imported[try query.column(0)] = try query.column(1) }
        var importedCarts: [String: Int64] = [:]
        let carts = try database.prepare(
            "SELECT c.cart_id, c.run_id FROM carts c JOIN runs r ON r.id = c.run_id WHERE r.kind = 'import'"
        )
        while try carts.step() { importedCarts[try carts.column(0)] = try carts.column(1) }
        var result = JoinedOrders(
            batch: EventBatch(),
            quarantine: [],
            duplicatesOfEarlierImports: 0,
            earlierRuns: [],
            duplicateCarts: 0,
            customersNotInLog: 0
        )
        var earlierRuns: Set<Int64> = []
        let rows = orders.rows.sorted { $0.at != $1.at ? $0.at < $1.at : $0.line < $1.line }
        for row in rows {
            if let id = row.orderID, let run = imported[id] {
                result.duplicatesOfEarlierImports += 1
                earlierRuns.insert(run)
                continue
            }
            if row.isCart, let cart = row.cartID, let run = importedCarts[cart] {
                result.duplicateCarts += 1
                earlierRuns.insert(run)
                continue
            }
            let hash = row.phone.map { Int64(bitPattern: $0.keyedHash(key: key)) } ?? row.phoneHash!
            let customerID: Int64
            if let id = existingByHash[hash] {
                customerID = id
            } else if let index = customers.byHash[hash] {
                customerID = customers.firstID + Int64(index)
            } else if let phone = row.phone {
                let before = customers.records.count
                let index = customers.index(of: phone.nationalNumber, key: key, runID: runID)
                if customers.records.count > before { result.customersNotInLog += 1 }
                customerID = customers.firstID + Int64(index)
            } else {
                result.quarantine.append(
                    QuarantinedRow(
                        line: row.line,
                        label: "unknown customer",
                        reason: "phone hash \(hash) matches no customer of the message log (was the same "
                            + "--phone-hash-key used?)",
                        rawText: row.rawText
                    )
                )
                continue
            }
            if row.isCart {
                result.batch.carts.append(
                    CartRecord(
                        runID: runID,
                        cartID: row.cartID!,
                        customerID: customerID,
                        abandonedAt: row.at,
                        valueCents: row.valueCents
                    )
                )
            } else {
                result.batch.orders.append(
                    OrderRecord(
                        runID: runID,
                        orderID: nextOrderID,
                        customerID: customerID,
                        at: row.at,
                        valueCents: row.valueCents,
                        cartID: row.cartID,
                        attributedMessageID: nil,
                        externalID: row.orderID
                    )
                )
                nextOrderID += 1
            }
        }
        result.earlierRuns = earlierRuns.sorted()
        result.batch.quarantine = (orders.quarantine + result.quarantine).map {
            QuarantineRecord(runID: runID, file: orders.file, line: $0.line, reason: $0.reason, rawText: $0.rawText)
        }
        return result
    }
}
