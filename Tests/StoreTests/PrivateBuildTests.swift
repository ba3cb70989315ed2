import Testing

@testable import Store

/// `replylab simulate` builds a new log in a private file with no journal. Defensive mode refuses that pragma
/// silently (the file stays in WAL and every page is written twice), so the switch must take or fail loudly.
@Suite struct PrivateBuildTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func aPrivateBuildFileHasNoJournalAndStaysDefensive() throws {
        let database = try Database(path: folder.path("build.sqlite"))
        try database.turnOffJournalForPrivateBuild()
        let mode = try database.prepare("PRAGMA journal_mode")
        _ = try mode.step()
        #expect(try mode.column(0) as String == "off")
        #expect(try database.integer("PRAGMA synchronous") == 0)
        #expect(database.isDefensive)
    }

    @Test func aFileAnotherConnectionHoldsOpenIsRefusedNotBuiltThroughTheLog() throws {
        let path = folder.path("shared.sqlite")
        let first = try Database(path: path)
        try first.execute("CREATE TABLE t (x)")
        let second = try Database(path: path)
        _ = try second.integer("SELECT count(*) FROM t")
        let error = #expect(throws: SQLiteError.self) { try first.turnOffJournalForPrivateBuild() }
        #expect(error?.primaryCode == 5)  // SQLITE_BUSY: the other reader holds the write-ahead log
        _ = second
    }

    /// A bulk load into 4 KiB pages spends most of its system time in the kernel's page writes; new files get
    /// large pages, and a file made with another page size keeps it (SQLite cannot change it in WAL mode).
    @Test func aNewFileGetsLargePagesAndAnExistingFileKeepsItsOwn() throws {
        let fresh = try Database(path: folder.path("new.sqlite"))
        try fresh.execute("CREATE TABLE t (x)")
        #expect(try fresh.integer("PRAGMA page_size") == Int64(Database.newFilePageSize))
        #expect(Database.newFilePageSize == 65_536)

        let oldPath = folder.path("old.sqlite")
        do {
            let old = try Database.inMemory()
            try old.execute("CREATE TABLE t (x); VACUUM INTO '\(oldPath)'")
        }
        let reopened = try Database(path: oldPath)
        #expect(try reopened.integer("PRAGMA page_size") == 4_096)
        try reopened.execute("CREATE TABLE u (y)")
        #expect(try reopened.integer("PRAGMA page_size") == 4_096)
    }
}
