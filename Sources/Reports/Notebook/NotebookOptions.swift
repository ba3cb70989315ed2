import Foundation

/// What a block's fence asks for after its language: `sql chart=bar x=variant y=reply_rate title="Reply rate"`.
///
/// Options are `key=value` words (a value with spaces in "double" or 'single' quotes) or bare flags (`table`,
/// `fresh`). An unknown key, a repeated key or a value out of range is refused with the list of what is accepted,
/// so a typo never silently drops a chart.
public struct NotebookOptions: Sendable, Hashable {
    public enum Chart: String, Sendable, Hashable, CaseIterable {
        case bar
        case line
    }

    /// How a line chart's horizontal axis is labelled.
    public enum XFormat: Sendable, Hashable {
        /// UTC epoch milliseconds shown as dates and hours.
        case time
        case value(ValueFormat)
    }

    /// Draw the result as an SVG chart beside the notebook, linked above the table.
    public var chart: Chart?
    /// The chart's category (bar) or horizontal (line) column; the first column when nil.
    public var x: String?
    /// The plotted columns; every numeric column other than `x` and `series` when empty.
    public var y: [String] = []
    /// A column whose values split one `y` column into one bar or line each (long-format results).
    public var series: String?
    public var title: String?
    /// The value axis label; the `y` column names when nil.
    public var label: String?
    /// How plotted values are printed; whole numbers as counts, others with two decimals when nil.
    public var format: ValueFormat?
    public var xFormat: XFormat?
    /// Names the chart file (`NOTEBOOK-NAME.svg`) so it keeps its name when blocks are added.
    public var name: String?
    /// Table rows shown; the rest are counted in a note.
    public var rows = NotebookOptions.defaultRows
    /// Decimals for every real number; each column's own (up to four) when nil.
    public var decimals: Int?
    /// The database a sql block reads instead of the notebook's.
    public var database: String?
    /// replylab: show JSON the command printed (an array of flat objects) as a table instead of text.
    public var table = false
    /// replylab: delete the block's own `--db` file before the command runs, so every run rebuilds it alike.
    public var fresh = false

    public static let defaultRows = 50

    /// Keys each language accepts, in the order messages list them.
    public static func keys(for language: NotebookBlock.Language) -> [String] {
        let chart = ["chart", "x", "y", "series", "title", "label", "format", "xformat", "name", "rows", "decimals"]
        switch language {
        case .sql: return chart + ["db"]
        case .replylab: return chart + ["table", "fresh"]
        }
    }

    public init() {}

    /// Reads the option words of a fence's info string (after the language).
    public init(parsing text: String, for language: NotebookBlock.Language) throws(NotebookBlockError) {
        let allowed = Self.keys(for: language)
        var seen: Set<String> = []
        for (key, value) in try Self.words(text) {
            guard allowed.contains(key) else {
                var message = "unknown option '\(key)' for a ```\(language.rawValue) block"
                if language == .replylab, key == "db" { message += " (give the command its own --db instead)" }
                if language == .sql, key == "table" || key == "fresh" { message += " (it is for ```replylab blocks)" }
                throw NotebookBlockError(message + "; options: " + allowed.joined(separator: ", "))
            }
            guard seen.insert(key).inserted else { throw NotebookBlockError("option '\(key)' is given twice") }
            try set(key, value)
        }
        if chart == nil,
            let stray = ["x", "y", "series", "title", "label", "format", "xformat"].first(where: seen.contains)
        {
            throw NotebookBlockError("option '\(stray)' shapes a chart; add chart=bar or chart=line, or drop it")
        }
        if name != nil, chart == nil {
            throw NotebookBlockError("option 'name' names a chart file; add chart=bar or chart=line, or drop it")
        }
    }

    private mutating func set(_ key: String, _ value: String?) throws(NotebookBlockError) {
        func required() throws(NotebookBlockError) -> String {
            guard let value, !value.isEmpty else { throw NotebookBlockError("option '\(key)' needs a value: \(key)=…") }
            return value
        }
        switch key {
        case "chart":
            let text = try required()
            guard let chart = Chart(rawValue: text) else {
                throw NotebookBlockError("chart=\(text) is not a chart; use chart=bar or chart=line")
            }
            self.chart = chart
        case "x": x = try required()
        case "y":
            y = try required().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if y.contains("") { throw NotebookBlockError("y= lists columns separated by commas, e.g. y=sent,replied") }
        case "series": series = try required()
        case "title": title = try required()
        case "label": label = try required()
        case "format": format = try Self.valueFormat(try required(), key: key)
        case "xformat":
            let text = try required()
            xFormat = text == "time" ? .time : .value(try Self.valueFormat(text, key: key, time: true))
        case "name":
            let text = try required()
            let allowed = text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
            guard allowed, text.count <= 60, text.first != "-" else {
                throw NotebookBlockError(
                    "name=\(text) must be letters, digits, '-' or '_' (at most 60), as it names a file"
                )
            }
            name = text
        case "rows": rows = try Self.integer(try required(), key: key, in: 1...1_000)
        case "decimals": decimals = try Self.integer(try required(), key: key, in: 0...10)
        case "db": database = try required()
        case "table": table = try Self.flag(value, key: key)
        case "fresh": fresh = try Self.flag(value, key: key)
        default: break
        }
    }

    private static func integer(
        _ text: String,
        key: String,
        in range: ClosedRange<Int>
    ) throws(NotebookBlockError)
        -> Int
    {
        guard let number = Int(text), range.contains(number) else {
            throw NotebookBlockError(
                "\(key)=\(text) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }

    private static func flag(_ value: String?, key: String) throws(NotebookBlockError) -> Bool {
        switch value {
        case nil, "true": return true
        case "false": return false
        case let other?:
            throw NotebookBlockError("\(key) is a flag: write \(key) (or \(key)=false), not \(key)=\(other)")
        }
    }

    /// `count`, `number`, `number:N`, `percent`, `percent:N`, `pp`, `pp:N`, `cents`, `microdollars`, `duration`.
    static func valueFormat(
        _ text: String,
        key: String,
        time: Bool = false
    ) throws(NotebookBlockError)
        -> ValueFormat
    {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let places = parts.count > 1 ? Int(parts[1]).flatMap { (0...6).contains($0) ? $0 : nil } : nil
        let hasPlaces = parts.count > 1
        if !hasPlaces || places != nil {
            switch parts.first ?? "" {
            case "count" where !hasPlaces: return .count
            case "number": return .number(places: places ?? 2)
            case "percent": return .percent(places: places ?? 1)
            case "pp": return .percentagePoints(places: places ?? 1)
            case "cents" where !hasPlaces: return .cents
            case "microdollars" where !hasPlaces: return .microdollars
            case "duration" where !hasPlaces: return .milliseconds
            default: break
            }
        }
        throw NotebookBlockError(
            "\(key)=\(text) is not a format; use \(time ? "time, " : "")count, number, number:2, percent, percent:0, "
                + "pp, cents, microdollars or duration"
        )
    }

    /// Splits option text into `key=value` pairs (value nil for a bare flag), honouring quotes.
    static func words(_ text: String) throws(NotebookBlockError) -> [(key: String, value: String?)] {
        var words: [(String, String?)] = []
        var scalars = Substring(text).unicodeScalars
        func skipSpaces() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        skipSpaces()
        while !scalars.isEmpty {
            var key = ""
            while let first = scalars.first, first != "=", first != " ", first != "\t" {
                if first == "\"" || first == "'" {
                    throw NotebookBlockError("a quoted value needs a key before it, e.g. title=\"Reply rate\"")
                }
                key.unicodeScalars.append(scalars.removeFirst())
            }
            guard !key.isEmpty else { throw NotebookBlockError("an option needs a name before '=', e.g. chart=bar") }
            guard scalars.first == "=" else {
                words.append((key, nil))
                skipSpaces()
                continue
            }
            scalars.removeFirst()
            var value = ""
            if let quote = scalars.first, quote == "\"" || quote == "'" {
                scalars.removeFirst()
                var closed = false
                while let next = scalars.first {
                    scalars.removeFirst()
                    if next == quote {
                        closed = true
                        break
                    }
                    if next == "\\", quote == "\"", let escaped = scalars.first, escaped == "\"" || escaped == "\\" {
                        value.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        value.unicodeScalars.append(next)
                    }
                }
                guard closed else {
                    throw NotebookBlockError("the value of '\(key)' opens a quote (\(quote)) it never closes")
                }
                if let next = scalars.first, next != " ", next != "\t" {
                    throw NotebookBlockError("put a space after the quoted value of '\(key)'")
                }
            } else {
                while let first = scalars.first, first != " ", first != "\t" {
                    value.unicodeScalars.append(scalars.removeFirst())
                }
            }
            words.append((key, value))
            skipSpaces()
        }
        return words
    }
}
