import Foundation
import Testing

@testable import Store

/// Binding and reading every stored type, errors and transactions on a fresh in-memory database per test.
@Suite struct DatabaseTests {
    let database: Database

    init() throws {
        database = try Database.inMemory()
        try database.execute("CREATE TABLE box (id INTEGER PRIMARY KEY, value)")
    }

    /// Stores `value` in row 1 and reads it back as the same type.
    func roundTrip<Value: ColumnValue>(_ value: Value) throws -> Value {
        let insert = try database.prepare("INSERT OR REPLACE INTO box (id, value) VALUES (1, ?)")
        try insert.bind(value, at: 1)
        try insert.execute()
        let select = try database.prepare("SELECT value FROM box WHERE id = 1")
        #expect(try select.step())
        return try select.column(0)
    }

    @Test(arguments: ["STOP", "Reply 1 to confirm 👍", "it's \"quoted\"", "", "naïve café", "nul\u{0}inside", "👨‍👩‍👧"])
    func textRoundTrips(_ text: String) throws {
        #expect(try roundTrip(text) == text)
        #expect(try database.integer("SELECT typeof(value) = 'text' FROM box") == 1)
    }

    @Test func emptyStringIsStoredAsEmptyTextNotNull() throws {
        #expect(try roundTrip("") == "")
        #expect(try database.integer("SELECT value IS NULL FROM box") == 0)
        #expect(try database.integer("SELECT length(value) FROM box") == 0)
    }

    @Test(arguments: [Int64.min, -1, 0, 1, 8_450, Int64.max])
    func integerRoundTrips(_ value: Int64) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test(arguments: [
        0.0, -0.0, 0.1, -273.15, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -Double.infinity,
        Double.infinity, Double.ulpOfOne,
    ])
    func doubleRoundTrips(_ value: Double) throws {
        let read = try roundTrip(value)
        #expect(read == value)
        #expect(read.sign == value.sign)
    }

    @Test func notANumberIsStoredAsNull() throws {
        // SQLite has no NaN: it stores NULL, so reading it as a non-optional Double must fail, not invent 0.
        let read: Double? = try roundTrip(Double?.some(.nan))
        #expect(read == nil)
    }

    @Test(arguments: [Data(), Data([0]), Data([0xFF, 0x00, 0x7F]), Data("blob 👍".utf8)])
    func dataRoundTrips(_ value: Data) throws {
        #expect(try roundTrip(value) == value)
        #expect(try database.integer("SELECT typeof(value) = 'blob' FROM box") == 1)
    }

    @Test func nilRoundTripsAsNull() throws {
        #expect(try roundTrip(String?.none) == nil)
        #expect(try database.integer("SELECT value IS NULL FROM box") == 1)
        #expect(try roundTrip(Int64?.some(7)) == 7)
    }

    @Test func boolIsStoredAsZeroOrOne() throws {
        #expect(try roundTrip(true) == true)
        #expect(try database.integer("SELECT value FROM box") == 1)
    }

    @Test func readingNullAsNonOptionalThrowsMismatchNamingTheColumn() throws {
        try database.execute("INSERT INTO box (id, value) VALUES (1, NULL)")
        let select = try database.prepare("SELECT value FROM box")
        _ = try select.step()
        let error = #expect(throws: SQLiteError.self) { try select.column(0, as: Int64.self) }
        #expect(error?.code == 20)
        #expect(error?.message == "column 0 (value) holds NULL, expected an integer")
    }

    @Test func boundTextIsCopiedNotBorrowed() throws {
        // Binding a temporary string and stepping later must store the string, not reused memory.
        let insert = try database.prepare("INSERT INTO box (value) VALUES (?)")
        for index in 0..<200 {
            try insert.bind(String(repeating: "x", count: index % 40) + "#\(index)", at: 1)
            _ = String(repeating: "Z", count: 4096)
            try insert.execute()
        }
        let select = try database.prepare("SELECT value FROM box ORDER BY id")
        var index = 0
        while try select.step() {
            #expect(try select.column(0) == String(repeating: "x", count: index % 40) + "#\(index)")
            index += 1
        }
        #expect(index == 200)
    }

    @Test func reusedStatementInsertsEveryRow() throws {
        let insert = try database.prepare("INSERT INTO box (value) VALUES (?)")
        try database.transaction { _ in
            for value in 0..<1_000 as Range<Int64> {
                try insert.bind(value, at: 1)
                try insert.execute()
            }
        }
        #expect(try database.integer("SELECT count(*) FROM box") == 1_000)
        #expect(try database.integer("SELECT sum(value) FROM box") == 499_500)
    }

    struct Refusal: Error, Equatable {}

    @Test func throwingTransactionLeavesNoRowAndRethrowsTheFirstError() throws {
        #expect(throws: Refusal()) {
            try database.transaction { database in
                try database.execute("INSERT INTO box (value) VALUES ('kept?')")
                throw Refusal()
            }
        }
        #expect(try database.integer("SELECT count(*) FROM box") == 0)
        #expect(!database.isInTransaction)
    }

    @Test func failingStatementInsideTransactionRollsBackEarlierRows() throws {
        try database.execute("INSERT INTO box (id, value) VALUES (1, 'first')")
        let error = #expect(throws: SQLiteError.self) {
            try database.transaction { database in
                try database.execute("INSERT INTO box (id, value) VALUES (2, 'second')")
                try database.execute("INSERT INTO box (id, value) VALUES (1, 'duplicate')")
            }
        }
        #expect(error?.code == 1555)
        #expect(try database.integer("SELECT count(*) FROM box") == 1)
    }

    @Test func constraintErrorCarriesExtendedCodeAndSQLButNotTheBoundValues() throws {
        try database.execute("CREATE TABLE phones (number TEXT NOT NULL UNIQUE)")
        let insert = try database.prepare("INSERT INTO phones (number) VALUES (?)")
        try insert.bind("+14155550123", at: 1)
        try insert.execute()
        try insert.bind("+14155550123", at: 1)
        let error = try #require(#expect(throws: SQLiteError.self) { try insert.execute() })
        #expect(error.code == 2067)
        #expect(error.primaryCode == 19)
        #expect(error.isConstraintViolation)
        #expect(error.sql == "INSERT INTO phones (number) VALUES (?)")
        #expect(
            error.description
                == "SQLite error 2067 (SQLITE_CONSTRAINT_UNIQUE): UNIQUE constraint failed: phones.number — "
                + "while executing INSERT INTO phones (number) VALUES (?)"
        )
        #expect(!error.description.contains("4155550123"))
        // The statement is usable again after the failure.
        try insert.bind("+14155550124", at: 1)
        try insert.execute()
        #expect(try database.integer("SELECT count(*) FROM phones") == 2)
    }

    @Test func syntaxErrorIsReportedAtPrepareWithItsSQL() throws {
        let error = #expect(throws: SQLiteError.self) { try database.prepare("SELEC 1") }
        #expect(error?.code == 1)
        #expect(error?.message == "near \"SELEC\": syntax error")
        #expect(error?.sql == "SELEC 1")
    }

    @Test func bindingOutOfRangeIsAnError() throws {
        let insert = try database.prepare("INSERT INTO box (value) VALUES (?)")
        let error = #expect(throws: SQLiteError.self) { try insert.bind(1 as Int64, at: 2) }
        #expect(error?.code == 25)
        #expect(error?.codeName == "SQLITE_RANGE")
    }

    @Test func foreignKeysAreEnforced() throws {
        try database.execute(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))"
        )
        let error = #expect(throws: SQLiteError.self) { try database.execute("INSERT INTO child VALUES (42)") }
        #expect(error?.code == 787)
        #expect(error?.codeName == "SQLITE_CONSTRAINT_FOREIGNKEY")
    }

    @Test func defensiveModeRefusesWritingTheSchemaTable() throws {
        #expect(throws: SQLiteError.self) {
            try database.execute("PRAGMA writable_schema = ON; DELETE FROM sqlite_master")
        }
        #expect(try database.integer("SELECT count(*) FROM sqlite_master WHERE name = 'box'") == 1)
    }
}
