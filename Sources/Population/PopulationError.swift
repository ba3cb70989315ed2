/// Everything that can stop a population from being built, with what the message needs: the file, the JSON
/// path of the offending value and what is wrong with it.
public enum PopulationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A spec, catalog or name file could not be read.
    case unreadable(file: String, reason: String)
    /// A value in a spec, catalog or name file is missing, of the wrong type or out of range.
    case invalid(file: String, path: String, reason: String)
    /// The population cannot be generated as asked (e.g. more customers than fictional numbers in an area code).
    case cannotGenerate(reason: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): \(reason)"
        case .invalid(let file, let path, let reason): return "\(file): \(path): \(reason)"
        case .cannotGenerate(let reason): return "cannot generate the population: \(reason)"
        }
    }

    /// The JSON path for `.invalid`, nil otherwise; tests and tools read it without parsing the message.
    public var path: String? {
        if case .invalid(_, let path, _) = self { return path }
        return nil
    }
}
