import Testing

@testable import Messaging

/// Issue 13 item 4: opt-out scope in the consent state and the 10-business-day revocation deadline.
@Suite struct RevocationTests {
    /// Worked by hand on OPM's 2026 calendar: a revocation received Wednesday 2026-11-25 counts Fri 27 (Thanksgiving
    /// on the 26th is skipped), Mon 30, Dec 1, 2, 3, 4, 7, 8, 9 and Thu 10: the tenth business day is 2026-12-10 and a
    /// send from midnight Eastern (05:00 UTC on the 11th) on is late.
    @Test func tenBusinessDaysSkipWeekendsAndThanksgiving() {
        let received = Instant(year: 2026, month: 11, day: 25, hour: 15)
        let rule = RevocationDeadline.fcc
        #expect(rule.lastBusinessDate(forRevocationAt: received) == "2026-12-10")
        #expect(rule.deadline(forRevocationAt: received) == Instant(year: 2026, month: 12, day: 11, hour: 5))
        #expect(
            !rule.isLate(sentAt: Instant(year: 2026, month: 12, day: 11, hour: 4, minute: 59), revocationAt: received)
        )
        #expect(rule.isLate(sentAt: Instant(year: 2026, month: 12, day: 11, hour: 5), revocationAt: received))
    }

    /// Friday 2026-12-18: Mon 21, 22, 23, 24, (Christmas Fri 25 skipped) 28, 29, 30, 31, (New Year's Day 2027
    /// skipped) Mon Jan 4, Tue Jan 5.
    @Test func holidaysAtTheYearEndAreSkipped() {
        let received = Instant(year: 2026, month: 12, day: 18, hour: 20)
        #expect(RevocationDeadline.fcc.lastBusinessDate(forRevocationAt: received) == "2027-01-05")
    }

    /// The date is the sender's: 02:00 UTC on Saturday 2026-03-07 is Friday evening in New York (the count starts
    /// Monday 9 March either way), and DST starts on the 8th, so midnight after Friday 20 March is 04:00 UTC.
    /// 03:00 UTC on Friday 6 March is Thursday in New York but Friday in UTC: the two counts end a day apart.
    @Test func businessDaysAreCountedInTheSendersZone() {
        let friday = Instant(year: 2026, month: 3, day: 7, hour: 2)
        #expect(RevocationDeadline.fcc.lastBusinessDate(forRevocationAt: friday) == "2026-03-20")
        #expect(
            RevocationDeadline.fcc.deadline(forRevocationAt: friday) == Instant(year: 2026, month: 3, day: 21, hour: 4)
        )
        let utc = RevocationDeadline(timeZone: "UTC")
        #expect(utc.lastBusinessDate(forRevocationAt: friday) == "2026-03-20")
        let thursdayNight = Instant(year: 2026, month: 3, day: 6, hour: 3)
        #expect(RevocationDeadline.fcc.lastBusinessDate(forRevocationAt: thursdayNight) == "2026-03-19")
        #expect(utc.lastBusinessDate(forRevocationAt: thursdayNight) == "2026-03-20")
    }

    static let morning = Instant(year: 2026, month: 12, day: 1, hour: 17)

    func recipient(_ consent: ConsentHistory) throws -> RecipientCompliance {
        RecipientCompliance(phone: try PhoneNumber.parse("+1 415 555 0100", allowFictional: true), consent: consent)
    }

    @Test func aMarketingOptOutStillLetsOrderUpdatesThrough() throws {
        var consent = ConsentHistory()
        consent.optIn(source: .checkout, at: Self.morning.adding(seconds: -86_400))
        consent.optOut(keyword: "stop the promos", at: Self.morning.adding(seconds: -60), scope: .marketing)
        let person = try recipient(consent)
        #expect(consent.optOutScope(at: Self.morning) == .marketing)
        #expect(consent.isOptedOut(of: .marketing, at: Self.morning))
        #expect(!consent.isOptedOut(of: .transactional, at: Self.morning))
        let gate = OutboundGate.standard
        #expect(gate.check(person, purpose: .transactional, subject: "order", at: Self.morning) == .send)
        guard case .suppressed(let hold) = gate.check(person, purpose: .marketing, subject: "cart", at: Self.morning)
        else {
            Issue.record("marketing must be suppressed")
            return
        }
        #expect(hold.cause == .optedOut)
        #expect(hold.reason.hasPrefix("opted out of marketing by \"stop the promos\""))
        var all = consent
        all.optOut(keyword: "STOP", at: Self.morning.adding(seconds: -30))
        #expect(all.optOutScope(at: Self.morning) == .all)
        if case .suppressed = gate.check(
            try recipient(all),
            purpose: .transactional,
            subject: "order",
            at: Self.morning
        ) {
        } else {
            Issue.record("an opt-out of everything suppresses order updates too")
        }
    }

    @Test func olderRecordsWithoutAScopeReadAsAll() throws {
        let event = ConsentEvent(kind: .optOut, at: Self.morning, keyword: "STOP")
        let history = ConsentHistory(events: [event])
        #expect(history.optOutScope(at: Self.morning) == .all)
        #expect(OptOutScope.all.includes(.marketing))
        #expect(!OptOutScope.marketing.includes(.all))
        #expect(!OptOutScope.all.covers(.compliance))
    }
}
