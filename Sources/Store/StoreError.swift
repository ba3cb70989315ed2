/// What the store itself refuses before SQLite is asked: a missing file, a schema it does not know.
///
/// SQLite's own refusals are `SQLiteError`; these are the store's, each naming the file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A read-only open of a file that does not exist (SQLite would only say "unable to open").
    case noSuchDatabase(path: String)
    /// The file was written by a newer ReplyLab whose schema this build does not know.
    case newerSchema(path: String, fileVersion: Int64, supportedVersion: Int64)
    /// A read-only database whose schema is older than this build's and cannot be migrated in place.
    case outdatedReadOnlySchema(path: String, fileVersion: Int64, supportedVersion: Int64)
    /// `append` after `finish`: the producer would lose these records.
    case writerFinished(path: String)

    public var description: String {
        switch self {
        case .noSuchDatabase(let path):
            return "no database at '\(path)'; create one with 'replylab db init \(path)'"
        case .newerSchema(let path, let fileVersion, let supportedVersion):
            return "'\(path)' has event-log schema version \(fileVersion), but this replylab knows versions up to "
                + "\(supportedVersion); upgrade replylab to read it"
        case .outdatedReadOnlySchema(let path, let fileVersion, let supportedVersion):
            return "'\(path)' has event-log schema version \(fileVersion), older than \(supportedVersion); "
                + "run 'replylab db init \(path)' to migrate it"
        case .writerFinished(let path):
            return "event-log writer for '\(path)' was already finished; records appended after finish are refused"
        }
    }
}
