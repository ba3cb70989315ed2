/// GitHub-flavoured markdown tables for notebooks: every cell escaped so customer text shows as written and can
/// neither break the table nor inject markup.
///
/// Escaping: `|` and markdown punctuation (`\ * _ ` [ ] ~`) get a backslash, `< > &` become entities, line breaks
/// become `<br>` (GitHub renders it inside tables). Phone numbers are masked unless `showNumbers`.
public enum MarkdownTable {
    public enum Alignment: Sendable {
        case left
        case right
        case center

        var rule: String {
            switch self {
            case .left: ":---"
            case .right: "---:"
            case .center: ":---:"
            }
        }
    }

    /// A table from plain strings; `alignments` defaults to left for every column.
    public static func render(
        header: [String],
        rows: [[String]],
        alignments: [Alignment]? = nil,
        showNumbers: Bool = false
    ) -> String {
        precondition(rows.allSatisfy { $0.count == header.count }, "one cell per column in every row")
        let safety = TextSafety(showNumbers: showNumbers)
        let alignments = alignments ?? Array(repeating: .left, count: header.count)
        var lines = ["| " + header.map { escape(safety.plain($0)) }.joined(separator: " | ") + " |"]
        lines.append("| " + alignments.map(\.rule).joined(separator: " | ") + " |")
        for row in rows {
            lines.append("| " + row.map { escape(safety.plain($0)) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A report `DataTable` as markdown: numbers right-aligned and formatted as in the HTML report.
    public static func render(_ table: DataTable, options: ReportOptions = ReportOptions()) -> String {
        let alignments: [Alignment] = table.columns.indices.map { column in
            let numeric = table.rows.first { $0[column] != .missing }.map { $0[column].isNumeric } ?? false
            return numeric ? .right : .left
        }
        return render(
            header: table.columns.map(\.title),
            rows: table.rows.map { $0.map(ValueText.display) },
            alignments: alignments,
            showNumbers: options.showNumbers
        )
    }

    /// One cell's text made safe for a GFM table.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": escaped += "<br>"
            case "\n": if !previousWasCR { escaped += "<br>" }
            case "|", "\\", "*", "_", "`", "[", "]", "~": escaped += "\\" + String(scalar)
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
