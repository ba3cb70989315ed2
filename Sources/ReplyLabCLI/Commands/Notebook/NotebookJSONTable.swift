import JSONDocument
import Reports

/// Rows a command printed as JSON (one array of flat objects, one object, or one object per line), as a table
/// for a ```replylab block that asks for `table` or a chart.
enum NotebookJSONTable {
    static func table(from output: String) throws(NotebookBlockError) -> NotebookTable {
        let objects = try rows(output)
        var columns: [String] = []
        for object in objects {
            for member in object where !columns.contains(member.key) { columns.append(member.key) }
        }
        let rows = objects.map { object in
            columns.map { column in object.first { $0.key == column }.map { cell($0.value) } ?? .null }
        }
        return NotebookTable(columns: columns, rows: rows)
    }

    private static func rows(_ output: String) throws(NotebookBlockError) -> [[(key: String, value: JSONValue)]] {
        let hint = "table and chart= need the command to print JSON rows (often its --json flag)"
        if let whole = try? JSONParser.parse(output, file: "output") {
            switch whole {
            case .object(let members): return [members]
            case .array(let items):
                return try items.enumerated().map { offset, item throws(NotebookBlockError) in
                    guard case .object(let members) = item else {
                        throw NotebookBlockError("\(hint); item \(offset + 1) of the array is \(item.typeName)")
                    }
                    return members
                }
            default: throw NotebookBlockError("\(hint); the output is \(whole.typeName)")
            }
        }
        var objects: [[(key: String, value: JSONValue)]] = []
        for (offset, line) in output.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            guard case .object(let members)? = try? JSONParser.parse(String(line), file: "output") else {
                throw NotebookBlockError("\(hint); line \(offset + 1) of the output is not a JSON object")
            }
            objects.append(members)
        }
        guard !objects.isEmpty else { throw NotebookBlockError("\(hint); the command printed nothing") }
        return objects
    }

    private static func cell(_ value: JSONValue) -> NotebookTable.Cell {
        switch value {
        case .null: return .null
        case .bool(let flag): return .text(flag ? "true" : "false")
        case .number(let number):
            if number.rounded() == number, abs(number) < 9_007_199_254_740_992 { return .integer(Int64(number)) }
            return .real(number)
        case .string(let text): return .text(text)
        case .array, .object: return .text(value.jsonText)
        }
    }
}
