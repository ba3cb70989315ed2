import EventLog
import Foundation
import Testing

@testable import Store

@Suite struct EventLogWriterTests {
    let database: Database

    init() throws {
        database = try Database.inMemory()
    }

    @Test func everyRecordTypeRoundTripsThroughTheReaders() throws {
        let batch = SampleRun.batch()
        let writer = try EventLogWriter(database: database)
        try writer.append(batch)
        try writer.finish()
        let reader = try EventLogReader(database: database)
        let read = try reader.events(ofRun: 1)
        #expect(read.runs == batch.runs)
        #expect(read.variants == batch.variants)
        #expect(read.customers == batch.customers)
        #expect(read.assignments == batch.assignments)
        #expect(read.conversations == batch.conversations)
        #expect(read.messages == batch.messages)
        #expect(read.handoffs == batch.handoffs)
        #expect(read.orders == batch.orders)
        #expect(read.consentEvents == batch.consentEvents)
        #expect(read.suppressions == batch.suppressions)
        #expect(read.quarantine == batch.quarantine)
        #expect(read == batch)
        #expect(writer.recordsWritten == batch.count)
    }

    @Test func rowCountsAndRunsAreReportedPerTable() throws {
        let writer = try EventLogWriter(database: database)
        try writer.append(SampleRun.batch(runID: 1))
        try writer.append(SampleRun.batch(runID: 2))
        try writer.finish()
        let reader = try EventLogReader(database: database)
        #expect(try reader.runs().map(\.id) == [1, 2])
        let counts = try reader.rowCounts()
        #expect(counts.map(\.table) == EventLogSchema.tables)
        #expect(counts.map(\.rows) == [2, 4, 4, 4, 4, 4, 4, 6, 4, 4, 6, 4, 4])
        #expect(try reader.rowCounts(ofRun: 2).map(\.rows) == [1, 2, 2, 2, 2, 2, 2, 3, 2, 2, 3, 2, 2])
        #expect(try reader.rowCounts(ofRun: 3).allSatisfy { $0.rows == 0 })
    }

    @Test func oneCustomersMessagesComeInTimeOrder() throws {
        var batch = SampleRun.batch()
        batch.messages.append(
            MessageRecord(
                runID: 1,
                messageID: 4,
                customerID: 1,
                conversationID: 1,
                direction: .outbound,
                kind: .agent,
                at: 1_764_374_000_000,
                body: "Earlier",
                segments: 1,
                encoding: "GSM-7",
                status: .sent,
                costMicrodollars: 8_300,
                flowNode: nil
            )
        )
        let writer = try EventLogWriter(database: database)
        try writer.append(batch)
        try writer.finish()
        let reader = try EventLogReader(database: database)
        #expect(try reader.messages(ofRun: 1, customer: 1).map(\.messageID) == [4, 1, 2])
        var streamed: [Int64] = []
        try reader.forEachMessage(ofRun: 1) { streamed.append($0.messageID) }
        #expect(streamed == [1, 2, 3, 4])
    }

    @Test func messageForAnUnknownCustomerIsAForeignKeyViolationAndTheBatchIsNotStored() throws {
        let writer = try EventLogWriter(database: database)
        try writer.append(SampleRun.batch())
        var stray = SampleRun.batch().messages[0]
        stray.messageID = 99
        stray.customerID = 404
        let valid = MessageRecord(
            runID: 1,
            messageID: 98,
            customerID: 1,
            conversationID: nil,
            direction: .outbound,
            kind: .campaign,
            at: 0,
            body: "ok",
            segments: 1,
            encoding: "GSM-7",
            status: .sent,
            costMicrodollars: 1,
            flowNode: nil
        )
        let error = #expect(throws: SQLiteError.self) { try writer.append(EventBatch(messages: [valid, stray])) }
        #expect(error?.code == 787)
        #expect(error?.message == "FOREIGN KEY constraint failed")
        #expect(error?.sql?.hasPrefix("INSERT INTO messages (run_id, message_id, customer_id,") == true)
        // The refused batch left nothing behind; the earlier one survives and the writer goes on.
        try writer.append(EventBatch(messages: [valid]))
        try writer.finish()
        let messages = try EventLogReader(database: database).messages(ofRun: 1)
        #expect(messages.map(\.messageID) == [1, 2, 3, 98])
    }

    /// Most rows go in 32 to a statement and the rest one by one: every split must store each record once, in
    /// order, with its own values (a wrong parameter offset would shift columns between rows).
    @Test(arguments: [0, 1, 31, 32, 33, 64, 70])
    func batchesOfAnySizeRoundTripInOrder(count: Int) throws {
        let writer = try EventLogWriter(database: database)
        let run = SampleRun.batch()
        try writer.append(EventBatch(runs: run.runs, customers: run.customers))
        let messages = (0..<count).map { k -> MessageRecord in
            var message = run.messages[k % run.messages.count]
            message.messageID = Int64(100 + k)
            message.at = Int64(1_000 * k)
            message.body = "text \(k)"
            message.flowNode = k % 2 == 0 ? "node-\(k)" : nil
            return message
        }
        try writer.append(EventBatch(messages: messages))
        try writer.finish()
        #expect(try EventLogReader(database: database).messages(ofRun: 1) == messages)
    }

    @Test func aRefusedRowInsideAMultiRowStatementLeavesNothingOfItsBatch() throws {
        let writer = try EventLogWriter(database: database)
        let run = SampleRun.batch()
        try writer.append(EventBatch(runs: run.runs, customers: run.customers))
        var messages = (0..<70).map { k -> MessageRecord in
            var message = run.messages[0]
            message.messageID = Int64(100 + k)
            return message
        }
        messages[40].customerID = 404
        let error = #expect(throws: SQLiteError.self) { try writer.append(EventBatch(messages: messages)) }
        #expect(error?.code == 787)
        #expect(error?.sql == MessageRecord.insertSQL + " (32 rows per statement)")
        try writer.finish()
        #expect(try database.integer("SELECT count(*) FROM messages") == 0)
    }

    @Test func duplicateIDIsRefusedWithThePrimaryKeyCode() throws {
        let writer = try EventLogWriter(database: database)
        try writer.append(SampleRun.batch())
        let error = #expect(throws: SQLiteError.self) {
            try writer.append(EventBatch(runs: SampleRun.batch().runs))
        }
        #expect(error?.code == 1555)
        #expect(error?.message == "UNIQUE constraint failed: runs.id")
    }

    @Test func unknownRunKindIsRefusedByTheSchema() throws {
        let writer = try EventLogWriter(database: database)
        var batch = SampleRun.batch()
        batch.runs[0].kind = "guess"
        let error = #expect(throws: SQLiteError.self) { try writer.append(batch) }
        #expect(error?.code == 275)
    }

    @Test func appendAfterFinishIsRefused() throws {
        let writer = try EventLogWriter(database: database)
        try writer.finish()
        #expect(throws: StoreError.writerFinished(path: ":memory:")) { try writer.append(SampleRun.batch()) }
    }

    @Test func manySmallBatchesAreGroupedIntoLargeTransactions() throws {
        let writer = try EventLogWriter(database: database, commitEvery: 10)
        try writer.append(EventBatch(runs: SampleRun.batch().runs, customers: SampleRun.batch().customers))
        #expect(database.isInTransaction)  // 3 records: still pending
        func appendMessage(_ id: Int64) throws {
            var message = SampleRun.batch().messages[0]
            message.messageID = id
            try writer.append(EventBatch(messages: [message]))
        }
        for id in Int64(1)...Int64(7) { try appendMessage(id) }
        #expect(!database.isInTransaction)  // 3 + 7 = 10 records: committed
        try appendMessage(8)
        try appendMessage(9)
        #expect(database.isInTransaction)
        try writer.finish()
        #expect(!database.isInTransaction)
        #expect(try database.integer("SELECT count(*) FROM messages") == 9)
    }

    @Test(arguments: [EventLogWriter.IndexStrategy.maintain, .deferUntilFinish, .automatic])
    func everyIndexStrategyEndsWithAllAnalyticsIndexes(_ strategy: EventLogWriter.IndexStrategy) throws {
        let writer = try EventLogWriter(database: database, indexes: strategy)
        #expect(writer.defersIndexes == (strategy != .maintain))
        try writer.append(SampleRun.batch())
        try writer.finish()
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
        let plan = try database.prepare(
            "EXPLAIN QUERY PLAN SELECT * FROM messages WHERE run_id = 1 AND customer_id = 1 ORDER BY at"
        )
        var details: [String] = []
        while try plan.step() { details.append(try plan.column(3)) }
        #expect(details.contains { $0.contains("messages_by_customer") }, "\(details)")
    }

    /// A simulation builds the deferred indexes before its agents' phase: the rows that follow must be indexed
    /// as they are stored, and `finish` must not build the indexes again.
    @Test func rowsAppendedAfterTheBulkLoadEndedAreIndexedAsTheyAreStored() throws {
        let writer = try EventLogWriter(database: database, indexes: .deferUntilFinish)
        var run = SampleRun.batch()
        let messages = run.messages
        run.messages = []
        try writer.append(run)
        #expect(try !EventLogSchema.missingIndexes(database).isEmpty)
        try writer.bulkLoadDidEnd()
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
        #expect(database.isInTransaction)
        try writer.append(EventBatch(messages: messages))
        try writer.finish()
        #expect(!database.isInTransaction)
        let indexed = try database.integer(
            "SELECT count(*) FROM messages INDEXED BY messages_by_customer WHERE run_id = 1 AND customer_id >= 0"
        )
        #expect(indexed == Int64(messages.count))
        #expect(messages.count > 1)
        let check = try database.prepare("PRAGMA integrity_check")
        _ = try check.step()
        #expect(try check.column(0) as String == "ok")
    }

    @Test func automaticStrategyMaintainsIndexesWhenTheLogAlreadyHasMessages() throws {
        let first = try EventLogWriter(database: database)
        #expect(first.defersIndexes)
        try first.append(SampleRun.batch(runID: 1))
        try first.finish()
        let second = try EventLogWriter(database: database)
        #expect(!second.defersIndexes)
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
    }
}

/// Producers are generic over `EventSink`: the same code must give the same records in memory and in SQLite.
@Suite struct EventSinkConformanceTests {
    /// A producer as the simulator is written: generic, several batches, then finish.
    static func produce<Sink: EventSink>(into sink: inout Sink) throws {
        let run = SampleRun.batch()
        try sink.append(EventBatch(runs: run.runs, variants: run.variants, customers: run.customers))
        try sink.append(
            EventBatch(
                assignments: run.assignments,
                carts: run.carts,
                agentShifts: run.agentShifts,
                conversations: run.conversations
            )
        )
        try sink.append(
            EventBatch(
                messages: run.messages,
                handoffs: run.handoffs,
                orders: run.orders,
                consentEvents: run.consentEvents,
                suppressions: run.suppressions,
                quarantine: run.quarantine
            )
        )
        try sink.finish()
    }

    @Test func collectingSinkAndSQLiteWriterHoldTheSameRecords() throws {
        var memory = CollectingEventSink()
        try Self.produce(into: &memory)
        let database = try Database.inMemory()
        var writer = try EventLogWriter(database: database)
        try Self.produce(into: &writer)
        #expect(memory.batchCount == 3)
        #expect(try EventLogReader(database: database).events(ofRun: 1) == memory.collected)
        #expect(memory.collected == SampleRun.batch())
    }
}

/// A load large enough to span several commits, as a simulated run does.
@Suite struct EventLogWriterLoadTests {
    @Test func fiftyThousandMessagesInSmallBatchesAcrossManyCommitsAreAllStoredAndIndexed() throws {
        let database = try Database.inMemory()
        let writer = try EventLogWriter(database: database, commitEvery: 7_000)
        let run = SampleRun.batch()
        try writer.append(EventBatch(runs: run.runs, customers: run.customers))
        var checksum: Int64 = 0
        for batchStart in stride(from: Int64(1), through: 50_000, by: 500) {
            let messages = (batchStart..<batchStart + 500).map { id -> MessageRecord in
                var message = run.messages[Int(id % 3)]
                message.messageID = id
                message.customerID = 1 + id % 2
                message.at = 1_764_374_400_000 + (id * 7_919) % 86_400_000
                checksum += message.at
                return message
            }
            try writer.append(EventBatch(messages: messages))
        }
        try writer.finish()
        #expect(writer.recordsWritten == 50_003)
        #expect(try database.integer("SELECT count(*) FROM messages") == 50_000)
        #expect(try database.integer("SELECT sum(at) FROM messages") == checksum)
        let reader = try EventLogReader(database: database)
        let customerTwo = try reader.messages(ofRun: 1, customer: 2)
        #expect(customerTwo.count == 25_000)
        #expect(zip(customerTwo, customerTwo.dropFirst()).allSatisfy { $0.at <= $1.at })
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
    }
}
