/// A cursor into a parsed document that knows its JSON path, so every accessor's error names where it looked.
///
/// Objects are read with `keys(allowed:)` first, which turns an unknown key (a typo such as `"timout"`) into an
/// error instead of a silently ignored setting.
struct JSONReader {
    let value: JSONValue
    let path: String
    let file: String

    init(_ value: JSONValue, path: String = "$", file: String) {
        self.value = value
        self.path = path
        self.file = file
    }

    func error(_ kind: FlowError.Kind, found: String, expected: String, at path: String? = nil) -> FlowError {
        FlowError(kind: kind, file: file, path: path ?? self.path, found: found, expected: expected)
    }

    /// Fails when the object has a key outside `allowed`, suggesting the nearest allowed spelling.
    func requireObject(allowed: [String]) throws(FlowError) {
        guard case .object(let members) = value else {
            throw error(.wrongType, found: value.described, expected: "an object")
        }
        for member in members where !allowed.contains(member.key) {
            var expected = "one of the keys " + allowed.joined(separator: ", ")
            if let near = allowed.first(where: { editDistance($0, member.key) <= 2 }) {
                expected = "\"\(near)\" (did you mean it?); allowed keys are " + allowed.joined(separator: ", ")
            }
            throw error(
                .unknownKey,
                found: "the unknown key \"\(member.key)\"",
                expected: expected,
                at: "\(path).\(member.key)"
            )
        }
    }

    func has(_ key: String) -> Bool { value[key] != nil }

    func child(_ key: String) -> JSONReader? {
        value[key].map { JSONReader($0, path: "\(path).\(key)", file: file) }
    }

    func required(_ key: String, _ what: String) throws(FlowError) -> JSONReader {
        guard let child = child(key) else {
            throw error(.missingKey, found: "no \"\(key)\"", expected: "\"\(key)\": \(what)")
        }
        return child
    }

    func string() throws(FlowError) -> String {
        guard case .string(let text) = value else {
            throw error(.wrongType, found: value.described, expected: "a string")
        }
        return text
    }

    func nonEmptyString() throws(FlowError) -> String {
        let text = try string()
        guard !text.isBlank else { throw error(.invalidValue, found: "an empty string", expected: "some text") }
        return text
    }

    func number() throws(FlowError) -> Double {
        guard case .number(let number) = value else {
            throw error(.wrongType, found: value.described, expected: "a number")
        }
        return number
    }

    func integer(in range: ClosedRange<Int64>) throws(FlowError) -> Int64 {
        let number = try number()
        guard number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw error(
                .invalidValue,
                found: value.described,
                expected: "a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return Int64(number)
    }

    func bool() throws(FlowError) -> Bool {
        guard case .bool(let flag) = value else {
            throw error(.wrongType, found: value.described, expected: "true or false")
        }
        return flag
    }

    func array() throws(FlowError) -> [JSONReader] {
        guard case .array(let items) = value else {
            throw error(.wrongType, found: value.described, expected: "an array")
        }
        return items.enumerated().map { JSONReader($0.element, path: "\(path)[\($0.offset)]", file: file) }
    }

    func stringArray() throws(FlowError) -> [String] {
        var result: [String] = []
        for item in try array() { result.append(try item.nonEmptyString()) }
        return result
    }

    /// Members of an object in written order, each with its reader.
    func members() throws(FlowError) -> [(key: String, reader: JSONReader)] {
        guard case .object(let members) = value else {
            throw error(.wrongType, found: value.described, expected: "an object")
        }
        return members.map { (key: $0.key, reader: JSONReader($0.value, path: "\(path).\($0.key)", file: file)) }
    }

    /// A string that must be one of `choices`.
    func choice(_ choices: [String]) throws(FlowError) -> String {
        let text = try string()
        guard choices.contains(text) else {
            throw error(.invalidValue, found: value.described, expected: "one of " + choices.joined(separator: ", "))
        }
        return text
    }

    /// A duration: seconds as a number, or text such as "90s", "15m", "4h", "3d".
    func durationSeconds() throws(FlowError) -> Int64 {
        if case .number = value { return try integer(in: 1...31_536_000) }
        let text = try string().trimmingSpaces
        let units: [(Character, Int64)] = [("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        guard let unit = text.last, let scale = units.first(where: { $0.0 == unit })?.1,
            let amount = Int64(text.dropLast()), amount > 0, amount * scale <= 31_536_000
        else {
            throw error(
                .invalidValue,
                found: value.described,
                expected: "a duration such as \"90s\", \"15m\", \"4h\" or \"3d\" (at most a year)"
            )
        }
        return amount * scale
    }
}

/// Levenshtein distance, used only to suggest a key the author probably meant.
/// - Complexity: O(*m* × *n*).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension StringProtocol {
    /// True when the text is empty or only spaces, tabs and line breaks; allocates nothing.
    var isBlank: Bool {
        for byte in utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case 0x80...: return !unicodeScalars.contains { !$0.properties.isWhitespace }
            default: return false
            }
        }
        return true
    }

    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // Most texts start and end with a visible ASCII character: nothing to trim, no scalar walk.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
        {
            return text
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
