/// Where producers (simulator, importer, population generator) write the event log, without knowing SQLite.
///
/// Producers call `append` with batches as large as is convenient (a shard, a file chunk) and `finish` once
/// at the end. A sink may buffer; only after `finish` returns are all records guaranteed to be stored. Write
/// generic code (`func run<Sink: EventSink>(into sink: inout Sink)`) rather than `any EventSink`, so hot
/// loops stay specialised.
public protocol EventSink {
    /// Stores every record of `batch`, tables in foreign-key order. Throws the sink's own error type when a
    /// record is refused (a duplicate id, a customer that does not exist); the batch is then not stored.
    mutating func append(_ batch: EventBatch) throws

    /// Told that the bulk of the load is in and only a few rows will follow (a simulation's agents' phase), so
    /// a sink that deferred work to `finish` (building indexes) can do it while the producer computes the rest.
    mutating func bulkLoadDidEnd() throws

    /// Makes everything appended so far durable and releases what the sink holds open.
    mutating func finish() throws
}

extension EventSink {
    /// Does nothing: most sinks defer nothing.
    public mutating func bulkLoadDidEnd() throws {}
}

/// A sink that just keeps every record in memory, for producers' tests and for small pipelines.
///
/// It checks nothing that SQLite would (no keys, no foreign keys): it is a recorder, not a database.
public struct CollectingEventSink: EventSink, Sendable {
    /// Everything appended so far, in arrival order within each table.
    public private(set) var collected = EventBatch()
    /// How many times `append` was called, to check a producer's batching.
    public private(set) var batchCount = 0
    /// True once `finish` was called.
    public private(set) var isFinished = false

    public init() {}

    /// - Complexity: O(`batch.count`) amortised.
    public mutating func append(_ batch: EventBatch) {
        collected.append(contentsOf: batch)
        batchCount += 1
    }

    public mutating func finish() {
        isFinished = true
    }
}
