import Foundation
import Testing

@testable import Messaging

@Suite struct HolidayCalendarTests {
    static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets")

    /// OPM's published federal holiday schedules (opm.gov/policy-data-oversight/pay-leave/federal-holidays):
    /// 2026: Jan 1, Jan 19, Feb 16, May 25, Jun 19, Jul 3 (Independence Day on a Saturday), Sep 7, Oct 12,
    /// Nov 11, Nov 26, Dec 25. 2027: Jan 1, Jan 18, Feb 15, May 31, Jun 18 (Saturday), Jul 5 (Sunday), Sep 6,
    /// Oct 11, Nov 11, Nov 25, Dec 24 (Saturday); and Dec 31, 2027 for New Year's Day 2028, a Saturday.
    @Test func federalObservedDatesMatchOPM() {
        let calendar = HolidayCalendar.federal
        #expect(
            calendar.observed(in: 2026).map(\.date) == [
                "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
                "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
            ]
        )
        #expect(
            calendar.observed(in: 2027).map(\.date) == [
                "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06",
                "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
            ]
        )
        #expect(calendar.holiday(year: 2027, month: 12, day: 31) == "New Year's Day")
        #expect(calendar.holiday(year: 2026, month: 7, day: 4) == nil)
        #expect(calendar.holiday(year: 2020, month: 6, day: 19) == nil, "Juneteenth is a holiday from 2021")
    }

    /// Easter dates from the US Naval Observatory's table: 2024-03-31, 2026-04-05, 2027-03-28, 2038-04-25.
    @Test func easterAndMardiGrasFollowTheComputus() {
        #expect(CivilDate(daysSinceEpoch: HolidayDate.easterSunday(2024)).isoDate == "2024-03-31")
        #expect(CivilDate(daysSinceEpoch: HolidayDate.easterSunday(2026)).isoDate == "2026-04-05")
        #expect(CivilDate(daysSinceEpoch: HolidayDate.easterSunday(2027)).isoDate == "2027-03-28")
        #expect(CivilDate(daysSinceEpoch: HolidayDate.easterSunday(2038)).isoDate == "2038-04-25")
        // Mardi Gras 2026 was Tuesday 17 February.
        #expect(HolidayCalendar.louisiana.holiday(year: 2026, month: 2, day: 17) == "Mardi Gras")
        #expect(HolidayCalendar.louisiana.holiday(year: 2026, month: 4, day: 3) == "Good Friday")
    }

    @Test func movedHolidayRulesDiffer() {
        // Christmas 2022 fell on a Sunday: federal and Sunday-to-Monday calendars both keep Monday the 26th;
        // Independence Day 2026 falls on a Saturday: federal moves it to Friday, Sunday-to-Monday keeps Saturday.
        #expect(HolidayCalendar.federal.holiday(year: 2022, month: 12, day: 26) == "Christmas Day")
        #expect(HolidayCalendar.mississippi.holiday(year: 2022, month: 12, day: 26) == "Christmas Day")
        #expect(HolidayCalendar.mississippi.holiday(year: 2026, month: 7, day: 3) == nil)
        #expect(HolidayCalendar.mississippi.holiday(year: 2026, month: 7, day: 4) == "Independence Day")
        #expect(HolidayCalendar.alabama.holiday(year: 2026, month: 7, day: 3) == "Independence Day")
        #expect(HolidayCalendar.rhodeIsland.holiday(year: 2026, month: 8, day: 10) == "Victory Day")
        #expect(HolidayCalendar.rhodeIsland.holiday(year: 2026, month: 2, day: 16) == nil)
    }

    @Test func dataFileMatchesTheBuiltInCalendars() throws {
        let calendars = try HolidayCalendarFile.load(
            contentsOf: Self.datasets.appendingPathComponent("holidays.json").path
        )
        #expect(calendars.map(\.name) == ["Federal", "Louisiana", "Rhode Island"])
        let builtIn: [HolidayCalendar] = [.federal, .louisiana, .rhodeIsland]
        for (loaded, expected) in zip(calendars, builtIn) {
            #expect(loaded.states == expected.states)
            #expect(loaded.observance == expected.observance)
            #expect(loaded.blocksMarketing == expected.blocksMarketing)
            #expect(Set(loaded.holidays) == Set(expected.holidays), "\(loaded.name)")
        }
    }

    @Test func fileErrorsNameThePath() {
        let bad =
            #"{"calendars": [{"name": "X", "states": ["XX"], "source": "s", "blocks_marketing": true, "holidays": [{"name": "H", "date": "5th blursday"}]}]}"#
        #expect(throws: MessagingDataError.self) { try HolidayCalendarFile.decode(Data(bad.utf8), file: "h.json") }
        do {
            _ = try HolidayCalendarFile.decode(Data(bad.utf8), file: "h.json")
        } catch {
            #expect("\(error)".hasPrefix("h.json: $.calendars[0].holidays[0].date: expected \"MM-DD\""))
        }
    }

    /// 2026-11-26 (Thanksgiving) 16:00 UTC is 10:00 in New Orleans, inside every window.
    static let thanksgivingMorning = Instant(year: 2026, month: 11, day: 26, hour: 16)

    @Test func gateDefersALouisianaTextOnAHolidayAndNamesTheCalendar() throws {
        var consent = ConsentHistory()
        consent.optIn(source: .webForm, at: Instant(year: 2026, month: 1, day: 1))
        let louisianan = RecipientCompliance(
            phone: try PhoneNumber.parse("+1 504 555 0100", allowFictional: true),
            consent: consent
        )
        let decision = OutboundGate.standard.check(
            louisianan,
            purpose: .marketing,
            subject: "cart",
            at: Self.thanksgivingMorning
        )
        guard case .deferred(let until, let hold) = decision else {
            Issue.record("expected a deferral, got \(decision)")
            return
        }
        #expect(hold.cause == .holiday)
        #expect(hold.rule == "Louisiana")
        #expect(hold.ruleKind == .calendar)
        #expect(hold.reason.contains("Thanksgiving Day (Thu 2026-11-26 in America/Chicago)"))
        // Friday 08:00 in Chicago.
        #expect(until == Instant(year: 2026, month: 11, day: 27, hour: 14))
        var californian = louisianan
        californian.phone = try PhoneNumber.parse("+1 415 555 0100", allowFictional: true)
        californian.timeZones = ["America/Los_Angeles"]
        californian.state = "CA"
        #expect(
            OutboundGate.standard.check(californian, purpose: .marketing, subject: "cart", at: Self.thanksgivingMorning)
                == .send
        )
        // A resident of Louisiana with a California number is bound by Louisiana's calendar too.
        californian.residenceState = "LA"
        #expect(
            OutboundGate.standard.check(californian, purpose: .marketing, subject: "cart", at: Self.thanksgivingMorning)
                != .send
        )
    }

    @Test func holdsSayWhichKindOfRuleApplied() {
        #expect(SendHold(.quietHours, rule: "Texas", reason: "r").ruleLabel == "Texas quiet hours")
        #expect(SendHold(.holiday, rule: "Louisiana", reason: "r").ruleLabel == "Louisiana holiday calendar")
        #expect(SendHold(.frequencyCap, rule: "Florida", reason: "r").ruleLabel == "Florida same-subject cap")
        #expect(SendHold(.frequencyCap, rule: "brand cap", reason: "r").ruleLabel == "brand cap")
        #expect(SendHold(.optedOut, reason: "r").ruleKind == .consent)
    }
}
