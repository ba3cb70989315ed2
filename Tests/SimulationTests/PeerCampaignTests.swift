import Foundation
import Testing

@testable import Simulation

@Suite struct PeerCampaignTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func simpyOutcome(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func recordedDraws() throws -> RecordedPeerDraws {
        try RecordedPeerDraws(
            csv: String(contentsOf: fixtures.appendingPathComponent("simpy-draws-n500-seed42.csv"), encoding: .utf8)
        )
    }

    /// `simpy_campaign.py -n 500 -c 1 --seed 42 --dump-draws` (SimPy 4.1.2, Python 3.11.7): fed the same draws, our
    /// kernel and AgentPool must give SimPy's counts exactly, its mean time-to-resolution to 1e-9 relative, and in
    /// fact every printed outcome (one agent, so 11 of 45 questions abandon and the FIFO order matters).
    @Test(arguments: [
        (PeerCampaign.Variant.conversational, "simpy-outcome-n500-c1-seed42.json"),
        (PeerCampaign.Variant.oneway, "simpy-outcome-n500-c1-seed42-oneway.json"),
    ])
    func replaysSimPysDrawsExactly(variant: PeerCampaign.Variant, expectedFile: String) throws {
        let expected = try Self.simpyOutcome(expectedFile)
        let outcome = PeerCampaign.run(customers: 500, agents: 1, variant: variant, draws: try Self.recordedDraws())
        #expect(outcome.poolConserved)
        let summary = Dictionary(uniqueKeysWithValues: outcome.summary(seed: 42).map { ($0.key, $0.value) })
        for key in ["replies", "keywords", "questions", "served", "abandoned", "conversions", "customers", "agents"] {
            let want = try #require(expected[key] as? Int, "\(key) in \(expectedFile)")
            #expect(summary[key] == .int(Int64(want)), "\(key)")
        }
        for (key, value) in summary {
            switch value {
            case .double(let ours):
                let theirs = try #require(expected[key] as? Double, "\(key) is a number in \(expectedFile)")
                #expect(abs(ours - theirs) <= 1e-12 * abs(theirs), "\(key): ours \(ours), SimPy \(theirs)")
            case .null:
                #expect(expected[key] is NSNull, "\(key) is None in SimPy too")
            case .int, .string:
                continue
            }
        }
        if variant == .conversational {
            #expect(outcome.abandoned == 11 && outcome.served == 34, "the fixture exercises abandonment")
            guard case .double(let ttr) = summary["ttr_mean_s"] else {
                Issue.record("no TTR")
                return
            }
            let simpy = try #require(expected["ttr_mean_s"] as? Double)
            #expect(abs(ttr - simpy) <= 1e-9 * simpy)
        }
    }

    @Test func ownDrawsAreDeterministicAndConserveTheQueue() {
        let first = PeerCampaign.run(
            customers: 3_000,
            agents: 2,
            variant: .conversational,
            draws: SeededPeerDraws(seed: 3)
        )
        let again = PeerCampaign.run(
            customers: 3_000,
            agents: 2,
            variant: .conversational,
            draws: SeededPeerDraws(seed: 3)
        )
        let other = PeerCampaign.run(
            customers: 3_000,
            agents: 2,
            variant: .conversational,
            draws: SeededPeerDraws(seed: 4)
        )
        #expect(first.summary(seed: 3).map(\.value) == again.summary(seed: 3).map(\.value))
        #expect(first.ttr != other.ttr)
        #expect(first.poolConserved)
        #expect(first.questions == first.served + first.abandoned)
        // Reply rate 0.25 and question share 0.4 (the scenario's parameters): binomial sd ≈ 0.008 and 0.016.
        #expect(abs(Double(first.replies) / 3_000 - 0.25) < 0.04)
        #expect(abs(Double(first.questions) / Double(first.replies) - 0.4) < 0.08)
    }

    /// Φ⁻¹ at textbook points: Φ⁻¹(0.975) = 1.959963984540054 (z for a two-sided 95% interval), Φ⁻¹(0.5) = 0,
    /// Φ⁻¹(0.841344746068543) = 1 (Φ(1) from Abramowitz & Stegun table 26.1), Φ⁻¹(1e-10) = −6.361340902404056.
    @Test func inverseNormalHitsTextbookPoints() {
        #expect(abs(InverseNormal.standard(0.975) - 1.959963984540054) < 1e-14)
        #expect(abs(InverseNormal.standard(0.025) + 1.959963984540054) < 1e-14)
        #expect(InverseNormal.standard(0.5) == 0)
        #expect(abs(InverseNormal.standard(0.841344746068543) - 1) < 1e-12)
        #expect(abs(InverseNormal.standard(1e-10) + 6.361340902404056) < 1e-12)
    }

    @Test func aMalformedDrawsFileNamesItsLine() {
        #expect(throws: PeerDrawsError.self) { try RecordedPeerDraws(csv: "id,a\n0,0.1\n") }
        do {
            _ = try RecordedPeerDraws(csv: "customer,u\n0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8\n1,0.1,0.2\n")
            Issue.record("a short row must not parse")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.contains("expected 9 fields"))
        }
    }

    @Test func pythonRoundMatchesPythonsRound() {
        // Python 3.11: round(2.675, 2) == 2.67 (2.675 is 2.67499999…), round(0.125, 2) == 0.12 (half-even).
        #expect(PeerValue.pythonRound(2.675, 2) == 2.67)
        #expect(PeerValue.pythonRound(0.125, 2) == 0.12)
        #expect(PeerValue.pythonRound(12012.70149, 3) == 12012.701)
    }
}
