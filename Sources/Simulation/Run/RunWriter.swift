import EventLog

/// Hands shards' rows to a sink in shard order: adds the run's running bases to their shard-local ids (messages,
/// hand-offs, orders, consent events, suppressions), fixes orders' message references, and sums the summary.
/// It touches each id once and copies nothing, so the sink's thread spends its time in the sink.
struct RunWriter<Sink: EventSink> {
    var summary: RunSummary
    var nextMessage: Int64 = 1
    var nextHandoff: Int64 = 1
    var nextOrder: Int64 = 1
    var nextConsent: Int64 = 1
    var nextSuppression: Int64 = 1

    init(world: World) {
        summary = RunSummary(runID: world.runID, seed: world.seed, arms: ShardRows(world: world).arms)
    }

    /// Rows that carry their own ids (the run record, variants, shifts), stored as they are.
    mutating func write(header batch: EventBatch, into sink: inout Sink) throws {
        guard !batch.isEmpty else { return }
        try sink.append(batch)
    }

    /// Numbers `rows` after everything written so far, stores them, and adds their tallies.
    mutating func write(_ rows: inout ShardRows, into sink: inout Sink) throws {
        let messageBase = nextMessage
        for k in rows.batch.messages.indices { rows.batch.messages[k].messageID += messageBase }
        for k in rows.batch.handoffs.indices { rows.batch.handoffs[k].handoffID += nextHandoff }
        for k in rows.batch.orders.indices {
            rows.batch.orders[k].orderID += nextOrder
            if let message = rows.batch.orders[k].attributedMessageID {
                rows.batch.orders[k].attributedMessageID = message + messageBase
            }
        }
        for k in rows.batch.consentEvents.indices { rows.batch.consentEvents[k].eventID += nextConsent }
        for k in rows.batch.suppressions.indices { rows.batch.suppressions[k].suppressionID += nextSuppression }
        nextMessage += Int64(rows.batch.messages.count)
        nextHandoff += Int64(rows.batch.handoffs.count)
        nextOrder += Int64(rows.batch.orders.count)
        nextConsent += Int64(rows.batch.consentEvents.count)
        nextSuppression += Int64(rows.batch.suppressions.count)
        for (slot, arm) in rows.arms.enumerated() { summary.arms[slot].add(arm) }
        if !rows.batch.isEmpty { try sink.append(rows.batch) }
    }
}
