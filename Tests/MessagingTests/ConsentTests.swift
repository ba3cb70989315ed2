import Testing

@testable import Messaging

private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
    Instant(year: year, month: month, day: day, hour: hour, minute: minute)
}

@Suite struct ConsentTests {
    @Test func noOptInMeansNoMarketing() {
        let decision = ConsentHistory().mayMarket(at: utc(2026, 1, 1, 12))
        #expect(decision == ConsentDecision(allowed: false, reason: "no opt-in on record"))
    }

    @Test func historyAnswersForAnyMomentOptInOutAndBackIn() {
        var history = ConsentHistory()
        history.optIn(source: .webForm, at: utc(2026, 1, 1, 12))
        history.optOut(keyword: "STOP", at: utc(2026, 2, 1, 12))
        history.optIn(source: .keyword, at: utc(2026, 3, 1, 12))

        #expect(!history.mayMarket(at: utc(2025, 12, 31, 0)).allowed)
        #expect(
            history.mayMarket(at: utc(2026, 1, 1, 12))
                == ConsentDecision(
                    allowed: true,
                    reason: "opted in via web_form at 2026-01-01T12:00:00Z"
                )
        )
        #expect(
            history.mayMarket(at: utc(2026, 2, 1, 12))
                == ConsentDecision(
                    allowed: false,
                    reason: "opted out by \"STOP\" at 2026-02-01T12:00:00Z"
                )
        )
        #expect(history.isOptedOut(at: utc(2026, 2, 15, 0)))
        #expect(
            history.mayMarket(at: utc(2026, 3, 2, 0))
                == ConsentDecision(
                    allowed: true,
                    reason: "opted in via keyword at 2026-03-01T12:00:00Z"
                )
        )
        #expect(history.events.count == 3)
    }

    @Test func historyIsAppendedNeverOverwritten() {
        var history = ConsentHistory()
        history.optIn(source: .checkout, at: utc(2026, 1, 1, 12))
        history.optIn(source: .webForm, at: utc(2026, 1, 5, 12))
        history.optOut(keyword: "leave me alone", at: utc(2026, 1, 3, 12))  // recorded late
        #expect(history.events.map(\.kind) == [.optIn, .optOut, .optIn])
        #expect(history.events.map(\.at) == [utc(2026, 1, 1, 12), utc(2026, 1, 3, 12), utc(2026, 1, 5, 12)])
        #expect(!history.mayMarket(at: utc(2026, 1, 4, 0)).allowed)
        #expect(history.mayMarket(at: utc(2026, 1, 6, 0)).allowed)
    }

    @Test func eventsAtTheSameInstantKeepTheirOrder() {
        var history = ConsentHistory()
        let moment = utc(2026, 1, 1, 12)
        history.optIn(source: .keyword, at: moment)
        history.optOut(keyword: "STOP", at: moment)
        #expect(!history.mayMarket(at: moment).allowed)
    }

    @Test func anAmbiguousReplyHoldsMarketingUntilAPersonDecides() {
        var history = ConsentHistory()
        history.optIn(source: .checkout, at: utc(2026, 1, 1, 0))
        history.holdForReview(phrase: "not interested", at: utc(2026, 1, 2, 0))
        #expect(
            history.mayMarket(at: utc(2026, 1, 2, 1))
                == ConsentDecision(
                    allowed: false,
                    reason: "held for review of \"not interested\" since 2026-01-02T00:00:00Z"
                )
        )
        #expect(!history.isOptedOut(at: utc(2026, 1, 2, 1)))
        history.releaseReview(at: utc(2026, 1, 3, 0))
        #expect(history.mayMarket(at: utc(2026, 1, 3, 1)).reason == "opted in via checkout at 2026-01-01T00:00:00Z")
        #expect(!history.mayMarket(at: utc(2026, 1, 2, 12)).allowed)  // the past is kept as it was

        var revoked = ConsentHistory()
        revoked.optIn(source: .checkout, at: utc(2026, 1, 1, 0))
        revoked.holdForReview(phrase: "no thanks", at: utc(2026, 1, 2, 0))
        revoked.optOut(keyword: "no thanks", at: utc(2026, 1, 2, 6))  // the reviewer read it as a revocation
        #expect(revoked.isOptedOut(at: utc(2026, 1, 3, 0)))
        revoked.optIn(source: .keyword, at: utc(2026, 1, 5, 0))
        #expect(revoked.mayMarket(at: utc(2026, 1, 5, 1)).allowed)  // an old hold does not outlive a new opt-in
    }

    @Test func ledgerKeepsOneHistoryPerNumber() throws {
        let alice = try PhoneNumber.parse("415-555-0101")
        let bob = try PhoneNumber.parse("212-555-0102")
        var ledger = ConsentLedger()
        ledger.optIn(alice, source: .checkout, at: utc(2026, 1, 1, 0))
        ledger.optIn(bob, source: .import, at: utc(2026, 1, 1, 0))
        ledger.optOut(bob, keyword: "STOP", at: utc(2026, 1, 2, 0))
        #expect(ledger.mayMarket(to: alice, at: utc(2026, 1, 3, 0)).allowed)
        #expect(!ledger.mayMarket(to: bob, at: utc(2026, 1, 3, 0)).allowed)
        #expect(
            ledger.mayMarket(to: try PhoneNumber.parse("305-555-0103"), at: utc(2026, 1, 3, 0)).reason
                == "no opt-in on record"
        )
        #expect(ledger.phoneNumbers == ["+12125550102", "+14155550101"])
        let json = try JSONEncoderForTests.encode(ledger)
        #expect(try JSONEncoderForTests.decode(ConsentLedger.self, from: json) == ledger)
    }
}

@Suite struct FrequencyCapTests {
    let threePerDay = FrequencyCap(limits: [
        FrequencyLimit(maxSends: 3, windowSeconds: 86_400, perSubject: true, source: "test")
    ])

    @Test func fourthSendOnTheSameSubjectWaitsTwentyFourHoursFromTheFirst() {
        var history = SendHistory()
        history.record(subject: "cart", at: utc(2026, 1, 1, 9))
        history.record(subject: "cart", at: utc(2026, 1, 1, 12))
        #expect(threePerDay.allows(history, subject: "cart", at: utc(2026, 1, 1, 13)))
        history.record(subject: "cart", at: utc(2026, 1, 1, 15))
        #expect(!threePerDay.allows(history, subject: "cart", at: utc(2026, 1, 1, 16)))
        #expect(!threePerDay.allows(history, subject: "cart", at: utc(2026, 1, 2, 8, 59)))
        #expect(threePerDay.allows(history, subject: "cart", at: utc(2026, 1, 2, 9)))
        #expect(threePerDay.nextAllowed(history, subject: "cart", after: utc(2026, 1, 1, 16)) == utc(2026, 1, 2, 9))
        #expect(threePerDay.allows(history, subject: "winback", at: utc(2026, 1, 1, 16)))
    }

    @Test func perCustomerLimitCountsEverySubject() {
        let cap = FrequencyCap(limits: [
            FrequencyLimit(
                maxSends: 2,
                windowSeconds: 7 * 86_400,
                perSubject: false,
                source: "brand"
            )
        ])
        var history = SendHistory()
        history.record(subject: "a", at: utc(2026, 1, 1, 9))
        history.record(subject: "b", at: utc(2026, 1, 3, 9))
        #expect(!cap.allows(history, subject: "c", at: utc(2026, 1, 4, 9)))
        #expect(cap.blockingLimit(history, subject: "c", at: utc(2026, 1, 4, 9))?.source == "brand")
        #expect(cap.nextAllowed(history, subject: "c", after: utc(2026, 1, 4, 9)) == utc(2026, 1, 8, 9))
    }

    @Test func outOfOrderRecordsAndForgetting() {
        var history = SendHistory()
        history.record(subject: "x", at: utc(2026, 1, 3, 0))
        history.record(subject: "x", at: utc(2026, 1, 1, 0))
        history.record(subject: "x", at: utc(2026, 1, 2, 0))
        #expect(history.sends.map(\.at) == [utc(2026, 1, 1, 0), utc(2026, 1, 2, 0), utc(2026, 1, 3, 0)])
        history.forget(before: utc(2026, 1, 2, 0))
        #expect(history.sends.map(\.at) == [utc(2026, 1, 2, 0), utc(2026, 1, 3, 0)])
        #expect(FrequencyCap.none.allows(history, subject: "x", at: utc(2026, 1, 3, 0)))
    }
}
