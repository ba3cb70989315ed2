import CSQLite
import Foundation

/// A compiled SQL statement, prepared once and reused for every row: bind, step, reset.
///
/// Parameter indexes are 1-based as in SQLite. Text is always bound with `SQLITE_TRANSIENT` (SQLite copies it),
/// so a Swift string never has to outlive the call. Errors carry the SQL with its `?` placeholders, never the
/// bound values.
///
/// ```swift
/// let insert = try database.prepare("INSERT INTO quarantine (run_id, line, reason, raw_text) VALUES (?, ?, ?, ?)")
/// try insert.bind(1 as Int64, at: 1) …; try insert.execute()
/// ```
/// Related SQLite documentation: https://www.sqlite.org/c3ref/stmt.html
public final class Statement {
    let handle: OpaquePointer
    /// Kept strong so the connection outlives its statements (finalize before close).
    let database: Database
    /// The SQL as written, with placeholders.
    public let sql: String

    init(database: Database, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError.last(on: database.handle, code: code == SQLITE_OK ? SQLITE_MISUSE : code, sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    /// Wraps a statement `Database.prepareEach` compiled; its SQL is the statement's own text.
    init(compiled: OpaquePointer, database: Database) {
        self.handle = compiled
        self.database = database
        self.sql =
            sqlite3_sql(compiled).map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Number of `?` parameters.
    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

    // MARK: Binding

    @inline(__always)
    private func check(_ code: Int32) throws(SQLiteError) {
        if code != SQLITE_OK { throw SQLiteError.last(on: database.handle, code: code, sql: sql) }
    }

    public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds UTF-8 text with its exact byte length, so an empty string stays '' (not NULL) and NUL bytes survive.
    public func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        var text = value
        let code = text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), SQLITE_TRANSIENT)
            }
        }
        try check(code)
    }

    /// Binds bytes as a blob; empty `Data` is bound as a zero-length blob, not NULL.
    public func bind(_ value: Data, at index: Int32) throws(SQLiteError) {
        let code = value.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                return sqlite3_bind_zeroblob(handle, index, 0)
            }
            return sqlite3_bind_blob(handle, index, base, Int32(bytes.count), SQLITE_TRANSIENT)
        }
        try check(code)
    }

    public func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Binds any stored value, NULL for a nil optional.
    public func bind<Value: ColumnValue>(_ value: Value, at index: Int32) throws(SQLiteError) {
        try value.bind(to: self, at: index)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: Stepping

    /// Advances to the next row: true when a row is ready to read, false when the statement is done.
    /// On error the statement is reset, so it can be used again.
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError.last(on: database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE, DDL) and resets it for the next use.
    /// Bindings are kept; bind every parameter again (or `clearBindings`) before the next row.
    public func execute() throws(SQLiteError) {
        let code = sqlite3_step(handle)
        if code != SQLITE_DONE && code != SQLITE_ROW {
            let error = SQLiteError.last(on: database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
        sqlite3_reset(handle)
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        sqlite3_reset(handle)
    }

    // MARK: Reading the current row

    /// Columns in the result.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The name of result column `index` (0-based), as SQLite reports it.
    public func columnName(at index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    /// True when column `index` (0-based) of the current row is NULL.
    public func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Column `index` (0-based) of the current row as `Value`; a NULL read as a non-optional throws
    /// SQLITE_MISMATCH naming the column.
    public func column<Value: ColumnValue>(
        _ index: Int32,
        as type: Value.Type = Value.self
    ) throws(SQLiteError)
        -> Value
    {
        try Value.read(from: self, at: index)
    }

    func int64(at index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    func double(at index: Int32) -> Double { sqlite3_column_double(handle, index) }

    func text(at index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func blob(at index: Int32) -> Data {
        guard let bytes = sqlite3_column_blob(handle, index) else { return Data() }
        return Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, index)))
    }

    /// The error for reading column `index` as `expected` when it holds something else.
    func mismatch(at index: Int32, expected: String, found: String) -> SQLiteError {
        SQLiteError(
            code: SQLITE_MISMATCH,
            message: "column \(index) (\(columnName(at: index))) holds \(found), expected \(expected)",
            sql: sql
        )
    }
}

/// A connection's statements stay on its task, like the connection.
@available(*, unavailable, message: "A Statement belongs to the task that opened its database")
extension Statement: Sendable {}
