import JSONDocument

/// Why an import stopped before loading anything: each case names the file and what to do, in one line.
///
/// A bad *row* is never an error: it goes to quarantine and the import goes on. These are the problems that make
/// the whole file unusable (no Sid column, a UTF-16 file, a mapping file with a typo).
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case cannotRead(path: String, reason: String)
    /// The file is in another encoding than UTF-8.
    case notUTF8File(path: String, encoding: String)
    /// The file has no header row.
    case emptyFile(path: String)
    /// A column the import needs is missing from the header; `accepted` lists the spellings looked for.
    case missingColumn(path: String, column: String, accepted: [String])
    /// Two header cells name the same column (after aliases).
    case duplicateColumn(path: String, column: String, headers: [String])
    /// The header row itself is damaged.
    case badHeader(path: String, reason: String)
    /// The mapping file is not what the import expects, with its JSON path.
    case mapping(JSONDocumentError)
    /// The run to add orders to does not exist or is not an import.
    case noSuchImportRun(path: String, runID: Int64)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "\(path): cannot read the file: \(reason)"
        case .notUTF8File(let path, let encoding):
            return "\(path): the file is \(encoding); save it as UTF-8 (CSV UTF-8 in Excel) and import it again"
        case .emptyFile(let path):
            return "\(path): the file is empty; a CSV export starts with a header row"
        case .missingColumn(let path, let column, let accepted):
            return "\(path): the header has no \(column) column; accepted names are "
                + accepted.joined(separator: ", ") + " (or name it in the mapping file's \"columns\")"
        case .duplicateColumn(let path, let column, let headers):
            return "\(path): the header names the \(column) column twice ("
                + headers.map { "'\($0)'" }.joined(separator: " and ") + "); keep one"
        case .badHeader(let path, let reason):
            return "\(path): line 1 (header): \(reason)"
        case .mapping(let error):
            return error.description
        case .noSuchImportRun(let path, let runID):
            return "\(path): run \(runID) is not an import run"
        }
    }
}

extension IngestError: JSONDocumentErrorConvertible {
    public init(_ error: JSONDocumentError) {
        self = .mapping(error)
    }
}
