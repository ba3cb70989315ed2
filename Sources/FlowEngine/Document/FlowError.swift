/// Why a flow file could not be read: the file, where in it (JSON path or line and column), what was found and
/// what was expected, so the author can fix it without opening the engine's source.
public struct FlowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The broad kind of mistake, for tests and tools that react to it.
    public enum Kind: String, Sendable {
        case syntax, wrongType, invalidValue, missingKey, unknownKey, duplicate, unknownReference, unreadable
    }

    public var kind: Kind
    /// The file as the user named it (or "<input>").
    public var file: String
    /// `$.nodes[3].router.cases[1].type`; for syntax errors, `line L, column C`.
    public var path: String
    public var found: String
    public var expected: String

    public init(kind: Kind, file: String, path: String, found: String, expected: String) {
        self.kind = kind
        self.file = file
        self.path = path
        self.found = found
        self.expected = expected
    }

    /// One line: `cart.json: $.nodes[3].router.cases[1].type: found the string "any"; expected one of …`.
    public var description: String { "\(file): \(path): found \(found); expected \(expected)" }
}
