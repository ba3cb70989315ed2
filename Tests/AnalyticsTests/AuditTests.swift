import EventLog
import Messaging
import Store
import Testing

@testable import Analytics

/// The audit against hand-built logs: each rule finds exactly the violations planted for it, with their message
/// ids, and a log that follows every rule gives nothing. Times are UTC on Tuesday 2026-06-09 (EDT = UTC−4,
/// PDT = UTC−7); the rules are compliance.md §0: federal 08:00–21:00 local, FL 08:00–20:00 with 3 texts per 24 h
/// on one subject, opt-out confirmation within 5 minutes.
@Suite struct AuditTests {
    private typealias Log = AuditLogBuilder

    /// Every rule followed: daytime marketing to consented customers, a confirmed STOP with nothing after it, a
    /// Florida customer at exactly the 3-per-24-h cap, a START before the first marketing text, and a night-time
    /// reply that is allowed because it answers HELP (compliance replies always go).
    private func cleanLog() -> Log {
        var log = Log()
        let la = log.customer(
            1,
            phone: "+1 415 ***-**23",
            zone: "America/Los_Angeles",
            state: "CA",
            consent: "web_form"
        )
        log.send(la, at: Log.at(17))  // 10:00 PDT
        log.reply(la, "what sizes?", at: Log.at(17, 3))
        log.send(la, at: Log.at(17, 4), kind: .auto, purpose: .transactional, subject: nil)
        log.reply(la, "HELP", at: Log.at(5, day: 1), consent: .help)  // 22:00 PDT
        log.send(la, at: Log.at(5, 0, 5, day: 1), kind: .compliance, purpose: .compliance, subject: nil)

        let ny = log.customer(2, phone: "+1 212 ***-**07", zone: "America/New_York", state: "NY", consent: "checkout")
        log.send(ny, at: Log.at(15), sid: "SM00000000000000000000000000000002")  // 11:00 EDT
        log.reply(ny, "STOP", at: Log.at(15, 10), consent: .optOut, scope: .all)
        log.send(ny, at: Log.at(15, 10, 30), kind: .compliance, purpose: .compliance, subject: nil)

        let fl = log.customer(3, phone: "+1 305 ***-**11", zone: "America/New_York", state: "FL", consent: "web_form")
        for hour in [13, 15, 17] { log.send(fl, at: Log.at(hour)) }  // 09:00, 11:00, 13:00 EDT
        log.send(fl, at: Log.at(13, day: 1))  // the first has left the 24 h window

        let tx = log.customer(4, phone: "+1 512 ***-**40", zone: "America/Chicago", state: "TX", consent: "none")
        log.reply(tx, "START", at: Log.at(16), consent: .optIn)
        log.send(tx, at: Log.at(16, 30))  // 11:30 CDT, after the opt-in
        return log
    }

    @Test func cleanLogHasNoFindings() throws {
        let result = try ComplianceAudit.run(try cleanLog().database())
        #expect(result.isClean, "\(result.findings.map(\.summary))")
        #expect(result.checks.map(\.rule) == AuditRule.allCases)
        #expect(result.checks.allSatisfy { $0.passed && $0.advisory == nil })
        #expect(result.customersChecked == 4)
        #expect(result.outboundChecked == 10)
    }

    @Test func outboundInsideQuietHoursByRecipientLocalTimeAndState() throws {
        var log = Log()
        let la = log.customer(
            1,
            phone: "+1 415 ***-**23",
            zone: "America/Los_Angeles",
            state: "CA",
            consent: "web_form"
        )
        log.send(la, at: Log.at(4, day: 1), sid: "SM000000000000000000000000000000aa")  // 21:00 PDT: outside
        log.send(la, at: Log.at(4, 30, day: 1), kind: .auto, purpose: .transactional, subject: nil)  // 21:30 PDT
        log.send(la, at: Log.at(3, 59, day: 1))  // 20:59 PDT: inside the federal window
        // 20:30 EDT is fine in New York but outside Florida's 08:00–20:00.
        let fl = log.customer(2, phone: "+1 305 ***-**11", zone: "America/New_York", state: "FL", consent: "web_form")
        log.send(fl, at: Log.at(0, 30, day: 1))
        let ny = log.customer(3, phone: "+1 212 ***-**07", zone: "America/New_York", state: "NY", consent: "web_form")
        log.send(ny, at: Log.at(0, 30, day: 1))

        let result = try ComplianceAudit.run(try log.database())
        let found = result.findings(for: .quietHours)
        #expect(found.map(\.messageIDs) == [["4"], ["SM000000000000000000000000000000aa"], ["2"]])
        #expect(found.map(\.customerID) == [2, 1, 1])
        #expect(found[0].summary.contains("Florida"))
        #expect(found[1].summary.hasPrefix("marketing text"))
        #expect(found[2].summary.hasPrefix("transactional text"))
        #expect(result.findings.count == 3)
    }

    @Test func quietHoursCanLeaveTransactionalTextsAlone() throws {
        var log = Log()
        let la = log.customer(
            1,
            phone: "+1 415 ***-**23",
            zone: "America/Los_Angeles",
            state: "CA",
            consent: "web_form"
        )
        log.send(la, at: Log.at(4, 30, day: 1), kind: .auto, purpose: .transactional, subject: nil)
        let policy = AuditPolicy(quietHoursApplyToTransactional: false)
        #expect(try ComplianceAudit.run(try log.database(), policy: policy).isClean)
        #expect(try ComplianceAudit.run(try log.database()).findings(for: .quietHours).count == 1)
    }

    @Test func outboundAfterOptOutHonoursScope() throws {
        var log = Log()
        let all = log.customer(1, phone: "+1 212 ***-**07", zone: "America/New_York", state: "NY", consent: "web_form")
        log.reply(all, "STOP", at: Log.at(14), consent: .optOut, scope: .all)
        log.send(all, at: Log.at(14, 0, 20), kind: .compliance, purpose: .compliance, subject: nil)
        log.send(all, at: Log.at(16), sid: "SM000000000000000000000000000000b1")
        log.send(all, at: Log.at(16, 5), kind: .agent, purpose: .transactional, subject: nil)

        let marketing = log.customer(
            2,
            phone: "+1 646 ***-**08",
            zone: "America/New_York",
            state: "NY",
            consent: "web_form"
        )
        log.reply(marketing, "stop the promos", at: Log.at(14), consent: .optOut, scope: .marketing)
        log.send(marketing, at: Log.at(14, 1), kind: .compliance, purpose: .compliance, subject: nil)
        log.send(marketing, at: Log.at(15), kind: .auto, purpose: .transactional, subject: nil)  // allowed
        log.send(marketing, at: Log.at(17))  // not allowed

        // Opting back in ends it.
        let back = log.customer(3, phone: "+1 718 ***-**09", zone: "America/New_York", state: "NY", consent: "web_form")
        log.reply(back, "STOP", at: Log.at(13), consent: .optOut, scope: .all)
        log.send(back, at: Log.at(13, 0, 10), kind: .compliance, purpose: .compliance, subject: nil)
        log.reply(back, "START", at: Log.at(14), consent: .optIn)
        log.send(back, at: Log.at(15))

        let result = try ComplianceAudit.run(try log.database())
        let found = result.findings(for: .afterOptOut)
        #expect(found.map(\.messageIDs) == [["SM000000000000000000000000000000b1"], ["4"], ["8"]])
        #expect(found[0].summary == "marketing text 2 h after opting out by \"STOP\" (scope all)")
        #expect(found[1].summary.hasPrefix("transactional text 2 h 5 min after"))
        #expect(found[2].summary.contains("(scope marketing)"))
        #expect(result.findings.count == 3)
    }

    /// FCC 47 CFR 64.1200(a)(10): ten business days on the federal calendar, the day of receipt not counted.
    /// A STOP on Wednesday 2026-11-25: Thanksgiving (11-26) and the weekends are skipped, so the tenth business
    /// day is Thursday 2026-12-10 and a text on the 11th is past the legal limit, one on the 10th only against
    /// the practice of honouring at once.
    @Test func textsPastTheRevocationDeadlineAreReportedApart() throws {
        var log = Log()
        let customer = log.customer(
            1,
            phone: "+1 212 ***-**07",
            zone: "America/New_York",
            state: "NY",
            consent: "web_form"
        )
        let stop = Instant(year: 2026, month: 11, day: 25, hour: 17).epochMilliseconds
        log.reply(customer, "STOP", at: stop, consent: .optOut, scope: .all)
        log.send(customer, at: stop + 20_000, kind: .compliance, purpose: .compliance, subject: nil)
        log.send(
            customer,
            at: Instant(year: 2026, month: 12, day: 10, hour: 20).epochMilliseconds,
            sid: "SM0000000000000000000000000000d001"
        )
        log.send(
            customer,
            at: Instant(year: 2026, month: 12, day: 11, hour: 15).epochMilliseconds,
            sid: "SM0000000000000000000000000000d002"
        )

        let result = try ComplianceAudit.run(try log.database())
        #expect(result.findings(for: .afterOptOut).map(\.messageIDs) == [["SM0000000000000000000000000000d001"]])
        let late = result.findings(for: .revocationDeadline)
        #expect(late.map(\.messageIDs) == [["SM0000000000000000000000000000d002"]])
        #expect(late.first?.summary.hasSuffix("the deadline was the end of 2026-12-10") == true)
        #expect(result.findings.count == 2)
    }

    @Test func marketingWithoutConsentOrDuringAReviewHold() throws {
        var log = Log()
        let never = log.customer(1, phone: "+1 212 ***-**07", zone: "America/New_York", state: "NY", consent: "none")
        log.send(never, at: Log.at(15), sid: "SM000000000000000000000000000000c1")
        log.send(never, at: Log.at(15, 5), kind: .auto, purpose: .transactional, subject: nil)  // needs no consent

        let held = log.customer(2, phone: "+1 646 ***-**08", zone: "America/New_York", state: "NY", consent: "web_form")
        log.reply(held, "not interested", at: Log.at(14), consent: .reviewHold)
        log.send(held, at: Log.at(15))
        log.consentEvents.append(
            ConsentEventRecord(
                runID: 1,
                eventID: 99,
                customerID: held,
                at: Log.at(16),
                kind: .reviewReleased,
                keyword: nil,
                source: "agent"
            )
        )
        log.send(held, at: Log.at(17))  // released: fine again

        let result = try ComplianceAudit.run(try log.database())
        let found = result.findings(for: .noConsent)
        #expect(found.map(\.messageIDs) == [["SM000000000000000000000000000000c1"], ["4"]])
        #expect(found[0].summary == "marketing text with no opt-in on record")
        #expect(found[1].summary.contains("\"not interested\" was held for review"))
        #expect(result.findings.count == 2)
    }

    @Test func frequencyCapBreachesListTheMessagesInTheWindow() throws {
        var log = Log()
        let fl = log.customer(1, phone: "+1 305 ***-**11", zone: "America/New_York", state: "FL", consent: "web_form")
        for hour in [13, 14, 15, 16] { log.send(fl, at: Log.at(hour)) }
        log.send(fl, at: Log.at(17), subject: "launch")  // another subject: not counted with "cart"
        let ny = log.customer(2, phone: "+1 212 ***-**07", zone: "America/New_York", state: "NY", consent: "web_form")
        for hour in [13, 14, 15, 16] { log.send(ny, at: Log.at(hour)) }  // no state cap in New York

        let statutory = try ComplianceAudit.run(try log.database())
        let found = statutory.findings(for: .frequencyCap)
        #expect(found.count == 1)
        #expect(found.first?.messageIDs == ["1", "2", "3", "4"])
        #expect(found.first?.summary.contains("Florida") == true)
        #expect(statutory.findings.count == 1)

        // The brand's cap of 10 per 7 days overall and 3 per 24 h per subject catches New York too.
        let brand = try ComplianceAudit.run(try log.database(), policy: AuditPolicy(brandCap: .standard))
        #expect(brand.findings(for: .frequencyCap).map(\.customerID) == [1, 2])
        #expect(brand.findings(for: .frequencyCap)[1].summary.contains("brand cap"))
    }

    @Test func optOutConfirmationMissingOrLate() throws {
        var log = Log()
        let missing = log.customer(
            1,
            phone: "+1 212 ***-**07",
            zone: "America/New_York",
            state: "NY",
            consent: "web_form"
        )
        log.reply(
            missing,
            "STOP",
            at: Log.at(14),
            consent: .optOut,
            scope: .all,
            sid: "SM000000000000000000000000000000d1"
        )

        let late = log.customer(2, phone: "+1 646 ***-**08", zone: "America/New_York", state: "NY", consent: "web_form")
        log.reply(late, "UNSUBSCRIBE", at: Log.at(14), consent: .optOut, scope: .all)
        log.send(late, at: Log.at(14, 7, 12), kind: .compliance, purpose: .compliance, subject: nil)

        let onTime = log.customer(
            3,
            phone: "+1 718 ***-**09",
            zone: "America/New_York",
            state: "NY",
            consent: "web_form"
        )
        log.reply(onTime, "STOP", at: Log.at(14), consent: .optOut, scope: .all)
        log.send(onTime, at: Log.at(14, 5), kind: .compliance, purpose: .compliance, subject: nil)  // exactly 5 min

        // A HELP answered later is not a late confirmation of the STOP before it.
        let helpLater = log.customer(
            4,
            phone: "+1 917 ***-**10",
            zone: "America/New_York",
            state: "NY",
            consent: "web_form"
        )
        log.reply(helpLater, "STOP", at: Log.at(14), consent: .optOut, scope: .all)
        log.reply(helpLater, "HELP", at: Log.at(15), consent: .help)
        log.send(helpLater, at: Log.at(15, 0, 5), kind: .compliance, purpose: .compliance, subject: nil)

        let result = try ComplianceAudit.run(try log.database())
        let found = result.findings(for: .optOutConfirmation)
        #expect(found.map(\.customerID) == [1, 2, 4])
        #expect(found[0].messageIDs == ["SM000000000000000000000000000000d1"])
        #expect(found[0].summary.contains("never confirmed"))
        #expect(found[1].messageIDs == ["2", "3"])
        #expect(found[1].summary.contains("confirmed 7 min 12 s later, past the 5 min limit"))
        #expect(found[2].summary.contains("never confirmed"))
        #expect(result.findings.count == 3)
    }

    /// An import carries no opt-ins: marketing to its customers is reported as not checkable, not as a breach.
    @Test func importWithoutConsentRecordsIsAnAdvisoryNotAFinding() throws {
        var log = Log(runID: 7, kind: "import")
        let ny = log.customer(1, phone: "+1 212 ***-**07", zone: "America/New_York", state: "", consent: nil)
        log.send(ny, at: Log.at(15), sid: "SM000000000000000000000000000000e1")
        let result = try ComplianceAudit.run(try log.database())
        #expect(result.runID == 7 && result.runKind == "import")
        #expect(result.isClean)
        let check = try #require(result.checks.first { $0.rule == .noConsent })
        #expect(check.advisory?.contains("1 customer(s) who got 1 marketing text(s)") == true)
    }

    @Test func picksTheRunAndRefusesAMissingOne() throws {
        let database = try cleanLog().database()
        var other = Log(runID: 2)
        let la = other.customer(1, phone: "+1 415 ***-**23", zone: "America/Los_Angeles", state: "CA", consent: "none")
        other.send(la, at: Log.at(17))
        try other.write(to: database)
        #expect(try ComplianceAudit.run(database).runID == 2)
        #expect(try ComplianceAudit.run(database).findings.count == 1)
        #expect(try ComplianceAudit.run(database, runID: 1).isClean)
        #expect(throws: AuditError.noSuchRun(id: 5, available: [1, 2])) { try ComplianceAudit.run(database, runID: 5) }
        #expect(throws: AuditError.noRuns) { try ComplianceAudit.run(try Log().databaseWithoutRuns()) }
    }

    @Test func baselineConsentIsReadFromTheAttributes() {
        #expect(BaselineConsent.from(attributesJSON: #"{"a":1,"consent_source": "checkout"}"#) == .given("checkout"))
        #expect(BaselineConsent.from(attributesJSON: #"{"consent_source":"none"}"#) == .none)
        #expect(BaselineConsent.from(attributesJSON: "{}") == .unknown)
    }

    @Test func durationsReadAsPeopleWriteThem() {
        #expect(CustomerAudit.duration(432_000) == "7 min 12 s")
        #expect(CustomerAudit.duration(7_500_000) == "2 h 5 min")
        #expect(CustomerAudit.duration(300_000) == "5 min")
        #expect(CustomerAudit.duration(97_200_000) == "1 d 3 h")
    }
}

extension AuditLogBuilder {
    /// An empty, migrated log with no runs.
    func databaseWithoutRuns() throws -> Database {
        let database = try Database.inMemory()
        try EventLogSchema.migrate(database)
        return database
    }
}
