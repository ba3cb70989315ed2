import Dispatch
import Store

/// A reduction run on its own read-only connection on one of Dispatch's worker threads while the caller runs the
/// others: SQLite runs a statement on one core, and `customer_totals` alone is about half of an analysis. Both
/// connections see the same rows of the run, because a run lands in one transaction and is not written after.
final class BackgroundQuery<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once on the worker before `group` leaves; read only after `group.wait()`.
    private var result: Result<Value, any Error>?

    /// Starts `body` on a second connection to `database`'s file, or returns nil when there is no file to share
    /// (an in-memory database) or the connection may write (it could hold rows another connection cannot see).
    init?(sharing database: Database, _ body: @escaping @Sendable (Database) throws -> Value) {
        guard database.mode == .readOnly, database.path != ":memory:", !database.path.isEmpty else { return nil }
        let path = database.path
        DispatchQueue.global().async(group: group) { [self] in
            result = Result { try body(try Database(path: path, mode: .readOnly)) }
        }
    }

    /// Blocks until the query is done; rethrows its error.
    func value() throws -> Value {
        group.wait()
        guard let result else { preconditionFailure("BackgroundQuery finished without a result") }
        return try result.get()
    }
}
