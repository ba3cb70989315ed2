/// Why an analysis could not be made; each case names what to fix.
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--window` text that is neither a preset nor `key=duration` overrides.
    case badWindow(String, reason: String)
    /// The event log holds no run with this id.
    case noSuchRun(Int64, known: [Int64])
    /// The event log holds no run at all.
    case emptyLog(path: String)

    public var description: String {
        switch self {
        case .badWindow(let text, let reason): "attribution window '\(text)': \(reason)"
        case .noSuchRun(let id, let known):
            known.isEmpty
                ? "no run \(id) in the event log (it holds none)"
                : "no run \(id) in the event log; runs: \(known.map(String.init).joined(separator: ", "))"
        case .emptyLog(let path): "\(path) holds no run yet: simulate or import one first"
        }
    }
}
