import EventLog
import Testing

@testable import Store

/// v4 rewrites the word checks of the per-row tables from `IN (…)` to `=` … `OR`: the same rules, without the
/// temporary b-tree SQLite builds for an `IN` list on every insert. The migration must keep every row and every rule.
@Suite struct VersionFourMigrationTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A file as ReplyLab with schema v3 left it, with one row in each rebuilt table.
    func versionThreeFile() throws -> String {
        let path = folder.path("v3.sqlite")
        let database = try Database(path: path)
        try database.execute(EventLogSchema.version1)
        try database.execute(EventLogSchema.version2)
        try database.execute(EventLogSchema.version3)
        try database.execute(
            """
            INSERT INTO runs VALUES (1, 'import', 'twilio.csv', NULL, '{}', '0.1.0', 1764374400000, NULL);
            INSERT INTO customers VALUES (1, 7, '+1 415 ***-**23', -42, 'America/Los_Angeles', 'CA', 'new', '{}', NULL);
            INSERT INTO messages (run_id, message_id, customer_id, direction, kind, at, body, segments, encoding,
                status, cost_microdollars, purpose, external_id, category)
                VALUES (1, 1, 7, 'inbound', 'customer', 1764374460000, 'STOP', 1, 'GSM-7', 'received', 0,
                    'compliance', 'SM00000000000000000000000000000001', '(opt-out)');
            INSERT INTO handoffs VALUES (1, 1, 1, 7, 'support', 1764374460000, NULL, NULL, 'open', NULL);
            INSERT INTO consent_events VALUES (1, 1, 7, 1764374460000, 'opt_out', 'STOP', 'sms', 'all');
            INSERT INTO suppressions VALUES (1, 1, 7, 1764374470000, 'opted_out', NULL, 'marketing', NULL);
            PRAGMA user_version = 3;
            """
        )
        return path
    }

    static let rebuilt = ["messages", "handoffs", "consent_events", "suppressions"]

    @Test func everyRowSurvivesAndNoRebuiltTableChecksWithIn() throws {
        let database = try Database(path: try versionThreeFile())
        let report = try EventLogSchema.migrate(database)
        #expect(report == EventLogSchema.MigrationReport(fromVersion: 3, toVersion: 4))
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
        #expect(
            try database.integer(
                """
                SELECT count(*) FROM messages WHERE body = 'STOP' AND purpose = 'compliance'
                    AND external_id = 'SM00000000000000000000000000000001' AND category = '(opt-out)'
                """
            ) == 1
        )
        #expect(try database.integer("SELECT count(*) FROM handoffs WHERE resolution = 'open'") == 1)
        #expect(
            try database.integer("SELECT count(*) FROM consent_events WHERE kind = 'opt_out' AND scope = 'all'") == 1
        )
        #expect(try database.integer("SELECT count(*) FROM suppressions WHERE reason = 'opted_out'") == 1)
        for table in Self.rebuilt {
            let sql = try database.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
            try sql.bind(table, at: 1)
            #expect(try sql.step())
            let text: String = try sql.column(0)
            #expect(!text.contains(" IN ("), "\(table): \(text)")
        }
        let violations = try database.prepare("PRAGMA foreign_key_check")
        #expect(try !violations.step())
    }

    /// The rules themselves are unchanged: a word outside the list is still refused, table by table.
    @Test func theChecksStillRefuseAWordOutsideTheList() throws {
        let database = try Database(path: try versionThreeFile())
        try EventLogSchema.migrate(database)
        let refused = [
            """
            INSERT INTO messages (run_id, message_id, customer_id, direction, kind, at, body, segments, encoding,
                status, cost_microdollars) VALUES (1, 2, 7, 'outbound', 'carrier', 0, 'x', 1, 'GSM-7', 'sent', 0)
            """,
            """
            INSERT INTO messages (run_id, message_id, customer_id, direction, kind, at, body, segments, encoding,
                status, cost_microdollars) VALUES (1, 3, 7, 'sideways', 'campaign', 0, 'x', 1, 'GSM-7', 'sent', 0)
            """,
            """
            INSERT INTO messages (run_id, message_id, customer_id, direction, kind, at, body, segments, encoding,
                status, cost_microdollars, purpose)
                VALUES (1, 4, 7, 'outbound', 'campaign', 0, 'x', 1, 'GSM-7', 'sent', 0, 'promotional')
            """,
            "INSERT INTO handoffs VALUES (1, 2, 1, 7, 'support', 0, NULL, NULL, 'lost', NULL)",
            "INSERT INTO consent_events VALUES (1, 2, 7, 0, 'opt_sideways', NULL, 'sms', NULL)",
            "INSERT INTO consent_events VALUES (1, 3, 7, 0, 'opt_out', NULL, 'sms', 'some')",
            "INSERT INTO suppressions VALUES (1, 2, 7, 0, 'bad_weather', NULL, 'marketing', NULL)",
        ]
        for sql in refused {
            #expect(throws: SQLiteError.self, "\(sql)") { try database.execute(sql) }
        }
        #expect(try database.integer("SELECT count(*) FROM messages") == 1)
        try database.execute(
            """
            INSERT INTO messages (run_id, message_id, customer_id, direction, kind, at, body, segments, encoding,
                status, cost_microdollars, purpose)
                VALUES (1, 5, 7, 'outbound', 'agent', 0, 'x', 1, 'GSM-7', 'sent', 0, NULL)
            """
        )
        #expect(try database.integer("SELECT count(*) FROM messages") == 2)
    }

    /// The writer's inserts open no temporary b-tree: that is what made a message insert cost twice as much.
    @Test func theWritersInsertsBuildNoTemporaryTable() throws {
        let database = try Database(path: folder.path("fresh.sqlite"))
        try EventLogSchema.migrate(database)
        for sql in [
            MessageRecord.insertSQL, HandoffRecord.insertSQL, ConsentEventRecord.insertSQL, SuppressionRecord.insertSQL,
        ] {
            let program = try database.prepare("EXPLAIN " + sql)
            var opcodes: [String] = []
            while try program.step() { opcodes.append(try program.column(1)) }
            #expect(opcodes.contains("Insert") || opcodes.contains("IdxInsert"), "\(sql)")
            #expect(!opcodes.contains("OpenEphemeral"), "\(sql)")
        }
    }
}
