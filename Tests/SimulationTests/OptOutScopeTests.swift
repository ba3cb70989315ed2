import EventLog
import Testing

@testable import Simulation

/// The experiment's `opt_out.scope` reaches the flow engine: a revocation in words covers what the experiment
/// says, while a carrier keyword (STOP) always revokes everything (compliance.md §2, FCC 24-24).
@Suite struct OptOutScopeTests {
    @Test func marketingScopeCoversWordsButNotCarrierKeywords() async throws {
        let experiment = try WorldFixtures.parse {
            $0.replacingOccurrences(of: #""scope": {"value": "all""#, with: #""scope": {"value": "marketing""#)
        }
        #expect(experiment.world.customer.optOut.scope == .marketing)
        let world = try World(experiment: experiment, customers: 6_000, seed: 11, runID: 1, phoneHashKey: 99)
        var sink = CollectingEventSink()
        _ = try await SimulationRunner.run(world, jobs: 2, into: &sink, run: WorldFixtures.run)
        let optOuts = sink.collected.consentEvents.filter { $0.kind == .optOut }
        // An opt-out whose whole reply is a carrier keyword ("STOP", "stop", " Stop!"): the exact class.
        var replies: [Int64: [Int64: String]] = [:]
        for message in sink.collected.messages where message.direction == .inbound {
            replies[message.customerID, default: [:]][message.at] = message.body
        }
        let carrierKeywords: Set<String> = [
            "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
        ]
        let exact = optOuts.filter { event in
            let body = replies[event.customerID]?[event.at] ?? ""
            return carrierKeywords.contains(String(body.uppercased().filter(\.isLetter)))
                && body.allSatisfy { $0.isLetter || $0.isWhitespace || $0.isPunctuation }
        }
        #expect(!exact.isEmpty)
        let wrong = exact.filter { $0.scope != .all }.map { replies[$0.customerID]?[$0.at] ?? "" }
        #expect(wrong.isEmpty, "a carrier keyword revokes everything whatever the experiment says: \(wrong.prefix(5))")
        #expect(optOuts.contains { $0.scope == .marketing }, "revocations in words keep the experiment's scope")
    }

    @Test func theBundledExperimentRevokesEverything() async throws {
        let (log, _) = try await WorldFixtures.simulate(customers: 3_000, jobs: 2)
        let optOuts = log.consentEvents.filter { $0.kind == .optOut }
        #expect(!optOuts.isEmpty)
        #expect(optOuts.allSatisfy { $0.scope == .all })
    }
}
