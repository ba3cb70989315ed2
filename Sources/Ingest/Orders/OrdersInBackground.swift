import Dispatch

/// An orders file parsed on a worker thread while the message log is read on the caller's: the two passes touch
/// different files and share nothing, and the orders pass is about a second at 10^6 rows.
final class OrdersInBackground: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once by the worker before `group` leaves; read only after `wait`.
    private var outcome: Result<ParsedOrders, IngestError>?

    init(path: String, mapping: ImportMapping) {
        DispatchQueue.global().async(group: group) { [self] in
            outcome = Result { () throws(IngestError) in try OrdersParser(mapping: mapping).parse(path: path) }
        }
    }

    /// Blocks until the parse is done; its orders, or the error it met.
    func wait() throws(IngestError) -> ParsedOrders {
        group.wait()
        return try outcome!.get()
    }
}
