import Foundation
import Messaging
import Testing

@testable import Simulation

/// Reading experiment files: the bundled default, and the located errors a person meets when editing one.
@Suite struct ExperimentTests {
    @Test func theBundledExperimentIsOneWayAgainstConversationalWithATenPercentHoldout() throws {
        let experiment = try WorldFixtures.experiment()
        #expect(experiment.customers == 50_000)
        #expect(experiment.variants.map(\.name) == ["one-way", "conversational"])
        #expect(experiment.variants[0].flowPath.hasSuffix("datasets/flows/abandoned-cart-oneway.json"))
        #expect(experiment.variants[1].flowPath.hasSuffix("datasets/flows/abandoned-cart.json"))
        #expect(experiment.holdout == Experiment.Holdout(name: "holdout", share: 0.1))
        #expect(experiment.audience == .cartAbandoners)
        #expect(experiment.attributionWindowDays == 5)
        #expect(experiment.start == Instant(year: 2026, month: 12, day: 2, hour: 14))
        #expect(experiment.world.scheduler.sendWindow == SendWindow(hours: 9, 20))
        #expect(experiment.world.carrier.errors.unreachable == 0.006)
        #expect(experiment.world.customer.optOut.scope == .all)
        #expect(experiment.agents.discipline == .cartValue)
        #expect(experiment.agents.agentCount == 6)
        #expect(experiment.world.customer.replyPropensity.hourly[19] == 1.3)
        #expect(experiment.world.customer.replyPropensity.hourly[3] == 0.3)
    }

    @Test func optionalKeysTakeTheirDefaults() throws {
        let experiment = try WorldFixtures.parse {
            $0.replacingOccurrences(of: #""seed": 42,"#, with: "")
                .replacingOccurrences(of: #""replications": 1,"#, with: "")
                .replacingOccurrences(of: #""audience": "cart_abandoners","#, with: "")
        }
        #expect(experiment.seed == 42)
        #expect(experiment.replications == 1)
        #expect(experiment.audience == .everyone)
    }

    /// The message for `edit`, which must fail.
    func error(_ edit: (String) -> String) -> String {
        do {
            _ = try WorldFixtures.parse(edit)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func aMisspeltKeyNamesItsPathAndTheKeyMeant() {
        let message = error { $0.replacingOccurrences(of: #""holdout": {"#, with: #""holdot": {"#) }
        #expect(message.hasPrefix("edited.json: $.holdot: found the unknown key \"holdot\"; expected \"holdout\" (did you mean it?)"))
    }

    @Test func aWorldParameterWithoutItsSourceIsRefused() {
        let message = error {
            $0.replacingOccurrences(
                of: #""numbers": {"value": 2, "assumption": "two long codes in the messaging service"}"#,
                with: #""numbers": {"value": 2}"#
            )
        }
        #expect(message.contains("edited.json: $.world.scheduler.numbers: found no \"source\" or \"assumption\""))
    }

    @Test func sharesMustAddUpToOne() {
        let message = error { $0.replacingOccurrences(of: #""share": 0.10"#, with: #""share": 0.2"#) }
        #expect(message.contains("$.variants: found shares adding up to 1.1"))
    }

    @Test func aMisspeltChoiceSuggestsTheRightOne() {
        let message = error { $0.replacingOccurrences(of: #""discipline": "cart_value""#, with: #""discipline": "cart_valeu""#) }
        #expect(message.contains("$.agents.discipline: found the string \"cart_valeu\"; expected \"cart_value\" (did you mean it?)"))
    }

    @Test func badValuesAreLocated() {
        #expect(error { $0.replacingOccurrences(of: #""2026-12-02T14:00:00Z""#, with: #""2026-12-02 14:00""#) }
            .contains("$.start: found the string \"2026-12-02 14:00\"; expected an ISO 8601 UTC time"))
        #expect(error { $0.replacingOccurrences(of: #""start": "08:00""#, with: #""start": "8am""#) }
            .contains("$.agents.shifts[0].start"))
        #expect(error { $0.replacingOccurrences(of: #""30007": {"value": 0.002"#, with: #""30007": {"value": 2"#) }
            .contains("$.world.carrier.errors[\"30007\"].value: found the number 2; expected a number from 0 to 1"))
        #expect(error { $0.replacingOccurrences(of: #""format": "replylab-experiment/1""#, with: #""format": "v2""#) }
            .contains("$.format"))
        #expect(error { _ in "{" }.contains("edited.json: $"))
    }

    @Test func aBrokenFlowIsReportedAtTheVariantThatNamesIt() throws {
        let experiment = try WorldFixtures.parse {
            $0.replacingOccurrences(of: "../flows/abandoned-cart.json", with: "../flows/no-such-flow.json")
        }
        #expect {
            try World(experiment: experiment, customers: 10, runID: 1, phoneHashKey: 1)
        } throws: { error in
            "\(error)".hasPrefix("edited.json: $.variants[1].flow: cannot read")
        }
    }
}
