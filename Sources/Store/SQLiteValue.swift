import CSQLite
import Foundation

/// Whatever one result column holds, in SQLite's own storage class, for queries whose columns are not known ahead
/// (a notebook's SQL): the cell keeps its type, so numbers print as numbers and text as text.
public enum SQLiteValue: Sendable, Hashable, ColumnValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        switch self {
        case .null: try statement.bindNull(at: index)
        case .integer(let value): try statement.bind(value, at: index)
        case .real(let value): try statement.bind(value, at: index)
        case .text(let value): try statement.bind(value, at: index)
        case .blob(let value): try statement.bind(value, at: index)
        }
    }

    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> SQLiteValue {
        switch sqlite3_column_type(statement.handle, index) {
        case SQLITE_INTEGER: .integer(statement.int64(at: index))
        case SQLITE_FLOAT: .real(statement.double(at: index))
        case SQLITE_TEXT: .text(statement.text(at: index))
        case SQLITE_BLOB: .blob(statement.blob(at: index))
        default: .null
        }
    }
}
