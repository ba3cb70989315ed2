import Store
import Testing

@testable import Analytics

/// Time to resolution, automation, queues, agents, flow nodes, confusion, failures and health on `KnownLog`.
@Suite struct ConversationMetricTests {
    let analysis: Analysis

    init() throws {
        analysis = try Analysis.compute(database: try KnownLog.database())
    }

    @Test func timeToResolutionKeepsAbandonedAndUnresolvedApart() {
        let times = analysis.arm(id: 2)!.resolution
        // c4: automated answer 2 s after the question; c5: resolved by the agent 20 min after it.
        #expect(times.automated == [2_000])
        #expect(times.agent == [1_200_000])
        #expect(times.abandoned == 1)  // c7
        #expect(times.unresolved == 1)  // c6
        #expect(times.questions == 4)
        // One-way replies live outside any conversation: no questions there.
        #expect(analysis.arm(id: 1)!.resolution.questions == 0)
    }

    @Test func automationRateIsResolvedWithoutAgentsOverQuestions() {
        #expect(analysis.arm(id: 2)!.resolution.automationRate == Rate(1, of: 4))
    }

    @Test func queueAbandonmentIsAbandonedOverQueued() {
        let handoffs = analysis.arm(id: 2)!.handoffs
        #expect((handoffs.queued, handoffs.pickedUp, handoffs.resolved) == (2, 1, 1))
        #expect(handoffs.abandonmentRate == Rate(1, of: 2))
    }

    @Test func utilisationIsBusyTimeOverStaffedCapacity() {
        let utilisation = analysis.utilisation
        // 15 busy minutes (pick-up to close) over 8 h × 2 chats at once.
        #expect(utilisation.busyMilliseconds == 900_000)
        #expect(utilisation.capacityMilliseconds == 57_600_000)
        #expect(utilisation.overall == 0.015625)
        #expect(utilisation.hours.count == 8)
        // All 15 minutes fall in the second hour: 900,000 ÷ (3,600,000 × 2).
        #expect(utilisation.hours[1].utilisation == 0.125)
        #expect(utilisation.hours[0].utilisation == 0)
    }

    @Test func flowNodesCountArrivalsDropOffAndExpiry() throws {
        let nudge = try #require(analysis.nodes.first { $0.variantID == 2 && $0.node == "nudge" })
        // Five conversations start at nudge; c6's expired there (its last message).
        #expect((nudge.arrivals, nudge.droppedOff, nudge.expired) == (5, 1, 1))
        #expect(
            nudge.categories == [
                CategoryCount("Agent", replies: 1), CategoryCount("Other", replies: 1),
                CategoryCount("Shipping", replies: 1), CategoryCount("Sizing", replies: 1),
            ]
        )
        // c7's conversation was still open when the run ended, last seen at shipping.
        let shipping = try #require(analysis.nodes.first { $0.node == "shipping" })
        #expect((shipping.arrivals, shipping.droppedOff, shipping.expired) == (1, 1, 0))
        let sizing = try #require(analysis.nodes.first { $0.node == "sizing" })
        #expect((sizing.arrivals, sizing.droppedOff) == (1, 0))
    }

    @Test func confusionCrossesDrawnIntentWithTheRoutedCategory() {
        let confusion = analysis.confusion
        #expect(confusion.intents == ["agent", "chatter", "shipping", "sizing", "stop", "yes"])
        #expect(confusion.categories == ["(ignored)", "(opt-out)", "Agent", "Other", "Shipping", "Sizing"])
        #expect(confusion.expectedCategory(for: "stop") == 1)
        #expect(confusion.expectedCategory(for: "sizing") == 5)
        #expect(confusion.expectedCategory(for: "chatter") == nil)
        // agent, shipping, sizing and stop were routed right; chatter and yes have no right answer.
        #expect(confusion.accuracy == Rate(4, of: 4))
    }

    @Test func deliveryFailuresAreGroupedByCarrierErrorCode() {
        #expect(analysis.arm(id: 1)!.failures == [DeliveryFailure(variantID: 1, errorCode: 30006, failures: 1)])
        #expect(analysis.arm(id: 2)!.failures.isEmpty)
    }

    @Test func healthCountsSuppressionsByReason() {
        #expect(
            analysis.health.suppressions == [
                ReasonCount("frequency_cap", count: 1, deferred: 0), ReasonCount("quiet_hours", count: 1, deferred: 1),
            ]
        )
        #expect(analysis.health.quarantinedTotal == 0)
    }

    @Test func theLatestRunIsTheDefaultAndAMissingRunIsNamed() throws {
        let database = try KnownLog.database()
        #expect(try Analysis.latestRun(in: database) == 1)
        #expect(throws: AnalysisError.noSuchRun(9, known: [1])) {
            try Analysis.compute(database: database, runID: 9)
        }
        let empty = try Database.inMemory()
        try EventLogSchema.migrate(empty)
        #expect(throws: AnalysisError.emptyLog(path: empty.path)) { try Analysis.compute(database: empty) }
    }
}
