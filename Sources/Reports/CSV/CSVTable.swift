/// One table as CSV plus its side-car: the column names, types, units and definitions an analyst needs to diff
/// runs without the HTML.
public struct CSVTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        /// snake_case header name.
        public var name: String
        /// "text", "integer", "decimal" or "timestamp".
        public var type: String
        /// "count", "US cents", "fraction (0.183 = 18.3%)", "" when none.
        public var unit: String
        public var description: String

        public init(_ name: String, type: String, unit: String = "", description: String) {
            self.name = name
            self.type = type
            self.unit = unit
            self.description = description
        }
    }

    /// File base name: `<name>.csv` and `<name>.columns.csv`.
    public var name: String
    /// The table's title in the report.
    public var title: String
    public var columns: [Column]
    public var rows: [[CSVCell]]

    public init(name: String, title: String, columns: [Column], rows: [[CSVCell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "one cell per column in \(name)")
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// The table itself (RFC 4180, CRLF unless told otherwise).
    public func csvBytes(lineEnding: CSVWriter.LineEnding = .crlf) -> [UInt8] {
        var csv = CSVWriter(header: columns.map(\.name), lineEnding: lineEnding)
        for row in rows { csv.writeRow(row) }
        return csv.takeBytes()
    }

    /// The side-car: one row per column with `column,type,unit,description`.
    public func sidecarBytes(lineEnding: CSVWriter.LineEnding = .crlf) -> [UInt8] {
        var csv = CSVWriter(header: ["column", "type", "unit", "description"], lineEnding: lineEnding)
        for column in columns {
            csv.writeRow([.text(column.name), .text(column.type), .text(column.unit), .text(column.description)])
        }
        return csv.takeBytes()
    }
}
