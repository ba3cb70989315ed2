import EventLog
import Foundation
import Testing

@testable import Store

/// A v1 log (written by the first ReplyLab) must keep every row through the v2 migration and read back with the
/// new columns empty, and the rebuilt tables must take the words v2 added.
@Suite struct VersionTwoMigrationTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Writes a v1 file by hand: the v1 DDL and rows in every table the migration rebuilds or alters.
    func versionOneFile() throws -> String {
        let path = folder.path("v1.sqlite")
        let database = try Database(path: path)
        try database.execute(EventLogSchema.version1)
        try database.execute(
            """
            INSERT INTO runs VALUES (1, 'import', 'twilio.csv', NULL, '{}', '0.1.0', 1764374400000);
            INSERT INTO variants VALUES (1, 1, 'all', 'import', 1.0, 0);
            INSERT INTO customers VALUES (1, 7, '+1 415 ***-**23', -42, 'America/Los_Angeles', 'CA', 'new', '{}');
            INSERT INTO assignments VALUES (1, 7, 1);
            INSERT INTO messages VALUES (1, 1, 7, NULL, 'inbound', 'customer', 1764374460000, 'STOP', 1, 'GSM-7',
                'received', 0, NULL);
            INSERT INTO orders VALUES (1, 1, 7, 1764375000000, 8450, 'c-1', NULL);
            INSERT INTO consent_events VALUES (1, 1, 7, 1764374460000, 'opt_out', 'STOP', 'keyword');
            INSERT INTO suppressions VALUES (1, 1, 7, 1764374500000, 'opted_out', NULL, 'cart');
            INSERT INTO quarantine VALUES (1, 12, 'unparseable date', 'SMx,yesterday');
            PRAGMA user_version = 1;
            """
        )
        return path
    }

    @Test func everyVersionOneRowSurvivesWithTheNewColumnsEmpty() throws {
        let path = try versionOneFile()
        let database = try Database(path: path)
        let report = try EventLogSchema.migrate(database)
        #expect(report == EventLogSchema.MigrationReport(fromVersion: 1, toVersion: EventLogSchema.currentVersion))
        let run = try EventLogReader(database: database).events(ofRun: 1)
        #expect(run.runs.map(\.sourceSHA256) == [nil])
        #expect(run.customers.map(\.fictionalPhone) == [nil])
        #expect(run.assignments == [AssignmentRecord(runID: 1, customerID: 7, variantID: 1, assignedAt: nil)])
        #expect(run.messages.count == 1)
        #expect(run.messages.first?.body == "STOP")
        #expect(run.messages.first?.externalID == nil)
        #expect(run.messages.first?.purpose == nil)
        #expect(run.orders.first?.valueCents == 8450)
        #expect(
            run.consentEvents == [
                ConsentEventRecord(
                    runID: 1,
                    eventID: 1,
                    customerID: 7,
                    at: 1_764_374_460_000,
                    kind: .optOut,
                    keyword: "STOP",
                    source: "keyword",
                    scope: nil
                )
            ]
        )
        #expect(run.suppressions.map(\.reason) == [.optedOut])
        #expect(run.suppressions.map(\.rule) == [nil])
        #expect(
            run.quarantine == [
                QuarantineRecord(runID: 1, file: "", line: 12, reason: "unparseable date", rawText: "SMx,yesterday")
            ]
        )
    }

    @Test func rebuiltTablesKeepTheirIndexesAndAcceptTheNewWords() throws {
        let database = try Database(path: try versionOneFile())
        try EventLogSchema.migrate(database)
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
        try database.execute(
            """
            INSERT INTO consent_events VALUES (1, 2, 7, 1764374470000, 'review_hold', 'not now', 'keyword', NULL);
            INSERT INTO suppressions VALUES (1, 2, 7, 1764374480000, 'holiday', 1764460800000, 'cart', 'Alabama');
            INSERT INTO quarantine VALUES (1, 'orders.csv', 12, 'no order id', ',,1');
            """
        )
        let refused = #expect(throws: SQLiteError.self) {
            try database.execute("INSERT INTO consent_events VALUES (1, 3, 7, 0, 'opt_out', 'STOP', 'keyword', 'some')")
        }
        #expect(refused?.primaryCode == 19)  // SQLITE_CONSTRAINT: scope is marketing or all
        #expect(try database.integer("SELECT count(*) FROM pragma_foreign_key_check") == 0)
    }
}
