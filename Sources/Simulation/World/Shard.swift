import EventLog
import FlowEngine
import Messaging
import Population
import Sampling

/// A set of customers simulated on one event queue, through the real flow runtime and gate.
///
/// In the independent phase (`agents == nil`) customers never meet: a customer handed to an agent is set aside
/// with the events that follow, for the agents' phase, where every handed-off customer of the run shares one
/// queue and one `AgentDesk`. A customer who never meets an agent is therefore simulated exactly as they would
/// be in one big queue, and the split is the same whatever the number of threads.
struct Shard {
    let world: World
    var customers: [CustomerState]
    var queue: EventQueue<WorldEvent>
    var agents: AgentDesk?

    init(world: World, customers: [CustomerState], agents: AgentDesk? = nil) {
        self.world = world
        self.customers = customers
        self.agents = agents
        queue = EventQueue(start: world.experiment.start.epochMilliseconds, reservingCapacity: customers.count * 2)
    }

    /// Customers `range` of the population, their first texts (or, for the holdout, their organic orders)
    /// scheduled.
    static func independent(world: World, range: Range<Int>) -> Shard {
        var shard = Shard(world: world, customers: [])
        shard.customers.reserveCapacity(range.count)
        var schedules = RecipientSchedules(
            policy: world.runtimes.first?.gate.quietHours ?? OutboundGate.standard.quietHours
        )
        for i in range {
            let slot = Int32(shard.customers.count)
            shard.customers.append(CustomerState(world: world, index: i, schedules: &schedules))
            shard.scheduleOrganicOrder(slot)
            if world.plan.variant[i] != SendPlan.holdout {
                shard.schedule(.start, for: slot, at: world.plan.releasedAt[i])
            }
        }
        return shard
    }

    /// Runs every event up to the horizon.
    mutating func run() {
        while let next = queue.popNext() {
            guard next.time <= world.horizon else { break }
            handle(next.payload, at: next.time)
        }
        for slot in customers.indices where !customers[slot].transferred { close(Int32(slot)) }
    }

    // MARK: - Scheduling

    mutating func schedule(_ kind: WorldEvent.Kind, for slot: Int32, at time: Int64, argument: Int32 = 0) {
        let event = WorldEvent(
            customer: slot,
            kind: kind,
            argument: argument,
            generation: customers.isEmpty || slot < 0 ? 0 : customers[Int(slot)].generation
        )
        _ = queue.schedule(event, at: max(time, queue.now), priority: event.priority)
    }

    /// Schedules the wait's timeout and the expiry the session now holds; older timers go stale.
    mutating func rescheduleTimers(_ slot: Int32) {
        customers[Int(slot)].generation &+= 1
        let status = customers[Int(slot)].session.status
        if status == .waiting, let timeout = customers[Int(slot)].session.timeoutAt {
            schedule(.timeout, for: slot, at: timeout.epochMilliseconds)
        }
        if status == .waiting || status == .handedOff, let expiry = customers[Int(slot)].session.expiresAt {
            schedule(.expire, for: slot, at: expiry.epochMilliseconds)
        }
    }

    mutating func scheduleOrganicOrder(_ slot: Int32) {
        let draw = customers[Int(slot)].conversionDraw
        guard draw < world.behaviour.parameters.conversion.organic else { return }
        // The organic order's time: uniform over the window, from the conversion draw itself rescaled to [0, 1).
        let fraction = draw / world.behaviour.parameters.conversion.organic
        let at = world.plan.abandonedAt[customers[Int(slot)].index] + Int64(fraction * Double(world.windowMilliseconds))
        customers[Int(slot)].orderPlaced = true
        schedule(.order, for: slot, at: at)
    }

    // MARK: - Events

    mutating func handle(_ event: WorldEvent, at now: Int64) {
        let slot = event.customer
        if event.kind == .shiftStart || event.kind == .agentDone || event.kind == .agentAbandon
            || event.kind == .handoffArrives
        {
            handleAgentEvent(event, at: now)
            return
        }
        if customers[Int(slot)].transferred && agents == nil {
            customers[Int(slot)].carried.append(CustomerState.CarriedEvent(time: now, event: event))
            return
        }
        switch event.kind {
        case .start: start(slot, at: now)
        case .deliver: deliverDeferred(slot, index: Int(event.argument), at: now)
        case .read: read(slot, message: Int(event.argument), at: now)
        case .reply, .restart: reply(slot, index: Int(event.argument), at: now)
        case .timeout:
            guard event.generation == customers[Int(slot)].generation else { return }
            resume(slot, with: .timeout, at: now)
        case .expire:
            guard event.generation == customers[Int(slot)].generation else { return }
            resume(slot, with: .expired, at: now)
        case .order: placeOrder(slot, at: now)
        case .handoffArrives, .agentDone, .agentAbandon, .shiftStart: break
        }
    }

    mutating func start(_ slot: Int32, at now: Int64) {
        // The runtime is read in place, never copied: a copy retains and releases each of its dozens of arrays.
        let variant = customers[Int(slot)].variant
        let customerID = customers[Int(slot)].customerID
        customers[Int(slot)].records.conversation = ConversationRecord(
            runID: world.runID,
            conversationID: customerID,
            customerID: customerID,
            flow: world.runtimes[variant].flow.name,
            startedAt: now,
            endedAt: nil,
            outcome: nil,
            path: ""
        )
        let draw = customers[Int(slot)].behaviour.next()
        let step = world.arms[variant].start(
            takeSession(slot),
            at: now,
            draw: draw,
            schedule: customers[Int(slot)].schedule
        )
        apply(step, to: slot, at: now)
    }

    mutating func resume(_ slot: Int32, with input: FlowInput, at now: Int64) {
        let variant = customers[Int(slot)].variant
        guard variant >= 0 else { return }
        let draw = customers[Int(slot)].behaviour.next()
        let step = world.arms[variant].resume(
            takeSession(slot),
            with: input,
            at: now,
            draw: draw,
            schedule: customers[Int(slot)].schedule
        )
        apply(step, to: slot, at: now)
    }

    mutating func deliverDeferred(_ slot: Int32, index: Int, at now: Int64) {
        let text = customers[Int(slot)].deferred[index]
        let stillPending = customers[Int(slot)].session.pendingSends.contains {
            $0.at == text.at && $0.text == text.text && $0.node == text.node
        }
        guard stillPending else { return }
        transmit(text, to: slot, at: now)
    }

    /// The customer reads a delivered text: perhaps opts out, perhaps converts, perhaps replies.
    mutating func read(_ slot: Int32, message: Int, at now: Int64) {
        guard !customers[Int(slot)].optedOut else { return }
        let purpose = customers[Int(slot)].records.messages[message].purpose
        let kind = customers[Int(slot)].records.messages[message].kind
        let behaviour = world.behaviour
        let isMarketing = purpose == .marketing
        if isMarketing {
            customers[Int(slot)].marketingRead += 1
            engage(slot, chance: behaviour.parameters.conversion.afterRead, at: now)
            let chance = behaviour.optOutChance(
                count: customers[Int(slot)].marketingRead,
                irrelevant: customers[Int(slot)].irrelevant
            )
            if customers[Int(slot)].behaviour.nextUnit() < chance {
                draftReply(slot, intent: .stop, at: now)
                return
            }
        }
        let invitesReply = kind == .campaign || (kind == .auto && customers[Int(slot)].session.status == .waiting)
        guard invitesReply else { return }
        let population = world.population
        let i = customers[Int(slot)].index
        let repliesSent = customers[Int(slot)].repliesSent
        let local = world.zones[Int(population.timeZone[i])].localTime(at: Instant(epochMilliseconds: now))
        let chance = behaviour.replyChance(
            base: Double(population.replyPropensity[i]),
            personalised: customers[Int(slot)].personalised,
            segment: population.segment[i].position,
            repliesSoFar: repliesSent,
            localHour: Int(local.millisecondOfDay / 3_600_000)
        )
        guard customers[Int(slot)].behaviour.nextUnit() < chance else { return }
        let table = repliesSent == 0 ? behaviour.opening : behaviour.followUp
        let intent = table.draw(topic: population.question[i], &customers[Int(slot)].behaviour)
        draftReply(slot, intent: intent, at: now)
    }

    /// Picks the words for `intent` and schedules their arrival after the customer has typed them.
    mutating func draftReply(_ slot: Int32, intent: ReplyIntent, at now: Int64, kind: WorldEvent.Kind = .reply) {
        let phrasings = world.corpus.phrasings(of: intent)
        let phrasing = phrasings[customers[Int(slot)].behaviour.nextIndex(phrasings.count)]
        let text = ReplyCorpus.cased(phrasing, draw: customers[Int(slot)].behaviour.nextUnit())
        let delay = world.behaviour.typing.sample(&customers[Int(slot)].behaviour)
        customers[Int(slot)].replies.append(CustomerState.DrawnReply(intent: intent, text: text))
        schedule(kind, for: slot, at: now + delay, argument: Int32(customers[Int(slot)].replies.count - 1))
    }

    mutating func reply(_ slot: Int32, index: Int, at now: Int64) {
        let drawn = customers[Int(slot)].replies[index]
        let variant = customers[Int(slot)].variant
        guard variant >= 0 else { return }
        let status = customers[Int(slot)].session.status
        let waitingNode =
            status == .waiting ? world.runtimes[variant].flow.nodes[customers[Int(slot)].session.node].id : nil
        let draw = customers[Int(slot)].behaviour.next()
        let step = world.arms[variant].resume(
            takeSession(slot),
            with: .message(drawn.text),
            at: now,
            draw: draw,
            schedule: customers[Int(slot)].schedule
        )
        let customerID = customers[Int(slot)].customerID
        let customerIndex = customers[Int(slot)].index
        let segments = SegmentCount.of(drawn.text)
        customers[Int(slot)].records.messages.append(
            MessageRecord(
                runID: world.runID,
                messageID: Int64(customers[Int(slot)].records.messages.count),
                customerID: customerID,
                conversationID: customerID,
                direction: .inbound,
                kind: .customer,
                at: now,
                body: drawn.text,
                segments: Int64(segments.segments),
                encoding: segments.encoding.rawValue,
                status: .received,
                costMicrodollars: world.runtimes[variant].pricing.cost(of: segments).value,
                flowNode: waitingNode,
                subject: world.runtimes[variant].flow.subject,
                businessNumber: world.businessNumbers[customerIndex % world.businessNumbers.count],
                externalID: Carrier.sid(&customers[Int(slot)].sids),
                intent: drawn.intent.rawValue,
                category: Self.category(of: step.events)
            )
        )
        customers[Int(slot)].repliesSent += 1
        if drawn.intent.isQuestion && customers[Int(slot)].questionAt == nil { customers[Int(slot)].questionAt = now }
        apply(step, to: slot, at: now)
    }

    /// Where an inbound text went: the router's category, or the keyword layer's word in parentheses.
    static func category(of events: [FlowEvent]) -> String {
        for event in events {
            switch event {
            case .routed(_, let category): return category
            case .optedOut: return "(opt-out)"
            case .helpAnswered: return "(help)"
            case .optedIn: return "(opt-in)"
            case .flaggedForReview: return "(review)"
            case .forwardedToAgent: return "(agent)"
            case .ignored: return "(ignored)"
            default: continue
            }
        }
        return "(ignored)"
    }

    /// Raises the customer's conversion chance to `chance`; the order follows once it passes their draw.
    mutating func engage(_ slot: Int32, chance: Double, at now: Int64) {
        guard !customers[Int(slot)].orderPlaced else { return }
        let organic = world.behaviour.parameters.conversion.organic
        guard customers[Int(slot)].conversionDraw < organic + (1 - organic) * chance else { return }
        customers[Int(slot)].orderPlaced = true
        let delay = world.behaviour.orderDelay.sample(&customers[Int(slot)].behaviour)
        schedule(.order, for: slot, at: now + delay)
    }

    mutating func placeOrder(_ slot: Int32, at now: Int64) {
        let i = customers[Int(slot)].index
        guard now <= world.plan.plannedAt[i] + world.windowMilliseconds else { return }
        let cents = world.population.cartTotalCents[i]
        guard cents > 0 else { return }
        let lastDelivered = customers[Int(slot)].records.messages.lastIndex {
            $0.direction == .outbound && $0.status == .delivered && $0.at <= now
        }
        customers[Int(slot)].records.orders.append(
            OrderRecord(
                runID: world.runID,
                orderID: 0,
                customerID: customers[Int(slot)].customerID,
                at: now,
                valueCents: cents,
                cartID: CustomerAttributesWriter.cartID(i),
                attributedMessageID: lastDelivered.map(Int64.init)
            )
        )
    }

    // MARK: - The runtime's events

    /// The customer's session, moved out for the runtime (a vacant one holds its place until `apply` puts the
    /// step's back): passing it in place copied it, a retain and a release of each of its fields per call.
    private mutating func takeSession(_ slot: Int32) -> FlowSession {
        var session = Self.vacantSession
        swap(&session, &customers[Int(slot)].session)
        return session
    }

    private static let vacantSession = FlowSession(
        contact: .null,
        recipient: RecipientCompliance(phone: nil, timeZones: [], state: nil)
    )

    mutating func apply(_ step: consuming FlowStep, to slot: Int32, at now: Int64) {
        var step = step
        swap(&customers[Int(slot)].session, &step.session)
        for event in step.events {
            switch event {
            case .sent(let text):
                if let deferral = text.deferral {
                    suppress(slot, hold: deferral, until: text.at.epochMilliseconds, at: now)
                    customers[Int(slot)].deferred.append(text)
                    schedule(
                        .deliver,
                        for: slot,
                        at: text.at.epochMilliseconds,
                        argument: Int32(customers[Int(slot)].deferred.count - 1)
                    )
                } else {
                    transmit(text, to: slot, at: now)
                }
            case .suppressed(_, _, let hold):
                suppress(slot, hold: hold, until: nil, at: now)
            case .routed(let node, let category):
                customers[Int(slot)].path.append("\(node):\(category)")
            case .handedOff(_, let queue, _, _):
                openHandoff(slot, queue: queue, at: now)
            case .goal(let name, _):
                if name == "checkout_link_sent" {
                    let asked = customers[Int(slot)].questionAt.map { Double(now - $0) / 60_000 } ?? 0
                    let chance = world.behaviour.answered(
                        world.behaviour.parameters.conversion.afterAnswer,
                        afterMinutes: asked
                    )
                    engage(slot, chance: chance, at: now)
                }
            case .consentCaptured(let source):
                consent(slot, .optIn, keyword: nil, source: source.rawValue, at: now)
            case .optedOut(let keyword):
                customers[Int(slot)].optedOut = true
                // The engine decides the scope (a carrier keyword always revokes everything); record what it kept.
                let kept = customers[Int(slot)].session.recipient.consent.optOutScope(
                    at: Instant(epochMilliseconds: now)
                )
                consent(
                    slot,
                    .optOut,
                    keyword: keyword,
                    source: ConsentSource.keyword.rawValue,
                    at: now,
                    scope: kept.flatMap { ConsentScope(rawValue: $0.rawValue) }
                )
                let restart = world.behaviour.parameters.optOut.restart
                if customers[Int(slot)].behaviour.nextUnit() < restart {
                    let delay = world.behaviour.restartDelay.sample(&customers[Int(slot)].behaviour)
                    draftReply(slot, intent: .start, at: now + delay, kind: .restart)
                }
            case .optedIn(let keyword):
                customers[Int(slot)].optedOut = false
                consent(slot, .optIn, keyword: keyword, source: ConsentSource.keyword.rawValue, at: now)
            case .helpAnswered:
                consent(slot, .help, keyword: "HELP", source: ConsentSource.keyword.rawValue, at: now)
            case .flaggedForReview(let text, let keyword):
                consent(slot, .reviewHold, keyword: keyword ?? text, source: ConsentSource.keyword.rawValue, at: now)
            case .ended(let outcome, _):
                customers[Int(slot)].records.conversation?.endedAt = now
                customers[Int(slot)].records.conversation?.outcome = outcome
                if customers[Int(slot)].questionAt != nil {
                    engage(slot, chance: world.behaviour.parameters.conversion.unanswered, at: now)
                }
            case .sendCancelled, .waiting, .forwardedToAgent, .fieldSet, .tagged, .ignored:
                break
            }
        }
        rescheduleTimers(slot)
    }

    /// Sends `text` through the carrier now and, when it reaches the handset, schedules its reading.
    mutating func transmit(_ text: OutboundText, to slot: Int32, at now: Int64) {
        let isCompliance = text.purpose == .compliance
        let numberFault = customers[Int(slot)].numberFault
        let optedOut = customers[Int(slot)].optedOut
        let outcome = world.carrier.transmit(
            at: now,
            isCompliance: isCompliance,
            numberFault: numberFault,
            optedOut: optedOut,
            &customers[Int(slot)].carrier
        )
        let first = customers[Int(slot)].outboundCount == 0
        let kind: MessageKind = isCompliance ? .compliance : (first && text.purpose == .marketing ? .campaign : .auto)
        appendOutbound(
            slot,
            body: text.text,
            segments: text.segments,
            cost: text.cost,
            node: text.node,
            purpose: text.purpose,
            kind: kind,
            subject: world.runtimes[customers[Int(slot)].variant].flow.subject,
            outcome: outcome,
            at: now
        )
    }

    mutating func appendOutbound(
        _ slot: Int32,
        body: String,
        segments: SegmentCount,
        cost: Microdollars,
        node: String?,
        purpose: MessagePurpose,
        kind: MessageKind,
        subject: String,
        outcome: Carrier.Outcome,
        at now: Int64
    ) {
        let index = customers[Int(slot)].records.messages.count
        let customerID = customers[Int(slot)].customerID
        let customerIndex = customers[Int(slot)].index
        customers[Int(slot)].records.messages.append(
            MessageRecord(
                runID: world.runID,
                messageID: Int64(index),
                customerID: customerID,
                conversationID: customerID,
                direction: .outbound,
                kind: kind,
                at: now,
                body: body,
                segments: Int64(segments.segments),
                encoding: segments.encoding.rawValue,
                status: outcome.status,
                costMicrodollars: outcome.billed ? cost.value : 0,
                flowNode: node,
                purpose: purpose,
                subject: subject,
                businessNumber: world.businessNumbers[customerIndex % world.businessNumbers.count],
                externalID: Carrier.sid(&customers[Int(slot)].sids),
                errorCode: outcome.errorCode
            )
        )
        customers[Int(slot)].outboundCount += 1
        if let delivered = outcome.deliveredAt, purpose != .compliance {
            let delay = world.behaviour.readDelay.sample(&customers[Int(slot)].behaviour)
            schedule(.read, for: slot, at: delivered + delay, argument: Int32(index))
        }
    }

    mutating func suppress(_ slot: Int32, hold: SendHold, until: Int64?, at now: Int64) {
        let variant = customers[Int(slot)].variant
        customers[Int(slot)].records.suppressions.append(
            SuppressionRecord(
                runID: world.runID,
                suppressionID: 0,
                customerID: customers[Int(slot)].customerID,
                at: now,
                reason: hold.cause,
                deferredUntil: until,
                subject: variant >= 0 ? world.runtimes[variant].flow.subject : "",
                rule: hold.rule
            )
        )
    }

    mutating func consent(
        _ slot: Int32,
        _ kind: ConsentEventKind,
        keyword: String?,
        source: String,
        at now: Int64,
        scope kept: ConsentScope? = nil
    ) {
        let scope: ConsentScope? =
            kind == .optOut ? kept ?? ConsentScope(rawValue: world.behaviour.parameters.optOut.scope.rawValue) : nil
        customers[Int(slot)].records.consentEvents.append(
            ConsentEventRecord(
                runID: world.runID,
                eventID: 0,
                customerID: customers[Int(slot)].customerID,
                at: now,
                kind: kind,
                keyword: keyword,
                source: source,
                scope: scope
            )
        )
    }

    // MARK: - Hand-offs

    mutating func openHandoff(_ slot: Int32, queue: String, at now: Int64) {
        let customer = customers[Int(slot)]
        customers[Int(slot)].records.handoffs.append(
            HandoffRecord(
                runID: world.runID,
                handoffID: 0,
                conversationID: customer.customerID,
                customerID: customer.customerID,
                queue: queue,
                queuedAt: now,
                pickedUpAt: nil,
                closedAt: nil,
                resolution: .open,
                agentID: nil
            )
        )
        customers[Int(slot)].handoff = CustomerState.OpenHandoff(
            queue: queue,
            queuedAt: now,
            record: customer.records.handoffs.count,
            isReview: queue == "review"
        )
        if agents == nil {
            customers[Int(slot)].transferred = true
        } else {
            schedule(.handoffArrives, for: slot, at: now)
        }
    }

    /// Writes the conversation's path once the customer's story is over (or the horizon reached).
    mutating func close(_ slot: Int32) {
        let path = customers[Int(slot)].path.joined(separator: ">")
        customers[Int(slot)].records.conversation?.path = path
    }
}

extension CustomerSegment {
    /// Position in `allCases`, for array look-ups.
    var position: Int {
        switch self {
        case .new: 0
        case .active: 1
        case .lapsed: 2
        case .vip: 3
        }
    }
}
