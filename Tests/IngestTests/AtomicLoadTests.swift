import EventLog
import Foundation
import Store
import Testing

@testable import Ingest

/// A load that fails halfway leaves the database exactly as it was: tables, indexes and schema.
@Suite struct AtomicLoadTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    /// A trigger refuses one message deep into the load, after customers, conversations and earlier message
    /// batches went in; a real SQLite error, not a mock.
    func refuseMessage(_ messageID: Int, ofRun runID: Int, in path: String) throws {
        let database = try Database(path: path)
        try EventLogSchema.migrate(database)
        try database.execute(
            """
            CREATE TRIGGER refuse_one_message BEFORE INSERT ON messages
            WHEN NEW.run_id = \(runID) AND NEW.message_id = \(messageID)
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """
        )
    }

    @Test func aFailureInAFreshLogRollsBackTheDroppedIndexesToo() throws {
        let path = scratch.path("log.sqlite")
        try refuseMessage(15, ofRun: 1, in: path)
        let before = try dump(path)
        #expect(before.contains("index messages_by_customer"))
        #expect(throws: SQLiteError.self) {
            try TwilioImporter.load(
                messageLog: Scratch.fixture("console-export.csv"),
                orders: Scratch.fixture("orders.csv"),
                into: try Database(path: path),
                options: Scratch.options()
            )
        }
        #expect(try dump(path) == before)
    }

    @Test func aFailureAfterEarlierRunsLeavesThemUntouched() throws {
        let path = scratch.path("log.sqlite")
        _ = try scratch.load(Scratch.fixture("api-export.csv"), orders: Scratch.fixture("orders.csv"))
        try refuseMessage(3, ofRun: 2, in: path)
        let before = try dump(path)
        #expect(before.contains("messages: 1|1|"))
        let error = #expect(throws: SQLiteError.self) {
            try TwilioImporter.load(
                messageLog: Scratch.fixture("console-export.csv"),
                into: try Database(path: path),
                options: Scratch.options()
            )
        }
        #expect(error?.message.contains("refused by the test") == true)
        #expect(try dump(path) == before)
        // And the connection is usable: the same load succeeds once the trigger is gone.
        let database = try Database(path: path)
        try database.execute("DROP TRIGGER refuse_one_message")
        let report = try TwilioImporter.load(
            messageLog: Scratch.fixture("console-export.csv"),
            into: database,
            options: Scratch.options()
        )
        #expect(report.runID == 2)
        #expect(try database.integer("SELECT count(*) FROM messages WHERE run_id = 2") == 20)
    }

    /// The orders file is parsed beside the message log: whichever of the two cannot be read, its own error
    /// reaches the caller (the log's first, as when they ran one after the other), and nothing is stored.
    @Test func anUnreadableOrdersFileOrLogStopsTheLoadWithItsOwnError() throws {
        let path = scratch.path("log.sqlite")
        let database = try Database(path: path)
        try EventLogSchema.migrate(database)
        let before = try dump(path)
        let missingOrders = scratch.path("no-orders.csv")
        let ordersError = #expect(throws: IngestError.self) {
            try TwilioImporter.load(
                messageLog: Scratch.fixture("console-export.csv"),
                orders: missingOrders,
                into: database,
                options: Scratch.options()
            )
        }
        #expect(ordersError?.description.contains("no-orders.csv") == true)
        let missingLog = scratch.path("no-log.csv")
        let logError = #expect(throws: IngestError.self) {
            try TwilioImporter.load(
                messageLog: missingLog,
                orders: missingOrders,
                into: database,
                options: Scratch.options()
            )
        }
        #expect(logError?.description.contains("no-log.csv") == true)
        #expect(try dump(path) == before)
    }

    @Test func theWholeFileIsOneTransaction() throws {
        // Another connection sees nothing of the run until the load returns: the writer never committed early.
        let path = scratch.path("log.sqlite")
        let observer = try Database(path: path)
        try EventLogSchema.migrate(observer)
        var seenDuringLoad: [Int64] = []
        let database = try Database(path: path)
        _ = try TwilioImporter.load(
            messageLog: Scratch.fixture("console-export.csv"),
            into: database,
            options: Scratch.options(),
            progress: { progress in
                if case .writing = progress {
                    seenDuringLoad.append((try? observer.integer("SELECT count(*) FROM messages")) ?? -1)
                }
            }
        )
        #expect(!seenDuringLoad.isEmpty)
        #expect(seenDuringLoad.allSatisfy { $0 == 0 })
        #expect(try observer.integer("SELECT count(*) FROM messages") == 20)
    }
}
