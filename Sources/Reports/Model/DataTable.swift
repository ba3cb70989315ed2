/// A plain table (per-node flow table, carrier errors, segments); every cell is escaped and phone-masked.
public struct DataTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        /// The heading people read, e.g. "Arrivals".
        public var title: String
        /// The CSV header name, e.g. "arrivals"; nil derives it from the title.
        public var csvName: String?
        /// The unit or definition for the CSV side-car (and the heading's tooltip).
        public var description: String?

        public init(_ title: String, csvName: String? = nil, description: String? = nil) {
            self.title = title
            self.csvName = csvName
            self.description = description
        }
    }

    public var title: String
    public var columns: [Column]
    public var rows: [[ReportValue]]
    /// The HTML shows at most this many rows and says where the rest are (the CSV always has all).
    public var maxDisplayedRows: Int
    public var csvName: String?
    public var note: String?

    public init(
        title: String,
        columns: [Column],
        rows: [[ReportValue]],
        maxDisplayedRows: Int = 200,
        csvName: String? = nil,
        note: String? = nil
    ) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "one value per column in every row")
        self.title = title
        self.columns = columns
        self.rows = rows
        self.maxDisplayedRows = maxDisplayedRows
        self.csvName = csvName
        self.note = note
    }
}
