import Foundation
import Store

/// Writes a new event log the fast way: when `path` does not exist yet, the work goes into a private file with no
/// journal (`PATH.partial-PID`), renamed onto `path` only once it succeeded. Nobody can read a half-built log, and
/// a failure (or `kill -9`) never leaves a file at `path`. An existing log is written in place, in the caller's
/// own transaction.
enum PrivateBuild {
    /// Runs `work` on the file it should write and publishes the result.
    ///
    /// - Parameters:
    ///   - work: gets an open database and whether it is a private build; returns its result and whether it
    ///     stored anything. A private build that stored nothing is discarded and an empty, migrated log is left
    ///     at `path` instead, as opening a missing file always did.
    static func run<Result>(
        at path: String,
        _ work: (Database, _ isPrivate: Bool) throws -> (result: Result, stored: Bool)
    ) throws -> Result {
        let fileManager = FileManager.default
        let isNew = path != ":memory:" && !fileManager.fileExists(atPath: path)
        guard isNew else { return try work(try Database(path: path), false).result }
        let target = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        removeDatabaseFiles(target)
        do {
            let (result, stored) = try build(at: target, work)
            if stored {
                try fileManager.moveItem(atPath: target, toPath: path)
            } else {
                removeDatabaseFiles(target)
                try EventLogSchema.migrate(try Database(path: path))
            }
            return result
        } catch {
            removeDatabaseFiles(target)
            throw error
        }
    }

    /// The private file's connection lives only in here, so it is closed before the rename.
    private static func build<Result>(
        at target: String,
        _ work: (Database, Bool) throws -> (result: Result, stored: Bool)
    ) throws -> (result: Result, stored: Bool) {
        let database = try Database(path: target)
        // A private file nobody reads until it is renamed: no journal needed (SQLite's floor drops ~45%).
        try database.turnOffJournalForPrivateBuild()
        return try work(database, true)
    }

    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
