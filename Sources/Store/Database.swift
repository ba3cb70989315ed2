import CSQLite
import Foundation

/// SQLite's `SQLITE_TRANSIENT` destructor: SQLite copies the bytes before the bind call returns.
///
/// The C macro is a function-pointer cast Swift does not import; binding a bridged Swift string as
/// `SQLITE_STATIC` instead stores freed memory (seen here: "ZZZZ…" in the table).
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection: a file or `:memory:`, opened with the pragmas the event log relies on.
///
/// Files get WAL (readers never block the writer), `synchronous=NORMAL` (durable at each checkpoint, no fsync
/// per commit) and a busy timeout; every connection gets foreign keys, extended result codes and defensive
/// mode (no writable schema, no corrupting pragmas). A `Database` belongs to the task that opened it.
///
/// ```swift
/// let database = try Database(path: "run.sqlite")
/// try database.transaction { db in try db.execute("DELETE FROM quarantine") }
/// ```
/// Related SQLite documentation: https://www.sqlite.org/c3ref/open.html
public final class Database {
    /// How a connection may touch its file.
    public enum Mode: Sendable {
        /// Read and write, creating the file when missing.
        case readWrite
        /// Read only; the file must exist. Writes fail with SQLITE_READONLY.
        case readOnly
    }

    /// The path given at open, or ":memory:".
    public let path: String
    public let mode: Mode
    let handle: OpaquePointer
    /// Set by `allowOnlyReading()`; kept here because SQLite holds only an unretained pointer to it.
    private var readingGuard: ReadingGuard?

    /// What the reading guard refused in the last `prepare` or `prepareEach`, e.g. "INSERT into messages"; nil when
    /// it refused nothing (or `allowOnlyReading()` was never called).
    public private(set) var lastRefusal: String?

    /// Opens (and for `.readWrite`, creates) the database at `path`; ":memory:" opens a private in-memory one.
    ///
    /// - Parameter busyTimeoutMilliseconds: how long a write waits for another connection's lock.
    /// - Throws: `StoreError.noSuchDatabase` for a missing read-only file, `SQLiteError` when SQLite refuses.
    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        self.path = path
        self.mode = mode
        let isMemory = path == ":memory:"
        if mode == .readOnly, !isMemory, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noSuchDatabase(path: path)
        }
        var connection: OpaquePointer?
        let flags =
            (mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        Self.configureLibrary
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError.last(on: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw SQLiteError(code: error.code, message: "cannot open '\(path)': \(error.message)")
        }
        handle = connection
        sqlite3_extended_result_codes(handle, 1)
        _ = csqlite_enable_defensive(handle)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        // Large sorts (GROUP BY of a 10^6-customer analysis, CREATE INDEX after a bulk load) may split across
        // helper threads; one `customer_totals` at 10^6 went from 5.7 s to 4.9 s with two.
        try execute("PRAGMA threads = \(Self.sorterThreads)")
        if !isMemory && mode == .readWrite {
            try execute("PRAGMA page_size = \(Self.newFilePageSize)")
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = NORMAL")
        }
        // Reading the schema now turns "file is not a database" into an error at open, naming the file.
        do {
            _ = try userVersion()
        } catch {
            throw SQLiteError(code: error.code, message: "cannot open '\(path)': \(error.message)")
        }
    }

    /// Process-wide SQLite settings, applied once before the first connection opens: no memory-usage counters
    /// (nothing reads them, and each allocation would otherwise take a global mutex).
    private static let configureLibrary: Void = { _ = csqlite_disable_memory_statistics() }()

    /// The page size of a file this connection creates (SQLite's default is 4 KiB; existing files keep theirs).
    /// Measured here: copying a 10^6-customer log's tables into a new file took 5.7 s with 4 KiB pages and 1.4 s
    /// with 64 KiB, most of the difference the kernel's page writes (a 10^6-customer pipeline 20.6 s → 18.4–19.3 s,
    /// a 10^6-row import 17 s → 15.2 s, alternating builds).
    static let newFilePageSize = 65_536

    /// Auxiliary threads SQLite's sorter may start: one per core, capped at 4 (a cap, not a measured optimum).
    static let sorterThreads = min(4, ProcessInfo.processInfo.activeProcessorCount)

    /// A fresh private in-memory database (tests, scratch work).
    public static func inMemory() throws -> Database {
        try Database(path: ":memory:")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that take no arguments (DDL, pragmas, `BEGIN`).
    ///
    /// Related SQLite documentation: https://www.sqlite.org/c3ref/exec.html
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError.last(on: handle, code: code, sql: sql) }
    }

    /// Compiles `sql` once; reuse the statement for every row (bind, execute, repeat).
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        readingGuard?.refusal = nil
        lastRefusal = nil
        do {
            return try Statement(database: self, sql: sql)
        } catch {
            throw refusalOr(error)
        }
    }

    /// Compiles every statement in `sql` in order, so a script is never cut short after its first `;` as
    /// `prepare` would. Empty statements and comments compile to nothing; an error names the statement it is in.
    public func prepareEach(_ sql: String) throws(SQLiteError) -> [Statement] {
        readingGuard?.refusal = nil
        lastRefusal = nil
        var statements: [Statement] = []
        let bytes = Array(sql.utf8CString)
        var offset = 0
        let end = bytes.count - 1
        while offset < end {
            var compiled: OpaquePointer?
            var consumed = 0
            let code = bytes.withUnsafeBufferPointer { buffer -> Int32 in
                let start = buffer.baseAddress! + offset
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v3(
                    handle,
                    start,
                    Int32(end - offset),
                    UInt32(SQLITE_PREPARE_PERSISTENT),
                    &compiled,
                    &tail
                )
                consumed = tail.map { $0 - start } ?? (end - offset)
                return code
            }
            guard code == SQLITE_OK else {
                let rest = String(decoding: bytes[offset..<end].map(UInt8.init), as: UTF8.self)
                let failing = rest.trimmingCharacters(in: .whitespacesAndNewlines)
                throw refusalOr(SQLiteError.last(on: handle, code: code, sql: failing.isEmpty ? sql : failing))
            }
            if let compiled {
                statements.append(Statement(compiled: compiled, database: self))
            }
            guard consumed > 0 else { break }
            offset += consumed
        }
        return statements
    }

    /// From now on this connection compiles only statements that read (queries and the pragmas that report);
    /// anything else is refused when prepared, with an error naming what it tried (`SQLITE_AUTH`).
    ///
    /// For SQL written by people (notebooks) on a `.readOnly` connection: read-only mode stops writes to the file,
    /// this also stops temporary tables, ATTACH and setting pragmas, before anything runs.
    public func allowOnlyReading() {
        guard readingGuard == nil else { return }
        let readingGuard = ReadingGuard()
        readingGuard.install(on: handle)
        self.readingGuard = readingGuard
    }

    /// `error` reworded when the reading guard refused the statement: SQLite itself only says "not authorized".
    private func refusalOr(_ error: SQLiteError) -> SQLiteError {
        // SQLite reports a refused CREATE as SQLITE_SCHEMA, so the guard's own record decides, not the code.
        guard let readingGuard, let refused = readingGuard.refusal else { return error }
        readingGuard.refusal = nil
        lastRefusal = refused
        return SQLiteError(
            code: SQLITE_AUTH,
            message: "\(refused) is not allowed: this connection only reads",
            sql: error.sql
        )
    }

    /// True while defensive mode is on (always, outside `turnOffJournalForPrivateBuild`).
    var isDefensive: Bool { csqlite_is_defensive(handle) == 1 }

    /// Turns journaling and syncing off, for a file no one else opens until it is complete (a new log built under a
    /// temporary name, then renamed): nothing is written twice, and a failure deletes the file rather than rolling
    /// back. Defensive mode refuses this pragma, so it is lifted for the switch and restored.
    ///
    /// - Throws: `SQLiteError` when the switch does not take (another connection has the file open: SQLITE_BUSY;
    ///   or SQLite keeps another mode), rather than building through the write-ahead log unnoticed.
    public func turnOffJournalForPrivateBuild() throws(SQLiteError) {
        _ = csqlite_disable_defensive(handle)
        defer { _ = csqlite_enable_defensive(handle) }
        let statement = try prepare("PRAGMA journal_mode = OFF")
        _ = try statement.step()
        let mode: String = try statement.column(0)
        guard mode == "off" else {
            throw SQLiteError(
                code: SQLITE_MISUSE,
                message: "'\(path)' kept journal mode \(mode): a private build needs the only connection to the file",
                sql: "PRAGMA journal_mode = OFF"
            )
        }
        try execute("PRAGMA synchronous = OFF")
    }

    /// The first column of the first row of `sql` as an integer, e.g. `SELECT count(*) FROM runs`.
    public func integer(_ sql: String) throws(SQLiteError) -> Int64 {
        let statement = try prepare(sql)
        guard try statement.step() else {
            throw SQLiteError(code: SQLITE_MISMATCH, message: "query returned no row", sql: sql)
        }
        return try statement.column(0)
    }

    /// `PRAGMA user_version`: the schema version migrations have reached (0 for a new file).
    public func userVersion() throws(SQLiteError) -> Int64 {
        try integer("PRAGMA user_version")
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// When a transaction takes its write lock.
    public enum TransactionKind: String, Sendable {
        /// Lock at the first write; may fail with SQLITE_BUSY mid-transaction.
        case deferred = "DEFERRED"
        /// Lock at BEGIN, so a writer waits (busy timeout) up front instead of failing halfway.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// The first error is the one rethrown: a failing `ROLLBACK` never hides what went wrong in `body`.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: (Database) throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
        } catch {
            try? execute("ROLLBACK TRANSACTION")
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            try? execute("ROLLBACK TRANSACTION")
            throw error
        }
        return result
    }
}

/// A connection is one SQLite handle opened with SQLITE_OPEN_NOMUTEX: it must stay on the task that opened it.
/// Shards send record values to the one writer task instead of sharing the connection.
@available(*, unavailable, message: "A Database belongs to the task that opened it")
extension Database: Sendable {}
