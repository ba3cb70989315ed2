/// Why a report, CSV or chart could not be written; the message names the file.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder could not be created or written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
