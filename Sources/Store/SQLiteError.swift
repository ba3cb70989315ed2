import CSQLite

/// What SQLite refused, in SQLite's own words: the extended result code, its message and the SQL that ran.
///
/// Bound values are never part of the error (they may be phone numbers or message bodies), the way GRDB
/// keeps statement arguments out of its descriptions. `description` is one line, e.g.
/// `SQLite error 1555 (SQLITE_CONSTRAINT_PRIMARYKEY): UNIQUE constraint failed: runs.id — while executing
/// INSERT INTO runs (…) VALUES (?, …)`.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code (e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE, 787 for a foreign key).
    public var code: Int32
    /// SQLite's own message (`sqlite3_errmsg`), or ours for a type mismatch while reading a column.
    public var message: String
    /// The statement's SQL with its `?` placeholders, nil for errors outside a statement (opening a file).
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (`code & 0xFF`): 19 for every constraint failure, 5 for busy, and so on.
    public var primaryCode: Int32 { code & 0xFF }

    /// SQLite's symbolic name for the code, e.g. "SQLITE_CONSTRAINT_FOREIGNKEY".
    public var codeName: String { Self.name(of: code) }

    public var description: String {
        var text = "SQLite error \(code) (\(codeName)): \(message)"
        if let sql {
            text += " — while executing \(sql.split(whereSeparator: \.isNewline).joined(separator: " "))"
        }
        return text
    }

    /// True for any constraint failure (unique, primary key, foreign key, not null, check).
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    /// The error the connection `handle` holds after a call returned `code`.
    static func last(on handle: OpaquePointer?, code: Int32, sql: String?) -> SQLiteError {
        let message =
            handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        return SQLiteError(code: code, message: message, sql: sql)
    }

    /// Names of the codes this project meets; others show their primary name, e.g. "SQLITE_IOERR (extended 522)".
    private static func name(of code: Int32) -> String {
        let extended: [Int32: String] = [
            275: "SQLITE_CONSTRAINT_CHECK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY", 1299: "SQLITE_CONSTRAINT_NOTNULL",
            1555: "SQLITE_CONSTRAINT_PRIMARYKEY", 2067: "SQLITE_CONSTRAINT_UNIQUE", 1032: "SQLITE_READONLY_DBMOVED",
            517: "SQLITE_BUSY_SNAPSHOT", 261: "SQLITE_BUSY_RECOVERY",
        ]
        let primary: [Int32: String] = [
            1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT", 5: "SQLITE_BUSY",
            6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR",
            11: "SQLITE_CORRUPT", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 17: "SQLITE_SCHEMA",
            18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE",
            23: "SQLITE_AUTH", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB",
        ]
        if let name = extended[code] { return name }
        let base = primary[code & 0xFF] ?? "SQLITE_UNKNOWN"
        return code > 0xFF ? "\(base) (extended \(code))" : base
    }
}
