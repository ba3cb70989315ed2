import EventLog
import Foundation
import Messaging
import Testing

@testable import Simulation

/// The bundled cart-recovery experiment on a few thousand customers: what a user of the event log would check.
@Suite struct WorldTests {
    @Test func sameSeedGivesTheSameLogAtOneAndFourJobs() async throws {
        let (one, summaryOne) = try await WorldFixtures.simulate(customers: 5_000, jobs: 1)
        let (four, summaryFour) = try await WorldFixtures.simulate(customers: 5_000, jobs: 4)
        #expect(summaryOne == summaryFour)
        #expect(one.messages == four.messages)
        #expect(one == four)
        #expect(one.handoffs.count > 0, "the experiment should hand some customers to agents")
        let (other, _) = try await WorldFixtures.simulate(customers: 5_000, jobs: 2, seed: 8)
        #expect(other.messages != one.messages, "another seed must give another log")
    }

    @Test func everyCustomerEndsInExactlyOneTerminalState() async throws {
        let (log, summary) = try await WorldFixtures.simulate(customers: 3_000, jobs: 2)
        let world = try WorldFixtures.world(customers: 3_000)
        #expect(log.customers.count == 3_000)
        #expect(Set(log.customers.map(\.customerID)).count == 3_000)
        #expect(log.assignments.count == 3_000)
        var conversations: [Int64: Int] = [:]
        for conversation in log.conversations { conversations[conversation.customerID, default: 0] += 1 }
        var states: [String: Int] = [:]
        for i in 0..<3_000 {
            let holdout = world.plan.variant[i] == SendPlan.holdout
            let count = conversations[Int64(i)] ?? 0
            #expect(count == (holdout ? 0 : 1), "customer \(i): \(count) conversations")
            if holdout { states["holdout", default: 0] += 1 }
        }
        for conversation in log.conversations {
            // Ended with an outcome, or still open at the horizon with neither an end nor an outcome.
            #expect((conversation.endedAt == nil) == (conversation.outcome == nil))
            states[conversation.outcome ?? "open", default: 0] += 1
        }
        #expect(states.values.reduce(0, +) == 3_000)
        #expect(summary.customers == 3_000)
        // Each hand-off is resolved or abandoned by the horizon, with its times in order.
        for handoff in log.handoffs {
            #expect(handoff.resolution != .open)
            if let picked = handoff.pickedUpAt { #expect(picked >= handoff.queuedAt) }
            #expect((handoff.closedAt ?? 0) >= handoff.queuedAt)
        }
        // Every order is a cart of the run, at most one per customer.
        let carts = Set(log.carts.map(\.cartID))
        #expect(Set(log.orders.map(\.customerID)).count == log.orders.count)
        #expect(log.orders.allSatisfy { carts.contains($0.cartID ?? "") })
    }

    @Test func nothingButTheConfirmationGoesOutAfterAnOptOutAndNothingInsideQuietHours() async throws {
        let (log, _) = try await WorldFixtures.simulate(customers: 4_000, jobs: 2)
        let world = try WorldFixtures.world(customers: 4_000)
        var optedOutAt: [Int64: Int64] = [:]
        for event in log.consentEvents where event.kind == .optOut {
            optedOutAt[event.customerID] = min(optedOutAt[event.customerID] ?? .max, event.at)
        }
        var restartedAt: [Int64: Int64] = [:]
        for event in log.consentEvents where event.kind == .optIn && event.source == "keyword" {
            restartedAt[event.customerID] = event.at
        }
        #expect(optedOutAt.count > 10, "the run should have opt-outs to check")
        var checked = 0
        let gate = World.gate(for: world.experiment)
        for message in log.messages where message.direction == .outbound && message.kind != .compliance {
            if let stop = optedOutAt[message.customerID], message.at > stop {
                let back = restartedAt[message.customerID].map { $0 < message.at } ?? false
                #expect(back, "customer \(message.customerID) got '\(message.body)' after opting out")
            }
            let i = Int(message.customerID)
            let population = world.population
            let phone = try PhoneNumber(
                nationalNumber: Int64(population.areaCode[i]) * 10_000_000 + Int64(population.exchange[i]) * 10_000
                    + Int64(population.line[i]),
                allowFictional: true
            )
            let recipient = RecipientCompliance(
                phone: phone,
                residenceState: population.stateTable[Int(population.state[i])]
            )
            let schedule = gate.quietHours.schedule(for: recipient)
            #expect(
                schedule.isAllowed(at: Instant(epochMilliseconds: message.at)),
                "'\(message.body)' to customer \(i) at \(Instant(epochMilliseconds: message.at)) is inside quiet hours"
            )
            checked += 1
        }
        #expect(checked > 3_000)
    }

    @Test func repliesCarryTheirIntentAndWhereTheFlowSentThem() async throws {
        let (log, _) = try await WorldFixtures.simulate(customers: 4_000, jobs: 2)
        let inbound = log.messages.filter { $0.direction == .inbound }
        #expect(inbound.count > 100)
        #expect(inbound.allSatisfy { $0.intent.flatMap(ReplyIntent.init(rawValue:)) != nil && $0.category != nil })
        // The conversational flow routes a sizing question to its Sizing category at the nudge, usually.
        let sizing = inbound.filter { $0.intent == "question_sizing" && $0.flowNode == "nudge" }
        #expect(!sizing.isEmpty)
        #expect(sizing.filter { $0.category == "Sizing" }.count * 2 > sizing.count)
        // Every STOP-intent reply was caught by the keyword layer as an opt-out (or after one, ignored).
        let stops = inbound.filter { $0.intent == "stop" }
        #expect(!stops.isEmpty)
        #expect(stops.allSatisfy { $0.category == "(opt-out)" || $0.category == "(ignored)" })
        // Outbound texts have Twilio-shaped Sids, all different.
        let sids = log.messages.compactMap(\.externalID)
        #expect(sids.count == log.messages.count)
        #expect(Set(sids).count == sids.count)
        #expect(sids.allSatisfy { $0.count == 34 && $0.hasPrefix("SM") && $0.dropFirst(2).allSatisfy(\.isHexDigit) })
        // Carrier errors use Twilio's codes, and failed texts cost nothing.
        let codes = Set(log.messages.compactMap(\.errorCode))
        #expect(codes.isSubset(of: [30003, 30005, 30006, 30007, 21610]))
        #expect(log.messages.filter { $0.status == .failed }.allSatisfy { $0.costMicrodollars == 0 })
        // Agents write as agents.
        #expect(log.messages.contains { $0.kind == .agent })
    }

    @Test func theHoldoutBuysAtTheOrganicRateAndTheArmsBuyMore() async throws {
        let (log, summary) = try await WorldFixtures.simulate(customers: 10_000, jobs: 2)
        let holdout = try #require(summary.arms.first { $0.isHoldout })
        let organic = try WorldFixtures.experiment().world.customer.conversion.organic
        let rate = Double(holdout.orders) / Double(holdout.customers)
        // Binomial: 3 standard errors around the stated organic rate.
        let standardError = (organic * (1 - organic) / Double(holdout.customers)).squareRoot()
        #expect(abs(rate - organic) < 3 * standardError, "holdout converts at \(rate), organic is \(organic)")
        for arm in summary.arms where !arm.isHoldout {
            #expect(Double(arm.orders) / Double(arm.customers) > rate)
        }
        #expect(log.orders.count == summary.arms.reduce(0) { $0 + $1.orders })
    }
}

/// Commands use the Dispatch runner, async callers the task group: both must write the same log.
@Suite struct RunnerPathTests {
    @Test func theSynchronousRunnerWritesWhatTheTaskGroupWrites() async throws {
        let world = try WorldFixtures.world(customers: 4_500)
        var dispatched = CollectingEventSink()
        let summary = try SimulationRunner.runSynchronously(world, jobs: 3, into: &dispatched, run: WorldFixtures.run)
        let (grouped, groupedSummary) = try await WorldFixtures.simulate(customers: 4_500, jobs: 2)
        #expect(summary == groupedSummary)
        #expect(dispatched.collected == grouped)
        // The agents' phase runs beside the sink: its customers are still counted in the summary.
        #expect(summary.customersWithAgents > 0)
        #expect(summary.customersWithAgents == Set(grouped.handoffs.map(\.customerID)).count)
    }
}
