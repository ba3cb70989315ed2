import Testing

@testable import Messaging

private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
    Instant(year: year, month: month, day: day, hour: hour, minute: minute)
}

@Suite struct OutboundGateTests {
    let gate = OutboundGate.standard
    let noon = utc(2026, 1, 14, 17)  // 12:00 EST, Wednesday

    func recipient(_ number: String, optedIn: Bool = true) throws -> RecipientCompliance {
        var consent = ConsentHistory()
        if optedIn { consent.optIn(source: .webForm, at: utc(2026, 1, 1, 0)) }
        return RecipientCompliance(phone: try PhoneNumber.parse(number), consent: consent)
    }

    @Test func consentingRecipientInsideTheWindowGetsTheText() throws {
        let newYork = try recipient("212-555-0101")
        #expect(newYork.timeZones == ["America/New_York"])
        #expect(newYork.state == "NY")
        #expect(gate.check(newYork, purpose: .marketing, subject: "cart", at: noon) == .send)
    }

    @Test func noConsentSuppressesMarketingButNotTransactional() throws {
        let stranger = try recipient("212-555-0101", optedIn: false)
        #expect(
            gate.check(stranger, purpose: .marketing, subject: "cart", at: noon)
                == .suppressed(SendHold(.noConsent, reason: "no opt-in on record"))
        )
        #expect(gate.check(stranger, purpose: .transactional, subject: "order", at: noon) == .send)
    }

    @Test func optedOutNumbersGetNothingButTheConfirmation() throws {
        var person = try recipient("212-555-0101")
        person.consent.optOut(keyword: "STOP", at: utc(2026, 1, 10, 0))
        let reason = "opted out by \"STOP\" at 2026-01-10T00:00:00Z"
        #expect(
            gate.check(person, purpose: .marketing, subject: "cart", at: noon)
                == .suppressed(SendHold(.optedOut, reason: reason))
        )
        #expect(
            gate.check(person, purpose: .transactional, subject: "order", at: noon)
                == .suppressed(SendHold(.optedOut, reason: reason))
        )
        #expect(gate.check(person, purpose: .compliance, subject: "opt-out", at: noon) == .send)
    }

    @Test func aPendingReviewHoldsMarketingButNotOrderUpdates() throws {
        var person = try recipient("212-555-0101")
        person.consent.holdForReview(phrase: "not interested", at: utc(2026, 1, 14, 16))
        #expect(
            gate.check(person, purpose: .marketing, subject: "cart", at: noon)
                == .suppressed(
                    SendHold(.reviewHold, reason: "held for review of \"not interested\" since 2026-01-14T16:00:00Z")
                )
        )
        #expect(gate.check(person, purpose: .transactional, subject: "order", at: noon) == .send)
        person.consent.releaseReview(at: utc(2026, 1, 14, 16, 30))
        #expect(gate.check(person, purpose: .marketing, subject: "cart", at: noon) == .send)
    }

    @Test func quietHoursDeferToTheNextLawfulInstant() throws {
        let miami = try recipient("305-555-0101")
        let evening = utc(2026, 1, 15, 1, 30)  // 20:30 EST: fine federally, not in Florida
        guard
            case .deferred(let until, let reason) = gate.check(
                miami,
                purpose: .marketing,
                subject: "cart",
                at: evening
            )
        else {
            Issue.record("expected a deferral")
            return
        }
        #expect(until == utc(2026, 1, 15, 13, 0))
        #expect(reason.cause == .quietHours)
        #expect(reason.rule?.contains("Florida") == true)
        #expect(reason.reason.contains("Florida"))
        let relaxed = OutboundGate(quietHours: .standard, cap: .none, quietHoursApplyToTransactional: false)
        #expect(relaxed.check(miami, purpose: .transactional, subject: "order", at: evening) == .send)
        #expect(gate.check(miami, purpose: .compliance, subject: "help", at: evening) == .send)
    }

    @Test func floridaCapsThreeTextsADayOnOneSubject() throws {
        var miami = try recipient("305-555-0101")
        for hour in [14, 15, 16] { miami.sends.record(subject: "cart", at: utc(2026, 1, 14, hour)) }
        let decision = gate.check(miami, purpose: .marketing, subject: "cart", at: utc(2026, 1, 14, 18))
        guard case .deferred(let until, let reason) = decision else {
            Issue.record("expected a deferral, got \(decision)")
            return
        }
        #expect(until == utc(2026, 1, 15, 14))
        #expect(reason.cause == .frequencyCap)
        #expect(reason.rule?.contains("Florida") == true)
        #expect(reason.reason.hasPrefix("frequency cap: at most 3 per 24 h on the same subject"))
        #expect(gate.check(miami, purpose: .marketing, subject: "winback", at: utc(2026, 1, 14, 18)) == .send)
        var newYork = try recipient("212-555-0101")
        for hour in [14, 15, 16] { newYork.sends.record(subject: "cart", at: utc(2026, 1, 14, hour)) }
        #expect(gate.check(newYork, purpose: .marketing, subject: "cart", at: utc(2026, 1, 14, 18)) == .send)
    }

    @Test func capDeferralThatEndsInQuietHoursWaitsForMorning() throws {
        let floridaCap = SendHold(
            .frequencyCap,
            rule: QuietHoursRule.florida.name,
            reason: "frequency cap: at most 3 per 24 h on the same subject (Fla. Stat. 501.616(6)(a),(b))"
        )
        var miami = try recipient("305-555-0101")
        // Three sends 18:30–19:30 EST: the cap frees at 18:30 EST next day, which is lawful in Florida.
        for (day, hour) in [(14, 23), (15, 0), (15, 1)] {
            miami.sends.record(subject: "cart", at: utc(2026, 1, day, hour, 30))
        }
        #expect(
            gate.check(miami, purpose: .marketing, subject: "cart", at: utc(2026, 1, 15, 2))
                == .deferred(
                    until: utc(2026, 1, 15, 23, 30),
                    hold: floridaCap
                )
        )
        // Three sends 20:30–20:50 EST (a transactional burst, say): the cap frees at 20:30 EST next day, inside
        // Florida's quiet hours, so the text waits for 08:00 EST the morning after.
        var late = try recipient("305-555-0101")
        for minute in [30, 40, 50] { late.sends.record(subject: "cart", at: utc(2026, 1, 15, 1, minute)) }
        #expect(
            gate.check(late, purpose: .marketing, subject: "cart", at: utc(2026, 1, 15, 2))
                == .deferred(
                    until: utc(2026, 1, 16, 13, 0),
                    hold: floridaCap
                )
        )
    }

    @Test func missingNumberIsSuppressed() {
        let nobody = RecipientCompliance(phone: nil, timeZones: [], state: nil)
        #expect(
            gate.check(nobody, purpose: .transactional, subject: "x", at: noon)
                == .suppressed(SendHold(.noPhone, reason: "no valid phone number"))
        )
    }

    @Test func recipientRoundTripsThroughJSON() throws {
        var person = try recipient("850-555-0101")
        person.sends.record(subject: "cart", at: noon)
        person.residenceState = "GA"
        let json = try JSONEncoderForTests.encode(person)
        #expect(try JSONEncoderForTests.decode(RecipientCompliance.self, from: json) == person)
        #expect(person.states == ["FL", "GA"])
    }

    /// A known residence state is where the person is: its rules are checked on its own clocks as well as the area
    /// code's (review M2). A New York number held by a Texan at 08:00 in Texas is too early for Texas's 09:00.
    @Test(arguments: [
        ("TX", utc(2026, 12, 1, 14), "Tue 08:00 in America/Chicago", "Texas"),
        ("CA", utc(2026, 12, 1, 13), "Tue 05:00 in America/Los_Angeles", "Federal"),
    ])
    func residenceStateRulesRunOnTheResidenceClock(state: String, at: Instant, local: String, rule: String) throws {
        var movedAway = try recipient("212-555-0123")
        movedAway.residenceState = state
        let decision = gate.check(movedAway, purpose: .marketing, subject: "cart", at: at)
        guard case .deferred(_, let reason) = decision else {
            Issue.record("\(state) resident on a 212 number at \(at.iso8601): expected deferred, got \(decision)")
            return
        }
        #expect(reason.reason.contains(local), "\(reason)")
        #expect(reason.reason.contains("(\(rule):"), "\(reason)")
        #expect(reason.cause == .quietHours)
    }

    @Test func residenceZonesAreTheUnionOfTheStatesAreaCodes() throws {
        var person = try recipient("212-555-0123")
        #expect(person.candidateTimeZones == ["America/New_York"])
        person.residenceState = "OR"
        #expect(person.candidateTimeZones == ["America/New_York", "America/Boise", "America/Los_Angeles"])
        person.residenceState = "NY"
        #expect(person.candidateTimeZones == ["America/New_York"])
        #expect(AreaCodeDirectory.nanp.timeZones(inState: "TX") == ["America/Chicago", "America/Denver"])
        #expect(AreaCodeDirectory.nanp.timeZones(inState: "ZZ") == [])
    }
}
