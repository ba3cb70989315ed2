/// A message text with `{{placeholders}}`, parsed once when the flow is read so sending only walks a list.
///
/// Syntax: `{{ path | filter | filter: argument }}`. Paths are dotted (`cart.items.0.name`); the customer's
/// attributes are at the top level, flow fields under `fields.`, the customer's last reply is `reply` (its first
/// number `reply_number`, so "I wear a 9.5" gives 9.5), and the
/// closed hand-off's outcome is `handoff_outcome`. Filters: `default: "text"`, `upcase`, `downcase`,
/// `capitalize`, `money` (integer cents → "$84.50"), `truncate: N` (N characters, ending "...").
/// A value that is missing or empty after the filters is never printed: `render` reports it instead.
public struct Template: Sendable, Equatable {
    /// The text as written in the flow file.
    public let source: String
    let parts: [Part]

    enum Part: Sendable, Equatable {
        case literal(String)
        case value(Placeholder)
    }

    /// One `{{ … }}`.
    public struct Placeholder: Sendable, Equatable {
        /// The path as written, e.g. `cart.items.0.name`.
        public let path: String
        let segments: [PathSegment]
        public let filters: [Filter]

        /// True when a `default` filter guarantees a value.
        public var hasDefault: Bool { filters.contains { if case .defaultValue = $0 { true } else { false } } }
    }

    enum PathSegment: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// A transformation applied to a placeholder's value, left to right.
    public enum Filter: Sendable, Equatable {
        case defaultValue(String)
        case upcase, downcase, capitalize, money
        case truncate(Int)
    }

    /// Every placeholder in order of appearance.
    public var placeholders: [Placeholder] {
        parts.compactMap { if case .value(let placeholder) = $0 { placeholder } else { nil } }
    }

    /// The literal text only, placeholders left out; what the linter checks for wording.
    public var literalText: String {
        parts.map { if case .literal(let text) = $0 { text } else { " " } }.joined()
    }

    /// Parses `source`; a malformed placeholder throws with `path` pointing at the text and naming the problem.
    public init(_ source: String, file: String = "<input>", path: String = "$") throws(FlowError) {
        self.source = source
        var parts: [Part] = []
        var rest = Substring(source)
        func fail(_ found: String, _ expected: String) -> FlowError {
            FlowError(kind: .invalidValue, file: file, path: path, found: found, expected: expected)
        }
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw fail("\"{{\" without a closing \"}}\"", "a placeholder such as {{first_name}}")
            }
            let inside = String(rest[open.upperBound..<close.lowerBound])
            parts.append(.value(try Template.placeholder(inside, fail: fail)))
            rest = rest[close.upperBound...]
        }
        if rest.contains("}}") {
            throw fail("\"}}\" without an opening \"{{\"", "a placeholder such as {{first_name}}")
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    private static func placeholder(
        _ inside: String,
        fail: (String, String) -> FlowError
    ) throws(FlowError) -> Placeholder {
        let pieces = splitOutsideQuotes(inside, on: "|")
        let path = pieces[0].trimmingSpaces
        guard !path.isEmpty else { throw fail("an empty placeholder {{\(inside)}}", "a name such as {{first_name}}") }
        var segments: [PathSegment] = []
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            if let index = Int(segment), index >= 0 {
                segments.append(.index(index))
            } else if !segment.isEmpty, segment.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                segments.append(.key(String(segment)))
            } else {
                throw fail(
                    "the path \"\(path)\" in {{\(inside)}}",
                    "dotted names of letters, digits and _ (cart.items.0.name)"
                )
            }
        }
        var filters: [Filter] = []
        for piece in pieces.dropFirst() {
            let text = piece.trimmingSpaces
            let name: String
            var argument: String?
            if let colon = text.firstIndex(of: ":") {
                name = text[..<colon].trimmingSpaces
                argument = text[text.index(after: colon)...].trimmingSpaces
            } else {
                name = text
            }
            switch (name, argument) {
            case ("default", let argument?):
                guard let value = unquote(argument) else {
                    throw fail("default: \(argument)", "a quoted fallback such as default: \"there\"")
                }
                guard !value.isBlank else {
                    throw fail("an empty default", "a fallback a customer can read, such as default: \"there\"")
                }
                filters.append(.defaultValue(value))
            case ("truncate", let argument?):
                guard let count = Int(argument), count >= 4 else {
                    throw fail("truncate: \(argument)", "truncate: N with N a whole number of at least 4")
                }
                filters.append(.truncate(count))
            case ("upcase", nil): filters.append(.upcase)
            case ("downcase", nil): filters.append(.downcase)
            case ("capitalize", nil): filters.append(.capitalize)
            case ("money", nil): filters.append(.money)
            default:
                throw fail(
                    "the filter \"\(text)\" in {{\(inside)}}",
                    "one of default: \"…\", upcase, downcase, capitalize, money, truncate: N"
                )
            }
        }
        return Placeholder(path: path, segments: segments, filters: filters)
    }

    private static func splitOutsideQuotes(_ text: String, on separator: Character) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == separator {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    private static func unquote(_ text: String) -> String? {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else {
            return nil
        }
        return String(text.dropFirst().dropLast())
    }
}
