/// A run the audit cannot read, named so the CLI can say which to pick instead.
public enum AuditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No run with this id; `available` lists the runs that could be audited.
    case noSuchRun(id: Int64, available: [Int64])
    /// The log holds no simulated or imported run.
    case noRuns

    public var description: String {
        switch self {
        case .noSuchRun(let id, let available):
            let list = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
            return "no simulated or imported run \(id) in the log; runs there: \(list)"
        case .noRuns:
            return "the log holds no simulated or imported run to audit"
        }
    }
}
