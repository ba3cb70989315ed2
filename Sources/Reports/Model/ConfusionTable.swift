/// Intent × category counts, shaded by row share: where the flow understood replies and where it misrouted them.
public struct ConfusionTable: Sendable, Hashable {
    public var title: String
    /// Heading of the row labels, e.g. "Drawn intent".
    public var rowTitle: String
    /// Heading over the columns, e.g. "Router category".
    public var columnTitle: String
    public var rows: [String]
    public var columns: [String]
    /// `counts[row][column]`.
    public var counts: [[Int64]]
    /// For each row, the column that is the right answer (outlined), or nil when none is.
    public var expectedColumn: [Int?]
    public var csvName: String?
    public var note: String?

    public init(
        title: String,
        rowTitle: String,
        columnTitle: String,
        rows: [String],
        columns: [String],
        counts: [[Int64]],
        expectedColumn: [Int?]? = nil,
        csvName: String? = nil,
        note: String? = nil
    ) {
        precondition(counts.count == rows.count && counts.allSatisfy { $0.count == columns.count }, "rows × columns")
        self.title = title
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.rows = rows
        self.columns = columns
        self.counts = counts
        self.expectedColumn = expectedColumn ?? Array(repeating: nil, count: rows.count)
        self.csvName = csvName
        self.note = note
    }
}
