import EventLog
import Sampling
import Store

/// A cart-recovery-shaped run of `customers` customers built straight from EventLog records (no simulator), so
/// `replylab-bench analyze` can time the analysis at any size. Every draw comes from the customer's own
/// `CustomerStream`: the same seed and size give the same log, whatever the batch size.
///
/// Shape: 45% one-way, 45% conversational, 10% holdout; every customer has a cart; one campaign text each
/// (1.5% fail with a carrier code); one-way customers reply 5% and STOP 1.5%; conversational customers reply 12%
/// with a drawn intent the router gets right 90% of the time, answered in seconds, "agent" intents handed off
/// (15% abandoned); orders 5% organic, 8% after a text, 30% after an answered reply. Numbers are made up to be
/// plausible, not measured.
struct AnalyzeRunGenerator {
    let customers: Int
    let seed: UInt64
    let run: Int64 = 1
    let start: Int64 = 1_764_687_600_000  // 2025-12-02 15:00 UTC

    static let intents = ["buy", "sizing", "shipping", "agent", "not_now", "chatter"]
    static let categories = ["Ready to buy", "Sizing", "Shipping", "Agent", "Not now", "Other"]
    static let bodies = [
        "ready, send the link", "does the 9 run small?", "how long is shipping to 02139?", "can I talk to a person",
        "maybe later", "<script>alert('hi')</script> lol, call me at (415) 555-0134",
    ]
    static let errorCodes: [Int64] = [30003, 30005, 30006, 30007, 21610]

    /// Writes the whole run into `database` through the Store's batched sink.
    func write(into database: Database, customersPerBatch: Int = 20_000) throws {
        try EventLogSchema.migrate(database)
        let writer = try EventLogWriter(database: database, indexes: .automatic)
        var header = EventBatch()
        header.runs = [
            RunRecord(
                id: run,
                kind: .simulation,
                source: "replylab-bench analyze (synthetic cart recovery)",
                seed: Int64(bitPattern: seed),
                configJSON: #"{"customers":\#(customers),"attribution":{"window_days":5}}"#,
                toolVersion: "bench",
                createdAt: start
            )
        ]
        header.variants = [
            VariantRecord(
                runID: run,
                variantID: 1,
                name: "one-way",
                flow: "abandoned-cart-oneway.json",
                share: 0.45,
                isHoldout: false
            ),
            VariantRecord(
                runID: run,
                variantID: 2,
                name: "conversational",
                flow: "abandoned-cart.json",
                share: 0.45,
                isHoldout: false
            ),
            VariantRecord(runID: run, variantID: 3, name: "holdout", flow: "", share: 0.10, isHoldout: true),
        ]
        for agent in Int64(1)...6 {
            for day in Int64(0)..<3 {
                let shiftStart = start + day * 86_400_000 + (agent <= 3 ? 0 : 4) * 3_600_000
                header.agentShifts.append(
                    AgentShiftRecord(
                        runID: run,
                        agentID: agent,
                        startsAt: shiftStart,
                        endsAt: shiftStart + 8 * 3_600_000,
                        concurrency: 3
                    )
                )
            }
        }
        try writer.append(header)
        var ids = Counters()
        var first = 0
        while first < customers {
            let last = min(customers, first + customersPerBatch)
            var batch = EventBatch()
            for customer in first..<last { add(customer: customer, to: &batch, ids: &ids) }
            try writer.append(batch)
            first = last
        }
        try writer.finish()
    }

    struct Counters {
        var message: Int64 = 0
        var conversation: Int64 = 0
        var handoff: Int64 = 0
        var order: Int64 = 0
        var consent: Int64 = 0
        var suppression: Int64 = 0
    }

    func add(customer index: Int, to batch: inout EventBatch, ids: inout Counters) {
        var random = CustomerStream(seed: seed, customer: UInt64(index))
        let id = Int64(index + 1)
        let draw = random.nextUnit()
        let variant: Int64 = draw < 0.45 ? 1 : draw < 0.9 ? 2 : 3
        let segment = ["new", "active", "lapsed", "vip"][random.nextIndex(4)]
        let t0 = start + Int64(random.nextBounded(36_000_000))
        batch.customers.append(
            CustomerRecord(
                runID: run,
                customerID: id,
                maskedPhone: "+1 415 ***-**\(10 + index % 90)",
                phoneHash: Int64(bitPattern: random.next()),
                timeZone: "America/New_York",
                state: "NY",
                segment: segment,
                attributesJSON: "{}"
            )
        )
        batch.assignments.append(AssignmentRecord(runID: run, customerID: id, variantID: variant, assignedAt: t0))
        let cartID = "cart-\(id)"
        let cartValue = 4_000 + Int64(random.nextBounded(12_000))
        batch.carts.append(
            CartRecord(runID: run, cartID: cartID, customerID: id, abandonedAt: t0 - 3_600_000, valueCents: cartValue)
        )
        var orderChance = 0.05
        var orderAfter = t0 + 3_600_000 + Int64(random.nextBounded(200_000_000))
        func message(
            _ direction: MessageDirection,
            _ kind: MessageKind,
            at: Int64,
            _ body: String,
            conversation: Int64?,
            node: String?,
            status: MessageStatus,
            error: Int64? = nil,
            intent: String? = nil,
            category: String? = nil
        ) {
            ids.message += 1
            batch.messages.append(
                MessageRecord(
                    runID: run,
                    messageID: ids.message,
                    customerID: id,
                    conversationID: conversation,
                    direction: direction,
                    kind: kind,
                    at: at,
                    body: body,
                    segments: 1,
                    encoding: "GSM-7",
                    status: status,
                    costMicrodollars: 8_300,
                    flowNode: node,
                    purpose: direction == .outbound ? (kind == .compliance ? .compliance : .marketing) : nil,
                    errorCode: error,
                    intent: intent,
                    category: category
                )
            )
        }
        if variant != 3 {
            let conversation: Int64? =
                variant == 2
                ? {
                    ids.conversation += 1
                    return ids.conversation
                }() : nil
            let node: String? = variant == 2 ? "nudge" : nil
            if random.nextBernoulli(0.002) {
                ids.suppression += 1
                batch.suppressions.append(
                    SuppressionRecord(
                        runID: run,
                        suppressionID: ids.suppression,
                        customerID: id,
                        at: t0,
                        reason: .quietHours,
                        deferredUntil: t0 + 3_600_000,
                        subject: "cart-recovery"
                    )
                )
            }
            let failed = random.nextBernoulli(0.015)
            message(
                .outbound,
                .campaign,
                at: t0,
                "Northwind: you left something in your cart. Reply STOP to opt out",
                conversation: conversation,
                node: node,
                status: failed ? .failed : .delivered,
                error: failed ? Self.errorCodes[random.nextIndex(Self.errorCodes.count)] : nil
            )
            var outcome: String? = "no_reply"
            var lastAt = t0
            if !failed {
                orderChance = 0.08
                let replyAt = t0 + 60_000 + Int64(random.nextBounded(20_000_000))
                if random.nextBernoulli(0.015) {
                    message(
                        .inbound,
                        .customer,
                        at: replyAt,
                        "STOP",
                        conversation: conversation,
                        node: node,
                        status: .received,
                        intent: "stop",
                        category: "(opt-out)"
                    )
                    ids.consent += 1
                    batch.consentEvents.append(
                        ConsentEventRecord(
                            runID: run,
                            eventID: ids.consent,
                            customerID: id,
                            at: replyAt,
                            kind: .optOut,
                            keyword: "STOP",
                            source: "keyword",
                            scope: .marketing
                        )
                    )
                    message(
                        .outbound,
                        .compliance,
                        at: replyAt + 2_000,
                        "You are unsubscribed.",
                        conversation: conversation,
                        node: nil,
                        status: .delivered
                    )
                    orderChance = 0.01
                    outcome = "opted_out"
                    lastAt = replyAt
                } else if variant == 1, random.nextBernoulli(0.05) {
                    message(
                        .inbound,
                        .customer,
                        at: replyAt,
                        "thanks!",
                        conversation: nil,
                        node: nil,
                        status: .received,
                        intent: "buy",
                        category: "(ignored)"
                    )
                } else if variant == 2, random.nextBernoulli(0.12) {
                    let intent = random.nextIndex(Self.intents.count)
                    let routed = random.nextBernoulli(0.9) ? intent : random.nextIndex(Self.categories.count)
                    message(
                        .inbound,
                        .customer,
                        at: replyAt,
                        Self.bodies[intent],
                        conversation: conversation,
                        node: node,
                        status: .received,
                        intent: Self.intents[intent],
                        category: Self.categories[routed]
                    )
                    let answerAt = replyAt + 1_000 + Int64(random.nextBounded(4_000))
                    message(
                        .outbound,
                        .auto,
                        at: answerAt,
                        "Happy to help",
                        conversation: conversation,
                        node: Self.intents[routed],
                        status: .delivered
                    )
                    lastAt = answerAt
                    outcome = "checkout_link_sent"
                    orderChance = 0.30
                    orderAfter = answerAt + Int64(random.nextBounded(100_000_000))
                    if routed == 3 {
                        ids.handoff += 1
                        let abandoned = random.nextBernoulli(0.15)
                        let pickedUp = answerAt + 30_000 + Int64(random.nextBounded(600_000))
                        let closed = pickedUp + 120_000 + Int64(random.nextBounded(600_000))
                        batch.handoffs.append(
                            HandoffRecord(
                                runID: run,
                                handoffID: ids.handoff,
                                conversationID: conversation!,
                                customerID: id,
                                queue: "sales",
                                queuedAt: answerAt,
                                pickedUpAt: abandoned ? nil : pickedUp,
                                closedAt: abandoned ? pickedUp : closed,
                                resolution: abandoned ? .abandoned : .resolved,
                                agentID: abandoned ? nil : 1 + Int64(random.nextBounded(6))
                            )
                        )
                        if !abandoned {
                            message(
                                .outbound,
                                .agent,
                                at: pickedUp + 20_000,
                                "Hi, Sam here",
                                conversation: conversation,
                                node: nil,
                                status: .delivered
                            )
                            outcome = "agent_resolved"
                        } else {
                            outcome = nil
                        }
                        lastAt = closed
                    }
                }
            }
            if let conversation {
                batch.conversations.append(
                    ConversationRecord(
                        runID: run,
                        conversationID: conversation,
                        customerID: id,
                        flow: "abandoned-cart.json",
                        startedAt: t0,
                        endedAt: outcome == nil ? nil : lastAt + 60_000,
                        outcome: outcome,
                        path: "nudge"
                    )
                )
            }
        }
        if random.nextBernoulli(orderChance) {
            ids.order += 1
            batch.orders.append(
                OrderRecord(
                    runID: run,
                    orderID: ids.order,
                    customerID: id,
                    at: orderAfter,
                    valueCents: cartValue,
                    cartID: cartID,
                    attributedMessageID: nil
                )
            )
        }
    }
}
