import EventLog
import Store

/// A hand-built cart-recovery run of ten customers whose every metric was worked out by hand (see the table in
/// each test). Three arms: one-way (c1–c3), conversational (c4–c7, c10), holdout (c8, c9). Every text costs 1¢
/// (10,000 microdollars); t0 is the assignment time `start`, on an hour boundary.
///
/// - c1 one-way, new: delivered; "thanks" after 1 h (a reply, nobody answers); order 2 d later, $50 (cart k1).
/// - c2 one-way, vip: delivered; STOP after 10 min (keyword: no reply, an opt-out), confirmation sent.
/// - c3 one-way, new: the text failed (30006); order after 1 d, $30 (k3): converted, not delivered.
/// - c4 conv., new: "what size?" after 30 min at nudge (Sizing), automated answer 2 s later; order after 1 d, $80.
/// - c5 conv., vip: "human please" after 1 h (Agent); automated 1 s later; hand-off picked up after 5 min,
///   resolved 20 min after the question; order after 8 d, $40 (outside the 7 d window).
/// - c6 conv., new: "hey" after 4 d (outside the 72 h reply window), unanswered; the conversation expired.
/// - c7 conv., lapsed: "ship?" after 2 h (Shipping), automated 3 s later; hand-off abandoned; still open.
/// - c8 holdout, new: nothing sent; order after 3 d, $60 (k8). c9 holdout, vip: nothing.
/// - c10 conv., new: delivered, silent; conversation ended "no_reply".
enum KnownLog {
    static let run: Int64 = 1
    static let start: Int64 = 1_764_000_000_000
    static let second: Int64 = 1_000
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
    static let textCost: Int64 = 10_000

    static func batch() -> EventBatch {
        var batch = EventBatch()
        batch.runs = [
            RunRecord(
                id: run,
                kind: .simulation,
                source: "datasets/experiments/cart-recovery.json",
                seed: 42,
                configJSON: "{}",
                toolVersion: "test",
                createdAt: start
            )
        ]
        batch.variants = [
            VariantRecord(runID: run, variantID: 1, name: "one-way", flow: "oneway.json", share: 0.4, isHoldout: false),
            VariantRecord(
                runID: run,
                variantID: 2,
                name: "conversational",
                flow: "cart.json",
                share: 0.4,
                isHoldout: false
            ),
            VariantRecord(runID: run, variantID: 3, name: "holdout", flow: "", share: 0.2, isHoldout: true),
        ]
        let arms: [Int64: Int64] = [1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2, 10: 2, 8: 3, 9: 3]
        let segments: [Int64: String] = [
            1: "new", 2: "vip", 3: "new", 4: "new", 5: "vip", 6: "new", 7: "lapsed",
            8: "new", 9: "vip", 10: "new",
        ]
        for id in Int64(1)...10 {
            batch.customers.append(
                CustomerRecord(
                    runID: run,
                    customerID: id,
                    maskedPhone: "+1 415 ***-**\(10 + id)",
                    phoneHash: id,
                    timeZone: "America/Los_Angeles",
                    state: "CA",
                    segment: segments[id]!,
                    attributesJSON: "{}"
                )
            )
            batch.assignments.append(
                AssignmentRecord(runID: run, customerID: id, variantID: arms[id]!, assignedAt: start)
            )
            batch.carts.append(
                CartRecord(runID: run, cartID: "k\(id)", customerID: id, abandonedAt: start - hour, valueCents: 5_000)
            )
        }
        var messageID: Int64 = 0
        func text(
            _ customer: Int64,
            _ conversation: Int64?,
            _ direction: MessageDirection,
            _ kind: MessageKind,
            at: Int64,
            _ body: String,
            status: MessageStatus? = nil,
            node: String? = nil,
            error: Int64? = nil,
            intent: String? = nil,
            category: String? = nil
        ) {
            messageID += 1
            batch.messages.append(
                MessageRecord(
                    runID: run,
                    messageID: messageID,
                    customerID: customer,
                    conversationID: conversation,
                    direction: direction,
                    kind: kind,
                    at: start + at,
                    body: body,
                    segments: 1,
                    encoding: "GSM-7",
                    status: status ?? (direction == .inbound ? .received : .delivered),
                    costMicrodollars: textCost,
                    flowNode: node,
                    purpose: direction == .outbound ? (kind == .compliance ? .compliance : .marketing) : nil,
                    errorCode: error,
                    intent: intent,
                    category: category
                )
            )
        }
        func order(_ customer: Int64, at: Int64, cents: Int64) {
            batch.orders.append(
                OrderRecord(
                    runID: run,
                    orderID: Int64(batch.orders.count + 1),
                    customerID: customer,
                    at: start + at,
                    valueCents: cents,
                    cartID: "k\(customer)",
                    attributedMessageID: nil
                )
            )
        }
        func conversation(_ id: Int64, _ customer: Int64, ended: Int64?, _ outcome: String?) {
            batch.conversations.append(
                ConversationRecord(
                    runID: run,
                    conversationID: id,
                    customerID: customer,
                    flow: "cart.json",
                    startedAt: start + second,
                    endedAt: ended.map { start + $0 },
                    outcome: outcome,
                    path: "nudge"
                )
            )
        }
        // One-way arm: no conversations.
        text(1, nil, .outbound, .campaign, at: second, "Your cart is waiting")
        text(1, nil, .inbound, .customer, at: hour, "thanks", intent: "yes", category: "(ignored)")
        order(1, at: 2 * day, cents: 5_000)
        text(2, nil, .outbound, .campaign, at: second, "Your cart is waiting")
        text(2, nil, .inbound, .customer, at: 10 * minute, "STOP", intent: "stop", category: "(opt-out)")
        batch.consentEvents.append(
            ConsentEventRecord(
                runID: run,
                eventID: 1,
                customerID: 2,
                at: start + 10 * minute,
                kind: .optOut,
                keyword: "STOP",
                source: "keyword",
                scope: .marketing
            )
        )
        text(2, nil, .outbound, .compliance, at: 10 * minute + second, "You are unsubscribed")
        text(3, nil, .outbound, .campaign, at: second, "Your cart is waiting", status: .failed, error: 30006)
        order(3, at: day, cents: 3_000)
        // Conversational arm.
        conversation(1, 4, ended: day, "checkout_link_sent")
        text(4, 1, .outbound, .campaign, at: second, "Questions? Reply", node: "nudge")
        text(
            4,
            1,
            .inbound,
            .customer,
            at: 30 * minute,
            "what size?",
            node: "nudge",
            intent: "sizing",
            category: "Sizing"
        )
        text(4, 1, .outbound, .auto, at: 30 * minute + 2 * second, "Runs true to size", node: "sizing")
        order(4, at: day, cents: 8_000)
        conversation(2, 5, ended: hour + 20 * minute, "agent_resolved")
        text(5, 2, .outbound, .campaign, at: second, "Questions? Reply", node: "nudge")
        text(5, 2, .inbound, .customer, at: hour, "human please", node: "nudge", intent: "agent", category: "Agent")
        text(5, 2, .outbound, .auto, at: hour + second, "Connecting you", node: "agent")
        text(5, 2, .outbound, .agent, at: hour + 6 * minute, "Hi, Sam here")
        batch.handoffs.append(
            HandoffRecord(
                runID: run,
                handoffID: 1,
                conversationID: 2,
                customerID: 5,
                queue: "sales",
                queuedAt: start + hour + second,
                pickedUpAt: start + hour + 5 * minute,
                closedAt: start + hour + 20 * minute,
                resolution: .resolved,
                agentID: 1
            )
        )
        order(5, at: 8 * day, cents: 4_000)
        conversation(3, 6, ended: 4 * day + hour, "expired")
        text(6, 3, .outbound, .campaign, at: second, "Questions? Reply", node: "nudge")
        text(6, 3, .inbound, .customer, at: 4 * day, "hey", node: "nudge", intent: "chatter", category: "Other")
        conversation(4, 7, ended: nil, nil)
        text(7, 4, .outbound, .campaign, at: second, "Questions? Reply", node: "nudge")
        text(7, 4, .inbound, .customer, at: 2 * hour, "ship?", node: "nudge", intent: "shipping", category: "Shipping")
        text(7, 4, .outbound, .auto, at: 2 * hour + 3 * second, "Ships in 2 days", node: "shipping")
        batch.handoffs.append(
            HandoffRecord(
                runID: run,
                handoffID: 2,
                conversationID: 4,
                customerID: 7,
                queue: "sales",
                queuedAt: start + 3 * hour,
                pickedUpAt: nil,
                closedAt: start + 4 * hour,
                resolution: .abandoned,
                agentID: nil
            )
        )
        conversation(5, 10, ended: 2 * day, "no_reply")
        text(10, 5, .outbound, .campaign, at: second, "Questions? Reply", node: "nudge")
        // Holdout.
        order(8, at: 3 * day, cents: 6_000)
        batch.agentShifts = [
            AgentShiftRecord(runID: run, agentID: 1, startsAt: start, endsAt: start + 8 * hour, concurrency: 2)
        ]
        batch.suppressions = [
            SuppressionRecord(
                runID: run,
                suppressionID: 1,
                customerID: 6,
                at: start + 2 * day,
                reason: .quietHours,
                deferredUntil: start + 2 * day + 10 * hour,
                subject: "cart-recovery"
            ),
            SuppressionRecord(
                runID: run,
                suppressionID: 2,
                customerID: 10,
                at: start + day,
                reason: .frequencyCap,
                deferredUntil: nil,
                subject: "cart-recovery"
            ),
        ]
        return batch
    }

    /// The log in a fresh in-memory database, written through the Store's sink.
    static func database(_ batch: EventBatch = batch()) throws -> Database {
        try write(batch, into: try Database.inMemory())
    }

    /// The log written into `database` (a file or `:memory:`) through the Store's sink.
    @discardableResult
    static func write(_ batch: EventBatch = batch(), into database: Database) throws -> Database {
        try EventLogSchema.migrate(database)
        let writer = try EventLogWriter(database: database)
        try writer.append(batch)
        try writer.finish()
        return database
    }

    /// `KnownLog`'s run, plus `replies` extra inbound texts from customer c4 (at 1 h + index minutes).
    static func batch(withReplies replies: [String]) -> EventBatch {
        var batch = batch()
        for (index, body) in replies.enumerated() {
            batch.messages.append(
                MessageRecord(
                    runID: run,
                    messageID: 1_000 + Int64(index),
                    customerID: 4,
                    conversationID: 1,
                    direction: .inbound,
                    kind: .customer,
                    at: start + hour + Int64(index) * minute,
                    body: body,
                    segments: 1,
                    encoding: "GSM-7",
                    status: .received,
                    costMicrodollars: textCost,
                    flowNode: "sizing",
                    category: "Other"
                )
            )
        }
        return batch
    }
}

/// A run whose reply counts are a published example: one-way 48 of 80 delivered customers reply, conversational
/// 56 of 70 (Newcombe 1998, Statistics in Medicine 17, example (a): 56/70 − 48/80, interval 0.0524 to 0.3339).
enum PublishedRepliesLog {
    static func batch() -> EventBatch {
        var batch = EventBatch()
        let run = KnownLog.run
        let start = KnownLog.start
        batch.runs = [
            RunRecord(
                id: run,
                kind: .simulation,
                source: "newcombe.json",
                seed: 1,
                configJSON: "{}",
                toolVersion: "test",
                createdAt: start
            )
        ]
        batch.variants = [
            VariantRecord(runID: run, variantID: 1, name: "one-way", flow: "oneway.json", share: 0.5, isHoldout: false),
            VariantRecord(
                runID: run,
                variantID: 2,
                name: "conversational",
                flow: "cart.json",
                share: 0.5,
                isHoldout: false
            ),
        ]
        var messageID: Int64 = 0
        for id in Int64(1)...150 {
            let variant: Int64 = id <= 80 ? 1 : 2
            let replies = variant == 1 ? id <= 48 : id - 80 <= 56
            batch.customers.append(
                CustomerRecord(
                    runID: run,
                    customerID: id,
                    maskedPhone: "+1 415 ***-**00",
                    phoneHash: id,
                    timeZone: "America/New_York",
                    state: "NY",
                    segment: "new",
                    attributesJSON: "{}"
                )
            )
            batch.assignments.append(
                AssignmentRecord(runID: run, customerID: id, variantID: variant, assignedAt: start)
            )
            messageID += 1
            batch.messages.append(
                MessageRecord(
                    runID: run,
                    messageID: messageID,
                    customerID: id,
                    conversationID: nil,
                    direction: .outbound,
                    kind: .campaign,
                    at: start + 1_000,
                    body: "Hi",
                    segments: 1,
                    encoding: "GSM-7",
                    status: .delivered,
                    costMicrodollars: 7_900,
                    flowNode: nil
                )
            )
            if replies {
                messageID += 1
                batch.messages.append(
                    MessageRecord(
                        runID: run,
                        messageID: messageID,
                        customerID: id,
                        conversationID: nil,
                        direction: .inbound,
                        kind: .customer,
                        at: start + 60_000,
                        body: "yes",
                        segments: 1,
                        encoding: "GSM-7",
                        status: .received,
                        costMicrodollars: 0,
                        flowNode: nil
                    )
                )
            }
        }
        return batch
    }
}
