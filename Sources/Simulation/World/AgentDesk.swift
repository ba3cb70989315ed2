import EventLog
import FlowEngine
import Messaging

/// The experiment's agent team on the kernel's `AgentPool`: the daily shifts laid out over the simulated days in
/// the brand's zone, one pool agent per person per shift-day, and which person each pool agent is.
struct AgentDesk: Sendable {
    var pool: AgentPool<SimulationTime>
    /// Person id (0-based, stable across days) of each pool agent.
    let person: [Int64]
    /// When each shift-day starts: the moments waiting chats can first be picked up.
    let shiftStarts: [Int64]
    let shiftRecords: [AgentShiftRecord]

    init(plan: AgentPlan, from start: Int64, until horizon: Int64, runID: Int64) {
        let zone = UTCOffsetTable(zoneName: plan.timeZone) ?? UTCOffsetTable(zoneName: "America/New_York")!
        let day: Int64 = 86_400_000
        let firstDay = zone.localTime(at: Instant(epochMilliseconds: start)).day - 1
        let lastDay = zone.localTime(at: Instant(epochMilliseconds: horizon)).day + 1
        var shifts: [AgentShift<SimulationTime>] = []
        var person: [Int64] = []
        var starts: [Int64] = []
        var records: [AgentShiftRecord] = []
        for localDay in firstDay...lastDay {
            var firstPerson: Int64 = 0
            for shift in plan.shifts {
                let hint = Instant(epochMilliseconds: localDay * day)
                let opens = Self.utc(
                    zone,
                    localMilliseconds: localDay * day + Int64(shift.startMinute) * 60_000,
                    near: hint
                )
                let closes = Self.utc(
                    zone,
                    localMilliseconds: localDay * day + Int64(shift.endMinute) * 60_000,
                    near: hint
                )
                if shift.agents > 0 && closes > start && opens < horizon { starts.append(opens) }
                for agent in 0..<shift.agents {
                    guard closes > start && opens < horizon else { continue }
                    shifts.append(
                        AgentShift(
                            start: SimulationTime(milliseconds: opens),
                            end: SimulationTime(milliseconds: closes),
                            concurrentChats: plan.concurrency
                        )
                    )
                    person.append(firstPerson + Int64(agent))
                    records.append(
                        AgentShiftRecord(
                            runID: runID,
                            agentID: firstPerson + Int64(agent),
                            startsAt: opens,
                            endsAt: closes,
                            concurrency: Int64(plan.concurrency)
                        )
                    )
                }
                firstPerson += Int64(shift.agents)
            }
        }
        pool = AgentPool(
            shifts: shifts,
            discipline: plan.discipline == .fifo ? .fifo : .highestCartValueFirst
        )
        self.person = person
        shiftStarts = starts
        shiftRecords = records
    }

    /// The instant local wall-clock `localMilliseconds` occurs in `zone`.
    static func utc(_ zone: UTCOffsetTable, localMilliseconds: Int64, near hint: Instant) -> Int64 {
        let guess = localMilliseconds - zone.offsetSeconds(at: hint) * 1000
        return localMilliseconds - zone.offsetSeconds(at: Instant(epochMilliseconds: guess)) * 1000
    }
}

extension Shard {
    /// Shift starts, hand-off arrivals, agents finishing and customers giving up.
    mutating func handleAgentEvent(_ event: WorldEvent, at now: Int64) {
        guard agents != nil else { return }
        switch event.kind {
        case .shiftStart:
            pickUpWaiting(at: now)
        case .handoffArrives:
            let slot = event.customer
            guard let open = customers[Int(slot)].handoff, customers[Int(slot)].session.status == .handedOff else {
                return
            }
            let plan = world.experiment.agents
            let service = DelayDistribution(
                open.isReview ? plan.reviewServiceMinutes : plan.serviceMinutes,
                unitMilliseconds: 60_000
            ).sample(&customers[Int(slot)].behaviour)
            let patience = world.behaviour.patience.sample(&customers[Int(slot)].behaviour)
            let arrival = agents!.pool.enqueue(
                at: SimulationTime(milliseconds: now),
                service: service,
                patience: patience,
                cartValue: world.population.cartTotalCents[customers[Int(slot)].index],
                reference: Int64(slot)
            )
            switch arrival {
            case .pickedUp(let pickUp): pickedUp(pickUp, at: now)
            case .waiting(let chat, let abandonsAt):
                if let abandonsAt {
                    schedule(.agentAbandon, for: slot, at: abandonsAt.milliseconds, argument: Int32(chat.index))
                }
            }
        case .agentDone:
            let chat = ChatID(index: UInt32(event.argument))
            let record = agents!.pool.complete(chat, at: SimulationTime(milliseconds: now))
            let slot = Int32(record.reference)
            let waited = Double((record.pickedUpAt?.milliseconds ?? now) - record.queuedAt.milliseconds) / 60_000
            finishHandoff(
                slot,
                resolution: .resolved,
                agent: agents!.person[Int(record.agent)],
                waitedMinutes: waited,
                at: now
            )
            pickUpWaiting(at: now)
        case .agentAbandon:
            let chat = ChatID(index: UInt32(event.argument))
            guard agents!.pool.abandon(chat, at: SimulationTime(milliseconds: now)) else { return }
            finishHandoff(event.customer, resolution: .abandoned, agent: nil, waitedMinutes: 0, at: now)
        default:
            break
        }
    }

    /// Hands waiting chats to free agents until one of the two runs out.
    mutating func pickUpWaiting(at now: Int64) {
        while let pickUp = agents!.pool.pickUpNext(at: SimulationTime(milliseconds: now)) { pickedUp(pickUp, at: now) }
    }

    /// An agent takes the chat: they greet the customer (an `agent` text through the gate) and finish later.
    mutating func pickedUp(_ pickUp: PickUp<SimulationTime>, at now: Int64) {
        let slot = Int32(agents!.pool.chats[Int(pickUp.chat.index)].reference)
        schedule(.agentDone, for: slot, at: pickUp.completesAt.milliseconds, argument: Int32(pickUp.chat.index))
        let person = agents!.person[pickUp.agent]
        if let open = customers[Int(slot)].handoff {
            customers[Int(slot)].records.handoffs[open.record].pickedUpAt = now
            customers[Int(slot)].records.handoffs[open.record].agentID = person
        }
        guard customers[Int(slot)].session.status == .handedOff else { return }
        let corpus = world.corpus
        let greeting = corpus.agentGreetings[customers[Int(slot)].behaviour.nextIndex(corpus.agentGreetings.count)]
        let firstName = world.population.firstNameTable[Int(world.population.firstName[customers[Int(slot)].index])]
        let text = greeting.replacingAll("{first_name}", with: firstName.isEmpty ? "there" : firstName)
            .replacingAll("{agent}", with: corpus.agentNames[Int(person) % corpus.agentNames.count])
        sendAgentText(slot, text: text, at: now)
    }

    /// An agent's text: transactional (an answer the customer asked for), so the gate still applies quiet hours
    /// and opt-outs; a deferred one leaves when the gate allows.
    mutating func sendAgentText(_ slot: Int32, text: String, at now: Int64) {
        let variant = customers[Int(slot)].variant
        let decision = world.runtimes[variant].gate.check(
            customers[Int(slot)].session.recipient,
            schedule: customers[Int(slot)].schedule,
            purpose: .transactional,
            subject: world.runtimes[variant].flow.subject,
            at: Instant(epochMilliseconds: now)
        )
        var at = now
        switch decision {
        case .send: break
        case .deferred(let until, let hold):
            suppress(slot, hold: hold, until: until.epochMilliseconds, at: now)
            at = until.epochMilliseconds
        case .suppressed(let hold):
            suppress(slot, hold: hold, until: nil, at: now)
            return
        }
        let segments = SegmentCount.of(text)
        let outcome = world.carrier.transmit(
            at: at,
            isCompliance: false,
            numberFault: customers[Int(slot)].numberFault,
            optedOut: customers[Int(slot)].optedOut,
            &customers[Int(slot)].carrier
        )
        appendOutbound(
            slot,
            body: text,
            segments: segments,
            cost: world.runtimes[variant].pricing.cost(of: segments),
            node: nil,
            purpose: .transactional,
            kind: .agent,
            subject: world.runtimes[variant].flow.subject,
            outcome: outcome,
            at: at
        )
    }

    /// Closes the hand-off row and tells the flow: a reviewer decides whether an ambiguous reply was an
    /// opt-out; a sales agent's chat ends in an order with a chance that fades with the wait.
    mutating func finishHandoff(
        _ slot: Int32,
        resolution: HandoffResolution,
        agent: Int64?,
        waitedMinutes: Double,
        at now: Int64
    ) {
        guard let open = customers[Int(slot)].handoff else { return }
        customers[Int(slot)].handoff = nil
        customers[Int(slot)].records.handoffs[open.record].closedAt = now
        customers[Int(slot)].records.handoffs[open.record].resolution = resolution
        guard customers[Int(slot)].session.status == .handedOff else { return }
        let parameters = world.behaviour.parameters
        let outcome: String
        if resolution == .abandoned {
            outcome = "abandoned"
        } else if open.isReview {
            let revoked = customers[Int(slot)].behaviour.nextUnit() < parameters.reviewOptOut
            outcome = revoked ? "opted_out" : "released"
            if !revoked {
                consent(slot, .reviewReleased, keyword: nil, source: ConsentSource.keyword.rawValue, at: now)
            }
        } else {
            let chance = world.behaviour.answered(parameters.agentConversion, afterMinutes: waitedMinutes)
            let ordered = customers[Int(slot)].behaviour.nextUnit() < chance
            outcome = ordered ? "ordered" : "resolved"
            if ordered && !customers[Int(slot)].orderPlaced {
                customers[Int(slot)].orderPlaced = true
                let delay = world.behaviour.orderDelay.sample(&customers[Int(slot)].behaviour)
                schedule(.order, for: slot, at: now + delay)
            }
        }
        resume(slot, with: .handoffClosed(outcome: outcome), at: now)
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
