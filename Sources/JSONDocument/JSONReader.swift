/// How a reader treats the two conventions that differ between file formats.
public struct JSONReaderOptions: Equatable, Sendable {
    /// When true, a member whose value is `null` counts as absent: `child` returns nil and `required` fails with a
    /// missing key. Files written by other tools often say `null` for "not set".
    public var nullIsMissing: Bool
    /// Keys accepted on every object and skipped by `members`, because JSON has no comments (e.g. `"note"`).
    /// They are never listed among the allowed keys in messages.
    public var commentKeys: [String]

    public init(nullIsMissing: Bool = false, commentKeys: [String] = []) {
        self.nullIsMissing = nullIsMissing
        self.commentKeys = commentKeys
    }
}

/// The order `members` returns an object's members in.
public enum JSONMemberOrder: Sendable {
    /// As written in the file: the author's order, for lists whose order means something.
    case document
    /// By key (code-unit order): for maps such as state → weight, so output never depends on how a file was
    /// written or re-saved.
    case sorted
}

/// A cursor into a parsed document that knows its JSON path, so every accessor's error names where it looked.
///
/// Objects are checked with `requireObject(allowed:)` first, which turns an unknown key (a typo such as
/// `"timout"`) into an error naming the closest allowed key instead of a silently ignored setting. Every error is
/// thrown as `Failure`, the reading module's own error type, converted from `JSONDocumentError`; read with
/// `JSONReader<JSONDocumentError>` to get the shared error itself.
public struct JSONReader<Failure: JSONDocumentErrorConvertible>: Sendable {
    public let value: JSONValue
    /// `$`, `$.nodes[3].router`, `$.time_zone_splits["907"]`.
    public let path: String
    /// The file as the user named it, for messages.
    public let file: String
    public let options: JSONReaderOptions

    public init(_ value: JSONValue, path: String = "$", file: String, options: JSONReaderOptions = JSONReaderOptions())
    {
        self.value = value
        self.path = path
        self.file = file
        self.options = options
    }

    /// Parses `text` and reads from its root.
    /// - Complexity: O(*n*) in the length of `text`.
    public init(parsing text: String, file: String, options: JSONReaderOptions = JSONReaderOptions()) throws(Failure) {
        try self.init(parsing: Array(text.utf8), file: file, options: options)
    }

    /// Parses UTF-8 `bytes` (a file's contents) and reads from its root.
    /// - Complexity: O(*n*) in the number of bytes.
    public init(parsing bytes: [UInt8], file: String, options: JSONReaderOptions = JSONReaderOptions()) throws(Failure)
    {
        do {
            self.init(try JSONParser.parse(bytes, file: file), file: file, options: options)
        } catch {
            throw Failure(error)
        }
    }

    /// The error for `problem` at this value (or at `path`), in the reading module's error type; for checks the
    /// reader cannot make itself, such as "a timeout needs a timeout_category".
    public func failure(_ problem: JSONDocumentError.Problem, at path: String? = nil) -> Failure {
        Failure(JSONDocumentError(file: file, path: path ?? self.path, problem: problem))
    }

    // MARK: Objects

    /// Fails unless this is an object whose keys are all in `allowed` (or are comment keys); an unknown key is
    /// reported at its own path with the closest allowed spelling. Keys are checked in document order, so the
    /// first typo the author wrote is the one reported.
    /// Returns the reader itself, so `let fields = try node.requireObject(allowed: […])` reads on.
    /// - Complexity: O(*n* × *k*) for *n* members and *k* allowed keys.
    @discardableResult
    public func requireObject(allowed: [String]) throws(Failure) -> JSONReader {
        guard case .object(let members) = value else { throw wrongType("an object") }
        for member in members where !allowed.contains(member.key) && !options.commentKeys.contains(member.key) {
            throw failure(
                .unknownKey(
                    member.key,
                    allowed: allowed,
                    suggestion: SpellingSuggestion.closest(to: member.key, among: allowed)
                ),
                at: JSONPath.member(member.key, of: path)
            )
        }
        return self
    }

    /// True when this is `null`.
    public var isNull: Bool { if case .null = value { true } else { false } }

    /// True when this object has `key` (with a non-null value if `nullIsMissing`).
    /// - Complexity: O(*n*) in the number of members.
    public func has(_ key: String) -> Bool { child(key) != nil }

    /// The member `key`, or nil when absent (or null, if `nullIsMissing`) or when this is not an object.
    /// - Complexity: O(*n*) in the number of members.
    public func child(_ key: String) -> JSONReader? {
        guard let member = value[key] else { return nil }
        if options.nullIsMissing, case .null = member { return nil }
        return JSONReader(member, path: JSONPath.member(key, of: path), file: file, options: options)
    }

    /// The member `key`; a missing key is reported at this object's path, saying what the key holds (`what`).
    /// - Complexity: O(*n*) in the number of members.
    public func required(_ key: String, _ what: String? = nil) throws(Failure) -> JSONReader {
        guard let child = child(key) else { throw failure(.missingKey(key, what: what)) }
        return child
    }

    /// The members of an object other than comment keys, each with its reader, in `order`.
    /// - Complexity: O(*n*) for `.document`, O(*n* log *n*) for `.sorted`.
    public func members(_ order: JSONMemberOrder) throws(Failure) -> [(key: String, reader: JSONReader)] {
        guard case .object(let members) = value else { throw wrongType("an object") }
        var result = members.filter { !options.commentKeys.contains($0.key) }.map {
            (
                key: $0.key,
                reader: JSONReader($0.value, path: JSONPath.member($0.key, of: path), file: file, options: options)
            )
        }
        if order == .sorted { result.sort { $0.key < $1.key } }
        return result
    }

    // MARK: Arrays

    /// The elements of an array, each with its reader (`$.segments[2]`).
    /// - Complexity: O(*n*) in the number of elements.
    public func array() throws(Failure) -> [JSONReader] {
        guard case .array(let items) = value else { throw wrongType("an array") }
        return items.enumerated().map {
            JSONReader($0.element, path: JSONPath.element($0.offset, of: path), file: file, options: options)
        }
    }

    /// An array of strings, each with some visible text (an empty entry is almost always a mistake).
    /// - Complexity: O(*n*) in the number of elements.
    public func stringArray() throws(Failure) -> [String] {
        var result: [String] = []
        for item in try array() { result.append(try item.nonEmptyString()) }
        return result
    }

    // MARK: Scalars

    public func string() throws(Failure) -> String {
        guard case .string(let text) = value else { throw wrongType("a string") }
        return text
    }

    /// A string with visible text: not empty and not only spaces or line breaks.
    public func nonEmptyString() throws(Failure) -> String {
        let text = try string()
        guard text.contains(where: { !$0.isWhitespace }) else { throw failure(.emptyString) }
        return text
    }

    /// A string that must be one of `choices` (an enumeration such as "conversational" or "one_way").
    /// - Complexity: O(*k*) in the number of choices.
    public func choice(_ choices: [String]) throws(Failure) -> String {
        let text = try string()
        guard choices.contains(text) else { throw failure(.notAChoice(found: value, choices: choices)) }
        return text
    }

    /// A number; always finite, since the parser refuses literals a `Double` cannot hold.
    public func number() throws(Failure) -> Double {
        guard case .number(let number) = value else { throw wrongType("a number") }
        return number
    }

    /// A number within `range` (both ends included), such as a share from 0 to 1.
    public func number(in range: ClosedRange<Double>) throws(Failure) -> Double {
        let number = try number()
        guard range.contains(number) else {
            throw failure(
                .outOfRange(
                    found: value,
                    lower: JSONValue.format(range.lowerBound),
                    upper: JSONValue.format(range.upperBound),
                    wholeNumber: false
                )
            )
        }
        return number
    }

    /// A whole number within `range`; 3.0 counts as whole, 2.5 does not.
    public func integer<Integer: FixedWidthInteger>(in range: ClosedRange<Integer>) throws(Failure) -> Integer {
        let number = try number()
        guard number.rounded() == number, let whole = Integer(exactly: number), range.contains(whole) else {
            throw failure(
                .outOfRange(found: value, lower: "\(range.lowerBound)", upper: "\(range.upperBound)", wholeNumber: true)
            )
        }
        return whole
    }

    public func bool() throws(Failure) -> Bool {
        guard case .bool(let flag) = value else { throw wrongType("true or false") }
        return flag
    }

    private func wrongType(_ expected: String) -> Failure { failure(.wrongType(found: value, expected: expected)) }
}
