/// A strict RFC 8259 JSON reader that reports the line and column of the first mistake and refuses duplicate keys.
///
/// It exists because flows, specs and rule files are written by hand: "line 12, column 7: found '}'; expected a
/// value" beats Foundation's "The data couldn't be read because it isn't in the correct format." An error also names
/// the JSON path of the value being read (`$.nodes[2].router`), added as the recursion unwinds so the happy path
/// pays nothing for it.
public struct JSONParser {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Parses `text` completely; `file` names the source in errors.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func parse(_ text: String, file: String = "<input>") throws(JSONDocumentError) -> JSONValue {
        try parse(Array(text.utf8), file: file)
    }

    /// Parses UTF-8 `bytes` completely (a file's contents, without a detour through `String`).
    /// - Complexity: O(*n*) in the number of bytes.
    public static func parse(_ bytes: [UInt8], file: String = "<input>") throws(JSONDocumentError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, file: file)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.failure(found: parser.describeCurrent(), expected: "the end of the document")
        }
        return value
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func failure(found: String, expected: String) -> JSONDocumentError {
        JSONDocumentError(
            file: file,
            path: "$",
            position: TextPosition(line: line, column: index - lineStart + 1),
            problem: .syntax(found: found, expected: expected)
        )
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte >= 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONDocumentError) -> JSONValue {
        guard depth < 64 else { throw failure(found: "nesting deeper than 64 levels", expected: "a flatter document") }
        guard index < bytes.count else { throw failure(found: "the end of the file", expected: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            throw failure(
                found: describeCurrent(),
                expected: "a value (object, array, string, number, true, false or null)"
            )
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONDocumentError) {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else {
                throw failure(found: describeCurrent(), expected: "'\(word)'")
            }
            index += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONDocumentError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        // Keys seen, kept once the object is big enough that a scan per key would be quadratic (a mapping file
        // lists hundreds of thousands of customers).
        var seen: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure(found: describeCurrent(), expected: "a key in double quotes")
            }
            let keyLine = line
            let keyColumn = index - lineStart + 1
            let key = try parseString()
            let isDuplicate: Bool
            if members.count < 16 {
                isDuplicate = members.contains { $0.key == key }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                isDuplicate = !seen.insert(key).inserted
            }
            if isDuplicate {
                throw JSONDocumentError(
                    file: file,
                    path: JSONPath.member(key, of: "$"),
                    position: TextPosition(line: keyLine, column: keyColumn),
                    problem: .duplicateKey(key)
                )
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure(found: describeCurrent(), expected: "':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            do {
                members.append((key, try parseValue(depth: depth + 1)))
            } catch {
                throw error.nested(in: JSONPath.member(key, of: "$"))
            }
            skipWhitespace()
            guard index < bytes.count else { throw failure(found: "the end of the file", expected: "',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw failure(found: describeCurrent(), expected: "',' or '}' after the value of \"\(key)\"")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONDocumentError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            do {
                items.append(try parseValue(depth: depth + 1))
            } catch {
                throw error.nested(in: JSONPath.element(items.count, of: "$"))
            }
            skipWhitespace()
            guard index < bytes.count else { throw failure(found: "the end of the file", expected: "',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw failure(found: describeCurrent(), expected: "',' or ']' in the array")
        }
    }

    private mutating func parseString() throws(JSONDocumentError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flushRun(_ parser: JSONParser, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        // Most strings hold no escape: they are decoded straight from the bytes, not scalar by scalar.
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if !escaped {
                    let text = String(decoding: bytes[runStart..<index], as: UTF8.self)
                    index += 1
                    return text
                }
                flushRun(self, upTo: index, into: &scalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw failure(
                    found: byte == 0x0A ? "a line break inside a string" : "a control character",
                    expected: "'\\n' or a closing '\"'"
                )
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                flushRun(self, upTo: index, into: &scalars)
                index += 1
                guard index < bytes.count else { throw failure(found: "the end of the file", expected: "an escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try parseHex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw failure(found: "an unpaired surrogate \\u escape", expected: "a valid Unicode scalar")
                    }
                    scalars.append(scalar)
                default:
                    index -= 1
                    throw failure(
                        found: describeCurrent(),
                        expected: "one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"
                    )
                }
                runStart = index
                continue
            }
            index += 1
        }
        throw failure(found: "the end of the file", expected: "a closing '\"'")
    }

    private mutating func parseHex4() throws(JSONDocumentError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
                throw failure(found: describeCurrent(), expected: "four hexadecimal digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONDocumentError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            var count = 0
            while parser.index < parser.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index])
            {
                parser.index += 1
                count += 1
            }
            return count
        }
        guard digits(&self) > 0 else { throw failure(found: describeCurrent(), expected: "a digit") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure(found: describeCurrent(), expected: "a digit after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else {
                throw failure(found: describeCurrent(), expected: "a digit in the exponent")
            }
        }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(literal) else {
            throw failure(found: "an unreadable number", expected: "a number")
        }
        guard number.isFinite else {
            index = start
            throw failure(found: "the number \(literal), too large", expected: "a number a Double can hold")
        }
        return number
    }
}
