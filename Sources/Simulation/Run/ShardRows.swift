import EventLog
import Messaging
import Population

/// One shard's event-log rows, built on the shard's own thread so the thread that feeds the sink only numbers
/// and stores them.
///
/// Ids are local to the shard: message, hand-off, order, consent-event and suppression ids count from 0 in the
/// order customers are added (an order's `attributedMessageID` too). `RunWriter` adds the run's running bases
/// when the shard is written, so ids never depend on shards or threads.
struct ShardRows: Sendable {
    var batch = EventBatch()
    /// Per arm, in `RunSummary` order (the holdout last).
    var arms: [RunSummary.Arm]

    init(world: World) {
        arms = world.experiment.variants.map { RunSummary.Arm(name: $0.name, isHoldout: false) }
        if let holdout = world.experiment.holdout { arms.append(RunSummary.Arm(name: holdout.name, isHoldout: true)) }
    }

    /// The rows of a finished shard: every customer's own row, and the story of each one not handed to an
    /// agent. Handed-off customers are returned for the agents' phase.
    ///
    /// - Complexity: O(rows), each record copied once, on the calling (shard) thread. Customers are passed
    ///   `inout`: iterating them by value copied each one, a retain and a release of every array it holds.
    static func independent(
        world: World,
        customers: inout [CustomerState]
    ) throws -> (rows: ShardRows, handedOff: [CustomerState]) {
        var rows = ShardRows(world: world)
        var handedOff: [CustomerState] = []
        for slot in customers.indices {
            try rows.addCustomer(&customers[slot], world: world)
            if customers[slot].transferred {
                handedOff.append(customers[slot])
            } else {
                rows.addRecords(of: &customers[slot], world: world)
            }
        }
        return (rows, handedOff)
    }

    /// The stories of customers whose own rows were written earlier (the agents' phase).
    static func stories(world: World, customers: inout [CustomerState]) -> ShardRows {
        var rows = ShardRows(world: world)
        for slot in customers.indices { rows.addRecords(of: &customers[slot], world: world) }
        return rows
    }

    /// The arm's position in `arms` (the holdout last).
    private func arm(_ variant: Int, world: World) -> Int { variant >= 0 ? variant : world.experiment.variants.count }

    /// The customer's own row, assignment and cart (written before any of their messages).
    mutating func addCustomer(_ customer: inout CustomerState, world: World) throws {
        let i = customer.index
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
                attributesJSON: customer.attributesJSON,
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
        arms[arm(variant, world: world)].customers += 1
    }

    /// The rows the customer's story produced, moved out of the customer (left with none).
    mutating func addRecords(of customer: inout CustomerState, world: World) {
        var records = CustomerRecords()
        swap(&records, &customer.records)
        let base = Int64(batch.messages.count)
        var tally = arms[arm(customer.variant, world: world)]
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
        if var conversation = records.conversation {
            if conversation.path.isEmpty { conversation.path = customer.path.joined(separator: ">") }
            batch.conversations.append(conversation)
        }
        for var handoff in records.handoffs {
            handoff.handoffID = Int64(batch.handoffs.count)
            tally.handoffs += 1
            if handoff.resolution == .abandoned { tally.abandonedHandoffs += 1 }
            batch.handoffs.append(handoff)
        }
        for var order in records.orders {
            order.orderID = Int64(batch.orders.count)
            order.attributedMessageID = order.attributedMessageID.map { $0 + base }
            tally.orders += 1
            tally.revenueCents += order.valueCents
            batch.orders.append(order)
        }
        for var event in records.consentEvents {
            event.eventID = Int64(batch.consentEvents.count)
            if event.kind == .optOut { tally.optOuts += 1 }
            batch.consentEvents.append(event)
        }
        for var suppression in records.suppressions {
            suppression.suppressionID = Int64(batch.suppressions.count)
            tally.suppressions += 1
            batch.suppressions.append(suppression)
        }
        arms[arm(customer.variant, world: world)] = tally
    }
}

extension RunSummary.Arm {
    /// Adds another tally of the same arm.
    mutating func add(_ other: RunSummary.Arm) {
        customers += other.customers
        messages += other.messages
        delivered += other.delivered
        replies += other.replies
        handoffs += other.handoffs
        abandonedHandoffs += other.abandonedHandoffs
        orders += other.orders
        revenueCents += other.revenueCents
        optOuts += other.optOuts
        suppressions += other.suppressions
        costMicrodollars += other.costMicrodollars
    }
}
