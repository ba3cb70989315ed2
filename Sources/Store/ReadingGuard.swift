import CSQLite

/// An SQLite authorizer that lets a connection compile only statements that read: SELECT (with CTEs and
/// functions) and the pragmas that report on the schema. Everything else (INSERT, UPDATE, DELETE, CREATE, DROP,
/// ALTER, ATTACH, DETACH, transactions, pragmas that change settings or files) is refused when prepared, before
/// anything runs, and the guard remembers what it refused so the error can name it.
///
/// It stands in front of `Database.Mode.readOnly`, which already stops writes to the file: the guard also stops
/// what read-only mode lets through (temporary tables, attaching another database) and says plainly why.
/// Related SQLite documentation: https://www.sqlite.org/c3ref/set_authorizer.html
final class ReadingGuard {
    /// What the last refused statement tried, e.g. "INSERT into messages"; nil when nothing was refused.
    var refusal: String?

    /// Pragmas that only report. The ones in `objectPragmas` take the name of a table or index as their argument;
    /// any other pragma given a value is a setting being changed, and refused.
    static let readingPragmas: Set<String> = [
        "application_id", "collation_list", "compile_options", "data_version", "database_list", "encoding",
        "foreign_key_check", "foreign_key_list", "foreign_keys", "freelist_count", "function_list", "index_info",
        "index_list", "index_xinfo", "integrity_check", "journal_mode", "module_list", "page_count", "page_size",
        "pragma_list", "quick_check", "schema_version", "table_info", "table_list", "table_xinfo", "user_version",
    ]
    static let objectPragmas: Set<String> = [
        "foreign_key_check", "foreign_key_list", "index_info", "index_list", "index_xinfo", "integrity_check",
        "quick_check", "table_info", "table_list", "table_xinfo",
    ]

    /// SQLite's schema tables: compiling a CREATE or a table-valued pragma also asks about writes to them. The
    /// CREATE itself is refused by name; a direct write to them is stopped by read-only and defensive mode.
    static let schemaTables: Set<String> = [
        "sqlite_master", "sqlite_temp_master", "sqlite_schema", "sqlite_temp_schema",
    ]

    /// Decides one authorizer request: nil allows it, otherwise the description of what is refused.
    static func refusal(action: Int32, _ first: String?, _ second: String?) -> String? {
        let name = first ?? ""
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
            return nil
        case SQLITE_PRAGMA:
            let pragma = name.lowercased()
            if readingPragmas.contains(pragma), second == nil || objectPragmas.contains(pragma) { return nil }
            return second.map { "PRAGMA \(name) = \($0)" } ?? "PRAGMA \(name)"
        case SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE:
            if schemaTables.contains(name.lowercased()) { return nil }
            let verb = action == SQLITE_INSERT ? "INSERT into" : action == SQLITE_UPDATE ? "UPDATE of" : "DELETE from"
            return "\(verb) \(name)"
        case SQLITE_ATTACH: return "ATTACH of another database"
        case SQLITE_DETACH: return "DETACH \(name)"
        case SQLITE_TRANSACTION: return "\(name) TRANSACTION"
        case SQLITE_SAVEPOINT: return "SAVEPOINT"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE \(second ?? name)"
        case SQLITE_REINDEX: return "REINDEX"
        case SQLITE_ANALYZE: return "ANALYZE"
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: return "CREATE INDEX \(name)"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE, SQLITE_CREATE_VTABLE: return "CREATE TABLE \(name)"
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: return "CREATE TRIGGER \(name)"
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: return "CREATE VIEW \(name)"
        case SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX: return "DROP INDEX \(name)"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_VTABLE: return "DROP TABLE \(name)"
        case SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER: return "DROP TRIGGER \(name)"
        case SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: return "DROP VIEW \(name)"
        default: return "an operation that is not a query (SQLite action \(action))"
        }
    }

    /// Installs the guard on `handle`; the caller keeps the guard alive as long as the connection.
    func install(on handle: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(
            handle,
            { context, action, first, second, _, _ in
                guard let context else { return SQLITE_DENY }
                let readingGuard = Unmanaged<ReadingGuard>.fromOpaque(context).takeUnretainedValue()
                let refused = ReadingGuard.refusal(
                    action: action,
                    first.map { String(cString: $0) },
                    second.map { String(cString: $0) }
                )
                guard let refused else { return SQLITE_OK }
                if readingGuard.refusal == nil { readingGuard.refusal = refused }
                return SQLITE_DENY
            },
            context
        )
    }
}
