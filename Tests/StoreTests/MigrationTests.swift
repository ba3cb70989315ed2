import Foundation
import Testing

@testable import Store

@Suite struct MigrationTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    func schemaSnapshot(_ database: Database) throws -> [String] {
        let statement = try database.prepare(
            "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master ORDER BY name"
        )
        var rows: [String] = []
        while try statement.step() { rows.append(try statement.column(0)) }
        return rows
    }

    @Test func freshFileIsMigratedToTheCurrentVersionWithEveryTableAndIndex() throws {
        let database = try Database(path: folder.path("log.sqlite"))
        let report = try EventLogSchema.migrate(database)
        #expect(report == EventLogSchema.MigrationReport(fromVersion: 0, toVersion: EventLogSchema.currentVersion))
        #expect(try database.userVersion() == EventLogSchema.currentVersion)
        for table in EventLogSchema.tables {
            #expect(
                try database.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '\(table)'")
                    == 1,
                "\(table)"
            )
        }
        for index in EventLogSchema.analyticsIndexes {
            #expect(
                try database.integer(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '\(index.name)'"
                ) == 1
            )
        }
        #expect(try database.integer("PRAGMA foreign_keys") == 1)
        #expect(try database.integer("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1)
        #expect(try database.integer("PRAGMA synchronous") == 1)  // NORMAL
    }

    @Test func reopeningAnUpToDateFileChangesNothing() throws {
        let path = folder.path("log.sqlite")
        let before: [String]
        do {
            let database = try Database(path: path)
            try EventLogSchema.migrate(database)
            let writer = try EventLogWriter(database: database)
            try writer.append(SampleRun.batch())
            try writer.finish()
            before = try schemaSnapshot(database)
        }
        let database = try Database(path: path)
        let cookieBefore = try database.integer("PRAGMA schema_version")
        let report = try EventLogSchema.migrate(database)
        #expect(report.wasUpToDate)
        #expect(report.fromVersion == EventLogSchema.currentVersion)
        #expect(try schemaSnapshot(database) == before)
        #expect(try database.integer("PRAGMA schema_version") == cookieBefore)
        #expect(try database.integer("SELECT total_changes()") == 0)
        #expect(try database.integer("SELECT count(*) FROM runs") == 1)
    }

    @Test func newerVersionFileIsRefusedAndLeftUntouched() throws {
        let path = folder.path("future.sqlite")
        do {
            let database = try Database(path: path)
            try database.execute("CREATE TABLE from_the_future (x); PRAGMA user_version = 99")
        }
        let database = try Database(path: path)
        let error = #expect(throws: StoreError.self) { try EventLogSchema.migrate(database) }
        #expect(error == .newerSchema(path: path, fileVersion: 99, supportedVersion: EventLogSchema.currentVersion))
        #expect(
            error?.description
                == "'\(path)' has event-log schema version 99, but this replylab knows versions up to 4; upgrade replylab to read it"
        )
        #expect(try database.userVersion() == 99)
        #expect(try database.integer("SELECT count(*) FROM sqlite_master WHERE name = 'runs'") == 0)
        #expect(throws: StoreError.self) { try EventLogReader(database: database) }
    }

    @Test func missingReadOnlyFileIsOneClearError() throws {
        let path = folder.path("absent.sqlite")
        let error = #expect(throws: StoreError.self) { try Database(path: path, mode: .readOnly) }
        #expect(error == .noSuchDatabase(path: path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        let path = folder.path("log.sqlite")
        try EventLogSchema.migrate(try Database(path: path))
        let database = try Database(path: path, mode: .readOnly)
        let error = #expect(throws: SQLiteError.self) {
            try database.execute("INSERT INTO quarantine VALUES (1, 'f.csv', 1, 'x', 'y')")
        }
        #expect(error?.primaryCode == 8)  // SQLITE_READONLY
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAtOpen() throws {
        let path = folder.path("notes.txt")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try Database(path: path, mode: .readOnly) }
        #expect(error?.code == 26)
        #expect(error?.message == "cannot open '\(path)': file is not a database")
    }

    @Test func indexesDroppedByAnUnfinishedBulkLoadAreRebuiltOnNextOpen() throws {
        let path = folder.path("log.sqlite")
        do {
            let writer = try EventLogWriter(database: try Database(path: path), indexes: .deferUntilFinish)
            try writer.append(SampleRun.batch())
            // never finished: the process "crashed" here
        }
        let database = try Database(path: path)
        let report = try EventLogSchema.migrate(database)
        #expect(report.rebuiltIndexes == EventLogSchema.analyticsIndexes.map(\.name))
        #expect(try EventLogSchema.missingIndexes(database).isEmpty)
        #expect(try EventLogSchema.migrate(database).wasUpToDate)
    }
}

/// Two connections to one WAL file, as `replylab db info` beside a running simulation.
@Suite struct ConcurrentConnectionTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func aReaderSeesCommittedRowsWhileAWriterHoldsItsTransaction() throws {
        let path = folder.path("log.sqlite")
        let writer = try EventLogWriter(database: try Database(path: path), commitEvery: 1_000_000)
        try writer.append(SampleRun.batch(runID: 1))
        let reader = try EventLogReader(database: try Database(path: path, mode: .readOnly))
        #expect(try reader.runs().isEmpty)  // nothing committed yet, and the read does not wait
        try writer.finish()
        #expect(try reader.runs().map(\.id) == [1])
    }

    @Test func aSecondWriterWaitsForTheBusyTimeoutThenReportsBusy() throws {
        let path = folder.path("log.sqlite")
        let first = try Database(path: path)
        try EventLogSchema.migrate(first)
        let second = try Database(path: path, busyTimeoutMilliseconds: 50)
        try first.execute("BEGIN IMMEDIATE")
        let error = #expect(throws: SQLiteError.self) { try second.execute("BEGIN IMMEDIATE") }
        #expect(error?.primaryCode == 5)
        #expect(error?.message == "database is locked")
        try first.execute("COMMIT")
        try second.execute("BEGIN IMMEDIATE; COMMIT")
    }

    /// Review M5: two processes opening a new file at once (two `replylab population generate --db` into one log).
    /// The second reads user_version 0 before the first commits its migration; it must re-read the version once it
    /// holds the write lock instead of failing with "table runs already exists".
    @Test func twoConnectionsMigratingANewFileAtOnceBothSucceed() throws {
        let path = folder.path("race.sqlite")
        let first = try Database(path: path)
        try first.execute("BEGIN IMMEDIATE")  // the first process is mid-migration and holds the write lock
        let outcome = MigrationOutcome()
        let second = Thread {
            do {
                outcome.report = try EventLogSchema.migrate(try Database(path: path))
            } catch {
                outcome.error = "\(error)"
            }
            outcome.done.signal()
        }
        second.start()
        Thread.sleep(forTimeInterval: 0.3)  // the second has read version 0 and waits in BEGIN IMMEDIATE
        for migration in EventLogSchema.migrations { try first.execute(migration) }
        for index in EventLogSchema.analyticsIndexes { try first.execute(index.sql) }
        try first.execute("PRAGMA user_version = \(EventLogSchema.currentVersion)")
        try first.execute("COMMIT")
        outcome.done.wait()
        #expect(outcome.error == nil)
        #expect(outcome.report?.wasUpToDate == true)
        #expect(try first.userVersion() == EventLogSchema.currentVersion)
    }
}

/// What the racing migration on another thread returned; read only after `done` is signalled.
private final class MigrationOutcome: @unchecked Sendable {
    var report: EventLogSchema.MigrationReport?
    var error: String?
    let done = DispatchSemaphore(value: 0)
}
