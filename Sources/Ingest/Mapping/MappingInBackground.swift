import Dispatch
import Foundation
import JSONDocument

/// A mapping file read in two steps: at once, everything the log and orders parsers need; on a worker, while the
/// log is parsed, the per-customer rules, which only threading needs. Those rules are most of an exported mapping
/// (660,000 of them take about 2 s to read, the whole file's JSON 0.6 s).
public final class MappingInBackground: @unchecked Sendable {
    /// The mapping without its per-customer rules.
    public let early: ImportMapping
    private let group = DispatchGroup()
    /// Written once by the worker before `group` leaves; read only after `wait`.
    private var outcome: Result<[Int64: ImportMapping.CustomerRule], IngestError>?

    /// Reads the file at `path` and starts on its customers.
    /// - Throws: `IngestError.cannotRead`, or `.mapping` for a fault outside the customer rules (those are thrown
    ///   by `wait`).
    public init(path: String) throws(IngestError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(path: path, reason: "no such file or it cannot be read")
        }
        let (mapping, customers) = try ImportMapping.readingCustomersLater(parsing: [UInt8](data), file: path)
        early = mapping
        guard let customers else {
            outcome = .success([:])
            return
        }
        DispatchQueue.global().async(group: group) { [self] in
            outcome = Result { () throws(IngestError) in try ImportMapping.customerRules(customers) }
        }
    }

    /// Blocks until the customer rules are read; the whole mapping, or the located error they met.
    public func wait() throws(IngestError) -> ImportMapping {
        group.wait()
        var mapping = early
        mapping.customers = try outcome!.get()
        return mapping
    }
}
