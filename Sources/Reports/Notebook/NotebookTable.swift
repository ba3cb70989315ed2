/// A block's result as rows of typed cells (a query's columns, or the JSON rows a command printed), printed the
/// same way on every machine.
///
/// Whole numbers print as they are (no grouping, so ids and years read right); real numbers get one number of
/// decimals per column, the fewest that show every value of the column to `maxDecimals` places, unless a block
/// fixes `decimals`. Text is escaped and phone-masked; numbers are never masked.
public struct NotebookTable: Sendable, Hashable {
    public enum Cell: Sendable, Hashable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        /// A blob, shown by its size only.
        case blob(bytes: Int)

        var isNumber: Bool {
            switch self {
            case .integer, .real: true
            default: false
            }
        }

        /// The value as a plotted number: nil for text and blobs, NaN for NULL.
        var plotted: Double? {
            switch self {
            case .integer(let value): Double(value)
            case .real(let value): value
            case .null: .nan
            default: nil
            }
        }
    }

    /// The most decimals a column gets when the block does not fix them.
    public static let maxDecimals = 4

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "one cell per column in every row")
        self.columns = columns
        self.rows = rows
    }

    /// The table as GitHub markdown, at most `rowLimit` rows, then a note counting the rest.
    public func markdown(rowLimit: Int = NotebookOptions.defaultRows, decimals: Int? = nil) -> String {
        guard !columns.isEmpty else { return "The query returned no columns.\n" }
        let places = columns.indices.map { column in decimals ?? Self.places(rows.map { $0[column] }) }
        let alignments: [MarkdownTable.Alignment] = columns.indices.map { column in
            let filled = rows.lazy.map { $0[column] }.filter { $0 != .null }
            return !filled.isEmpty && filled.allSatisfy(\.isNumber) ? .right : .left
        }
        let shown = rows.prefix(rowLimit).map { row in
            row.indices.map { Self.markdownCell(row[$0], places: places[$0]) }
        }
        var text = MarkdownTable.render(header: columns, cells: Array(shown), alignments: alignments)
        if rows.isEmpty {
            text += "\nNo rows.\n"
        } else if rows.count > rowLimit {
            let more = rows.count - rowLimit
            text +=
                "\n… \(NumberText.grouped(Int64(more))) more row\(more == 1 ? "" : "s") "
                + "(showing the first \(rowLimit); set rows= on the block to show more).\n"
        }
        return text
    }

    /// A cell's text as the table prints it.
    func text(row: Int, column: Int, decimals: Int? = nil) -> String {
        let places = decimals ?? Self.places(rows.map { $0[column] })
        switch Self.markdownCell(rows[row][column], places: places) {
        case .text(let text), .number(let text): return text
        }
    }

    static func markdownCell(_ cell: Cell, places: Int) -> MarkdownTable.Cell {
        switch cell {
        case .null: .text("NULL")
        case .integer(let value): .number(String(value))
        case .real(let value): .number(realText(value, places: places))
        case .text(let text): .text(text)
        case .blob(let bytes): .text("(blob, \(bytes) byte\(bytes == 1 ? "" : "s"))")
        }
    }

    static func realText(_ value: Double, places: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return NumberText.fixed(value, places: places)
    }

    /// The fewest decimals (at most `maxDecimals`) that show each real number of a column.
    static func places(_ cells: [Cell]) -> Int {
        var places = 0
        for case .real(let value) in cells where value.isFinite {
            let text = NumberText.fixed(value, places: maxDecimals)
            let fraction = text.split(separator: ".").dropFirst().first ?? ""
            let needed = fraction.count - fraction.reversed().prefix { $0 == "0" }.count
            places = max(places, needed)
            if places == maxDecimals { break }
        }
        return places
    }
}
