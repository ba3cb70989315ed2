import JSONDocument

/// Everything that stops a simulation before it starts, located like `flow lint` locates a flow error: the file,
/// the JSON path of the value, what was found and what was expected (with the spelling the author probably meant).
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An experiment, corpus or referenced file could not be read.
    case unreadable(file: String, reason: String)
    /// A value is missing, of the wrong type, out of range or refers to something that does not exist.
    case invalid(file: String, path: String, found: String, expected: String)
    /// A referenced population spec or flow is itself broken; `detail` is that module's own located message.
    case referenced(file: String, path: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): \(reason)"
        case .invalid(let file, let path, let found, let expected):
            return "\(file): \(path): found \(found); expected \(expected)"
        case .referenced(let file, let path, let detail): return "\(file): \(path): \(detail)"
        }
    }

    /// The JSON path of the offending value, nil when the whole file is at fault.
    public var path: String? {
        switch self {
        case .unreadable: return nil
        case .invalid(_, let path, _, _), .referenced(_, let path, _): return path
        }
    }
}

extension SimulationError: JSONDocumentErrorConvertible {
    /// Keeps the shared reader's structured problem as "found …; expected …", with the position of a syntax error.
    public init(_ error: JSONDocumentError) {
        let path = error.position.map { "\(error.path) (\($0))" } ?? error.path
        self = .invalid(file: error.file, path: path, found: error.found, expected: error.expected)
    }
}
