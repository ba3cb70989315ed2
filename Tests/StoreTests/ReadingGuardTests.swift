import Foundation
import Testing

@testable import Store

/// A notebook's SQL runs on a read-only connection that compiles only queries: every kind of write is refused
/// before it runs, by name, and the file is left exactly as it was.
@Suite struct ReadingGuardTests {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("guard-\(UUID().uuidString).sqlite").path
        let database = try Database(path: path)
        try database.execute(
            """
            CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT, cost REAL, raw BLOB);
            INSERT INTO messages VALUES (1, 'STOP', 0.0079, x'00FF'), (2, NULL, 2.5, NULL);
            """
        )
    }

    func reader() throws -> Database {
        let database = try Database(path: path, mode: .readOnly)
        database.allowOnlyReading()
        return database
    }

    func refusal(_ sql: String) throws -> SQLiteError? {
        let database = try reader()
        do {
            for statement in try database.prepareEach(sql) { while try statement.step() {} }
            #expect(database.lastRefusal == nil)
            return nil
        } catch {
            #expect(database.lastRefusal.map { error.message.hasPrefix($0) } ?? false)
            return error
        }
    }

    @Test func queriesAndReportingPragmasRun() throws {
        for sql in [
            "SELECT count(*) FROM messages",
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT sum(x) FROM n",
            "PRAGMA table_info(messages)",
            "SELECT name FROM pragma_table_info('messages')",
            "PRAGMA user_version",
            "SELECT name FROM sqlite_master",
            "EXPLAIN QUERY PLAN SELECT * FROM messages",
        ] {
            #expect(try refusal(sql) == nil, "\(sql)")
        }
    }

    @Test(arguments: [
        ("INSERT INTO messages (body) VALUES ('x')", "INSERT into messages"),
        ("UPDATE messages SET body = 'y'", "UPDATE of messages"),
        ("DELETE FROM messages", "DELETE from messages"),
        ("CREATE TABLE notes (x)", "CREATE TABLE notes"),
        ("CREATE TEMP TABLE scratch (x)", "CREATE TABLE scratch"),
        ("CREATE VIEW v AS SELECT 1", "CREATE VIEW v"),
        ("DROP TABLE messages", "DROP TABLE messages"),
        ("ALTER TABLE messages ADD COLUMN z", "ALTER TABLE messages"),
        ("ATTACH ':memory:' AS other", "ATTACH of another database"),
        ("PRAGMA user_version = 7", "PRAGMA user_version = 7"),
        ("PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint"),
        ("BEGIN", "BEGIN TRANSACTION"),
        ("SELECT 1; DELETE FROM messages", "DELETE from messages"),
    ])
    func writesAreRefusedByName(_ sql: String, _ named: String) throws {
        let error = try #require(try refusal(sql))
        #expect(error.code == 23)
        #expect(error.codeName == "SQLITE_AUTH")
        #expect(error.message == "\(named) is not allowed: this connection only reads")
        let database = try Database(path: path, mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM messages WHERE body = 'STOP'") == 1)
        #expect(try database.integer("SELECT count(*) FROM sqlite_master") == 1)
    }

    @Test func prepareEachCompilesEveryStatementAndSkipsComments() throws {
        let database = try reader()
        let statements = try database.prepareEach("SELECT 1; -- a note\n SELECT 'two'  ;  /* end */ ")
        #expect(statements.map(\.sql) == ["SELECT 1;", "-- a note\n SELECT 'two'  ;"])
        #expect(try database.prepareEach("  -- nothing here\n").isEmpty)
        #expect(throws: SQLiteError.self) { try database.prepareEach("SELECT 1; SELEC 2") }
        do {
            _ = try database.prepareEach("SELECT 1; SELEC 2")
        } catch {
            #expect(error.sql == "SELEC 2")
            #expect(error.message.contains("syntax error"))
        }
    }

    @Test func anyColumnReadsBackInItsStorageClass() throws {
        let statement = try reader().prepare("SELECT id, body, cost, raw FROM messages ORDER BY id")
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
            rows.append(try (0..<4).map { try statement.column(Int32($0), as: SQLiteValue.self) })
        }
        #expect(
            rows == [
                [.integer(1), .text("STOP"), .real(0.0079), .blob(Data([0x00, 0xFF]))],
                [.integer(2), .null, .real(2.5), .null],
            ]
        )
    }
}
