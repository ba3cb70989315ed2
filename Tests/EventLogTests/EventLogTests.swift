import Testing

@testable import EventLog

/// The stored words are the contract with SQL readers: renaming a case must not silently change the data.
@Suite struct StoredVocabularyTests {
    @Test func rawValuesAreTheStoredWords() {
        #expect(MessageDirection.allCases.map(\.rawValue) == ["outbound", "inbound"])
        #expect(MessageKind.allCases.map(\.rawValue) == ["campaign", "auto", "agent", "compliance", "customer"])
        #expect(
            MessageStatus.allCases.map(\.rawValue) == [
                "queued", "sent", "delivered", "undelivered", "failed", "received",
            ]
        )
        #expect(
            ConsentEventKind.allCases.map(\.rawValue) == [
                "opt_in", "opt_out", "help", "review_hold", "review_released",
            ]
        )
        #expect(ConsentScope.allCases.map(\.rawValue) == ["marketing", "all"])
        #expect(
            SuppressionReason.allCases.map(\.rawValue) == [
                "quiet_hours", "holiday", "frequency_cap", "no_consent", "opted_out", "review_hold", "no_phone",
                "template_gap",
            ]
        )
        #expect(HandoffResolution.allCases.map(\.rawValue) == ["resolved", "abandoned", "open"])
        #expect(RunKind.allCases.map(\.rawValue) == ["simulation", "import", "population"])
    }
}

@Suite struct CollectingEventSinkTests {
    static func message(_ id: Int64, customer: Int64) -> MessageRecord {
        MessageRecord(
            runID: 1,
            messageID: id,
            customerID: customer,
            conversationID: nil,
            direction: .outbound,
            kind: .campaign,
            at: 1_764_400_000_000 + id,
            body: "Hi, your cart is waiting",
            segments: 1,
            encoding: "GSM-7",
            status: .delivered,
            costMicrodollars: 8_300,
            flowNode: nil
        )
    }

    @Test func keepsEveryRecordInArrivalOrderAndCountsBatches() {
        var sink = CollectingEventSink()
        let run = RunRecord(
            id: 1,
            kind: .simulation,
            source: "demo.json",
            seed: 7,
            configJSON: "{}",
            toolVersion: "0.1.0",
            createdAt: 0
        )
        #expect(run.kind == "simulation")
        #expect(run.runKind == .simulation)
        sink.append(EventBatch(runs: [run], messages: [Self.message(2, customer: 5)]))
        sink.append(EventBatch(messages: [Self.message(1, customer: 4)]))
        #expect(sink.batchCount == 2)
        #expect(!sink.isFinished)
        sink.finish()
        #expect(sink.isFinished)
        #expect(sink.collected.runs == [run])
        #expect(sink.collected.messages.map(\.messageID) == [2, 1])
        #expect(sink.collected.count == 3)
    }

    @Test func emptyBatchCountsNothing() {
        #expect(EventBatch().isEmpty)
        #expect(EventBatch(quarantine: [QuarantineRecord(runID: 1, line: 3, reason: "bad", rawText: "x")]).count == 1)
    }
}
