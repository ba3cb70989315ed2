/// Why a JSON document could not be read: the file, the JSON path of the value (`$.segments[1].share`), the line
/// and column when the parser knows them, and the problem in a structured form.
///
/// The problem stays structured (not a finished sentence) so each module can phrase it in its own established
/// voice (`FlowError` says "found …; expected …", `PopulationError` says "expected …, got …") while all of them
/// share one reader.
public struct JSONDocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, with what a message needs to say so.
    public enum Problem: Equatable, Sendable {
        /// The text is not JSON: found `found` where `expected` was due.
        case syntax(found: String, expected: String)
        /// An object names the same key twice; JSON leaves the meaning open, so it is refused.
        case duplicateKey(String)
        /// A value of the wrong kind; `expected` says the kind wanted ("a string", "true or false").
        case wrongType(found: JSONValue, expected: String)
        /// A required key is absent (or `null` when the reader treats null as missing); `what` says what it holds.
        case missingKey(String, what: String?)
        /// A key outside the allowed ones, with the closest allowed spelling when one is near.
        case unknownKey(String, allowed: [String], suggestion: String?)
        /// A string with no visible text where some is needed.
        case emptyString
        /// A number outside `lower...upper` (bounds as written in messages), or not whole when `wholeNumber`.
        case outOfRange(found: JSONValue, lower: String, upper: String, wholeNumber: Bool)
        /// A string that is not one of `choices`.
        case notAChoice(found: JSONValue, choices: [String])
        /// Anything a caller checks beyond the reader's own rules, already phrased.
        case invalidValue(found: String, expected: String)
    }

    /// The file as the user named it (or "<input>").
    public var file: String
    /// Where the value is: `$`, `$.nodes[3].router`, `$.time_zone_splits["907"]`.
    public var path: String
    /// Line and column in the text, for syntax and duplicate-key errors (the tree keeps no positions).
    public var position: TextPosition?
    public var problem: Problem

    public init(file: String, path: String, position: TextPosition? = nil, problem: Problem) {
        self.file = file
        self.path = path
        self.position = position
        self.problem = problem
    }

    /// What was in the document, as a phrase ("the string \"any\"", "no \"start\"").
    public var found: String {
        switch problem {
        case .syntax(let found, _): return found
        case .duplicateKey(let key): return "the key \"\(key)\" a second time in the same object"
        case .wrongType(let found, _): return found.described
        case .missingKey(let key, _): return "no \"\(key)\""
        case .unknownKey(let key, _, _): return "the unknown key \"\(key)\""
        case .emptyString: return "an empty string"
        case .outOfRange(let found, _, _, _): return found.described
        case .notAChoice(let found, _): return found.described
        case .invalidValue(let found, _): return found
        }
    }

    /// What the document should hold there, as a phrase ("a string", "\"timeout\" (did you mean it?); …").
    public var expected: String {
        switch problem {
        case .syntax(_, let expected): return expected
        case .duplicateKey: return "each key once"
        case .wrongType(_, let expected): return expected
        case .missingKey(let key, let what): return what.map { "\"\(key)\": \($0)" } ?? "the key \"\(key)\""
        case .unknownKey(_, let allowed, let suggestion):
            let list = allowed.joined(separator: ", ")
            guard let suggestion else { return "one of the keys " + list }
            return "\"\(suggestion)\" (did you mean it?); allowed keys are " + list
        case .emptyString: return "some text"
        case .outOfRange(_, let lower, let upper, let wholeNumber):
            return (wholeNumber ? "a whole number" : "a number") + " from \(lower) to \(upper)"
        case .notAChoice(_, let choices): return "one of " + choices.joined(separator: ", ")
        case .invalidValue(_, let expected): return expected
        }
    }

    /// One line: `cart.json: $.nodes[0].type (line 8, column 85): found …; expected …`.
    public var description: String {
        let location = position.map { "\(path) (\($0))" } ?? path
        return "\(file): \(location): found \(found); expected \(expected)"
    }

    /// This error as seen from the enclosing value at `prefix` (the parser adds path components while unwinding).
    func nested(in prefix: String) -> JSONDocumentError {
        var copy = self
        copy.path = prefix + path.dropFirst()
        return copy
    }
}

/// A place in a text file, counted from 1 as editors show it.
public struct TextPosition: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line 8, column 85`.
    public var description: String { "line \(line), column \(column)" }
}

/// An error type that a `JSONDocumentError` converts into, so a module's reader throws the module's own error
/// (typed throws) and keeps its established messages.
public protocol JSONDocumentErrorConvertible: Error {
    init(_ error: JSONDocumentError)
}

extension JSONDocumentError: JSONDocumentErrorConvertible {
    /// The identity conversion, for callers that want the shared error itself.
    public init(_ error: JSONDocumentError) {
        self = error
    }
}
