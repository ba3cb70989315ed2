import EventLog
import Messaging
import Population

/// Turns customers' rows into `EventBatch`es for a sink: numbers messages, hand-offs, orders, consent events and
/// suppressions in the order customers are written, fixes orders' message references, and tallies the summary.
struct RunWriter<Sink: EventSink> {
    let world: World
    var batch = EventBatch()
    var summary: RunSummary
    var nextMessage: Int64 = 1
    var nextHandoff: Int64 = 1
    var nextOrder: Int64 = 1
    var nextConsent: Int64 = 1
    var nextSuppression: Int64 = 1
    /// Records per batch handed to the sink.
    static var flushEvery: Int { 50_000 }

    init(world: World) {
        self.world = world
        var arms = world.experiment.variants.map { RunSummary.Arm(name: $0.name, isHoldout: false) }
        if let holdout = world.experiment.holdout { arms.append(RunSummary.Arm(name: holdout.name, isHoldout: true)) }
        summary = RunSummary(runID: world.runID, seed: world.seed, arms: arms)
    }

    /// The arm's position in the summary (the holdout last).
    func arm(_ variant: Int) -> Int { variant >= 0 ? variant : world.experiment.variants.count }

    /// The customer's own row, assignment and cart (written before any of their messages).
    mutating func addCustomer(_ i: Int, into sink: inout Sink) throws {
        let world = world
        let population = world.population
        let national =
            Int64(population.areaCode[i]) * 10_000_000 + Int64(population.exchange[i]) * 10_000
            + Int64(population.line[i])
        let phone = try PhoneNumber(nationalNumber: national, allowFictional: true)
        batch.customers.append(
            CustomerRecord(
                runID: world.runID,
                customerID: Int64(i),
                maskedPhone: phone.masked,
                phoneHash: Int64(bitPattern: phone.keyedHash(key: world.phoneHashKey)),
                timeZone: population.timeZoneTable[Int(population.timeZone[i])],
                state: population.stateTable[Int(population.state[i])],
                segment: population.segment[i].rawValue,
                attributesJSON: world.attributes.json(i),
                fictionalPhone: phone.e164
            )
        )
        let variant = Int(world.plan.variant[i])
        batch.assignments.append(
            AssignmentRecord(
                runID: world.runID,
                customerID: Int64(i),
                variantID: variant >= 0 ? Int64(variant + 1) : world.holdoutVariantID,
                assignedAt: world.plan.plannedAt[i]
            )
        )
        if population.cartTotalCents[i] > 0 {
            batch.carts.append(
                CartRecord(
                    runID: world.runID,
                    cartID: CustomerAttributesWriter.cartID(i),
                    customerID: Int64(i),
                    abandonedAt: world.plan.abandonedAt[i],
                    valueCents: population.cartTotalCents[i]
                )
            )
        }
        summary.arms[arm(variant)].customers += 1
        try flushIfFull(into: &sink)
    }

    /// The rows the customer's story produced.
    mutating func addRecords(of customer: CustomerState, into sink: inout Sink) throws {
        let records = customer.records
        let base = nextMessage
        var tally = summary.arms[arm(customer.variant)]
        for var message in records.messages {
            message.messageID += base
            if message.direction == .outbound {
                tally.messages += 1
                if message.status == .delivered { tally.delivered += 1 }
            } else {
                tally.replies += 1
            }
            tally.costMicrodollars += message.costMicrodollars
            batch.messages.append(message)
        }
        nextMessage += Int64(records.messages.count)
        if var conversation = records.conversation {
            if conversation.path.isEmpty { conversation.path = customer.path.joined(separator: ">") }
            batch.conversations.append(conversation)
        }
        for var handoff in records.handoffs {
            handoff.handoffID = nextHandoff
            nextHandoff += 1
            tally.handoffs += 1
            if handoff.resolution == .abandoned { tally.abandonedHandoffs += 1 }
            batch.handoffs.append(handoff)
        }
        for var order in records.orders {
            order.orderID = nextOrder
            nextOrder += 1
            order.attributedMessageID = order.attributedMessageID.map { $0 + base }
            tally.orders += 1
            tally.revenueCents += order.valueCents
            batch.orders.append(order)
        }
        for var event in records.consentEvents {
            event.eventID = nextConsent
            nextConsent += 1
            if event.kind == .optOut { tally.optOuts += 1 }
            batch.consentEvents.append(event)
        }
        for var suppression in records.suppressions {
            suppression.suppressionID = nextSuppression
            nextSuppression += 1
            tally.suppressions += 1
            batch.suppressions.append(suppression)
        }
        summary.arms[arm(customer.variant)] = tally
        try flushIfFull(into: &sink)
    }

    mutating func flushIfFull(into sink: inout Sink) throws {
        if batch.count >= Self.flushEvery { try flush(into: &sink) }
    }

    mutating func flush(into sink: inout Sink) throws {
        guard !batch.isEmpty else { return }
        try sink.append(batch)
        batch = EventBatch()
    }
}
