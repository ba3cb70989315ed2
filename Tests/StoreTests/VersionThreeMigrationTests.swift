import EventLog
import Testing

@testable import Store

/// A v2 log carries the narrow `messages_by_customer`; v3 widens it so analysis reads a customer's messages without
/// the rows. The migration must keep every row and leave the analysis columns covered.
@Suite struct VersionThreeMigrationTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A file as ReplyLab with schema v2 left it: migrations 1 and 2, the v2 analytics indexes, one message.
    func versionTwoFile() throws -> String {
        let path = folder.path("v2.sqlite")
        let database = try Database(path: path)
        try database.execute(EventLogSchema.version1)
        try database.execute(EventLogSchema.version2)
        try database.execute("CREATE INDEX messages_by_customer ON messages (run_id, customer_id, at)")
        try database.execute(
            """
            INSERT INTO runs VALUES (1, 'import', 'twilio.csv', NULL, '{}', '0.1.0', 1764374400000, NULL);
            INSERT INTO customers VALUES (1, 7, '+1 415 ***-**23', -42, 'America/Los_Angeles', 'CA', 'new', '{}', NULL);
            INSERT INTO messages (run_id, message_id, customer_id, direction, kind, at, body, segments, encoding,
                status, cost_microdollars, category)
                VALUES (1, 1, 7, 'inbound', 'customer', 1764374460000, 'STOP', 1, 'GSM-7', 'received', 0, '(opt-out)');
            PRAGMA user_version = 2;
            """
        )
        return path
    }

    @Test func theMessageIndexCoversTheAnalysisColumnsAndNoRowIsLost() throws {
        let database = try Database(path: try versionTwoFile())
        let report = try EventLogSchema.migrate(database)
        #expect(report == EventLogSchema.MigrationReport(fromVersion: 2, toVersion: EventLogSchema.currentVersion))
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
        let columns = try database.prepare("SELECT name FROM pragma_index_info('messages_by_customer') ORDER BY seqno")
        var names: [String] = []
        while try columns.step() { names.append(try columns.column(0)) }
        #expect(
            names == [
                "run_id", "customer_id", "at", "direction", "kind", "status", "category", "cost_microdollars",
                "segments", "conversation_id", "flow_node",
            ]
        )
        #expect(try database.integer("SELECT count(*) FROM messages WHERE body = 'STOP' AND category = '(opt-out)'") == 1)
    }

    /// The plan SQLite picks for a customer's messages reads the index alone: no lookup into the wide rows.
    @Test func aCustomersMessagesAreReadFromTheIndexAlone() throws {
        let database = try Database(path: try versionTwoFile())
        try EventLogSchema.migrate(database)
        let plan = try database.prepare(
            """
            EXPLAIN QUERY PLAN SELECT MIN(at), SUM(cost_microdollars), COUNT(category), MAX(flow_node)
            FROM messages WHERE run_id = 1 AND customer_id = 7 AND direction = 'inbound'
            """
        )
        var details: [String] = []
        while try plan.step() { details.append(try plan.column(3)) }
        #expect(details.contains { $0.contains("COVERING INDEX messages_by_customer") })
    }
}
