import CSQLite
import Foundation

/// A Swift type stored in one SQLite column: how to bind it and how to read it back.
///
/// Int64, Double, String, Data and Bool are built in; `Optional` of any of them stores nil as NULL; enums of
/// stored words conform through `StoredWord`.
public protocol ColumnValue {
    func bind(to statement: Statement, at index: Int32) throws(SQLiteError)
    static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> Self
}

extension Statement {
    /// Throws when column `index` is NULL, so a non-optional read never invents a zero.
    @inline(__always)
    fileprivate func requireValue(at index: Int32, expected: String) throws(SQLiteError) {
        if sqlite3_column_type(handle, index) == SQLITE_NULL {
            throw mismatch(at: index, expected: expected, found: "NULL")
        }
    }
}

extension Int64: ColumnValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self, at: index)
    }
    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> Int64 {
        try statement.requireValue(at: index, expected: "an integer")
        return statement.int64(at: index)
    }
}

extension Double: ColumnValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self, at: index)
    }
    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> Double {
        try statement.requireValue(at: index, expected: "a real number")
        return statement.double(at: index)
    }
}

extension String: ColumnValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self, at: index)
    }
    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> String {
        try statement.requireValue(at: index, expected: "text")
        return statement.text(at: index)
    }
}

extension Data: ColumnValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self, at: index)
    }
    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> Data {
        try statement.requireValue(at: index, expected: "a blob")
        return statement.blob(at: index)
    }
}

/// Stored as the integers 0 and 1, as SQLite itself does for boolean expressions.
extension Bool: ColumnValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        try statement.bind(self ? 1 as Int64 : 0, at: index)
    }
    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> Bool {
        try statement.requireValue(at: index, expected: "a boolean (0 or 1)")
        return statement.int64(at: index) != 0
    }
}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.bindNull(at: index)
        }
    }
    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> Wrapped? {
        statement.isNull(at: index) ? nil : try Wrapped.read(from: statement, at: index)
    }
}

/// An enum stored as its raw word ("outbound", "opt_out"); reading an unknown word is an error, not a default.
public protocol StoredWord: ColumnValue, RawRepresentable where RawValue == String {}

extension StoredWord {
    public func bind(to statement: Statement, at index: Int32) throws(SQLiteError) {
        try statement.bind(rawValue, at: index)
    }
    public static func read(from statement: Statement, at index: Int32) throws(SQLiteError) -> Self {
        let word = try String.read(from: statement, at: index)
        guard let value = Self(rawValue: word) else {
            throw statement.mismatch(at: index, expected: "a \(Self.self)", found: "'\(word)'")
        }
        return value
    }
}
