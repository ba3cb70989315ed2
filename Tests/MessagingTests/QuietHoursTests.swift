import Foundation
import Testing

@testable import Messaging

/// One send attempt: where the recipient is, when (UTC), and whether the law allows it.
struct QuietHoursCase: CustomTestStringConvertible, Sendable {
    let name: String
    let zones: [String]
    let state: String?
    let at: Instant
    let allowed: Bool

    init(_ name: String, _ zones: [String], _ state: String?, _ at: Instant, allowed: Bool) {
        self.name = name
        self.zones = zones
        self.state = state
        self.at = at
        self.allowed = allowed
    }

    var testDescription: String { name }
}

private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
    Instant(year: year, month: month, day: day, hour: hour, minute: minute)
}

private let eastern = ["America/New_York"]
private let central = ["America/Chicago"]

@Suite struct QuietHoursTests {
    // 2026 US DST: starts Sun Mar 8 02:00 local, ends Sun Nov 1 02:00 local. EST = UTC−5, EDT = UTC−4.
    static let cases: [QuietHoursCase] = [
        // Federal window, New York, both sides of the spring change.
        QuietHoursCase("Sat before spring change 07:59 EST", eastern, "NY", utc(2026, 3, 7, 12, 59), allowed: false),
        QuietHoursCase("Sat before spring change 08:00 EST", eastern, "NY", utc(2026, 3, 7, 13, 0), allowed: true),
        QuietHoursCase("Sat before spring change 20:59 EST", eastern, "NY", utc(2026, 3, 8, 1, 59), allowed: true),
        QuietHoursCase("Sat before spring change 21:00 EST", eastern, "NY", utc(2026, 3, 8, 2, 0), allowed: false),
        QuietHoursCase("Mon after spring change 07:59 EDT", eastern, "NY", utc(2026, 3, 9, 11, 59), allowed: false),
        QuietHoursCase("Mon after spring change 08:00 EDT", eastern, "NY", utc(2026, 3, 9, 12, 0), allowed: true),
        QuietHoursCase("Sun of spring change 20:59 EDT", eastern, "NY", utc(2026, 3, 9, 0, 59), allowed: true),
        QuietHoursCase("Sun of spring change 21:00 EDT", eastern, "NY", utc(2026, 3, 9, 1, 0), allowed: false),
        // Both sides of the fall change.
        QuietHoursCase("Sat before fall change 07:59 EDT", eastern, "NY", utc(2026, 10, 31, 11, 59), allowed: false),
        QuietHoursCase("Sat before fall change 08:00 EDT", eastern, "NY", utc(2026, 10, 31, 12, 0), allowed: true),
        QuietHoursCase(
            "Mon after fall change 07:00 EST (08:00 if EDT were assumed)",
            eastern,
            "NY",
            utc(2026, 11, 2, 12, 0),
            allowed: false
        ),
        QuietHoursCase("Mon after fall change 08:00 EST", eastern, "NY", utc(2026, 11, 2, 13, 0), allowed: true),
        QuietHoursCase("Mon after fall change 20:59 EST", eastern, "NY", utc(2026, 11, 3, 1, 59), allowed: true),
        QuietHoursCase("Mon after fall change 21:00 EST", eastern, "NY", utc(2026, 11, 3, 2, 0), allowed: false),
        // Arizona keeps MST all year.
        QuietHoursCase("Phoenix July 08:00 MST", ["America/Phoenix"], "AZ", utc(2026, 7, 1, 15, 0), allowed: true),
        QuietHoursCase("Phoenix July 07:59 MST", ["America/Phoenix"], "AZ", utc(2026, 7, 1, 14, 59), allowed: false),
        QuietHoursCase("Phoenix January 08:00 MST", ["America/Phoenix"], "AZ", utc(2026, 1, 14, 15, 0), allowed: true),
        QuietHoursCase(
            "Los Angeles January 07:00 PST",
            ["America/Los_Angeles"],
            "CA",
            utc(2026, 1, 14, 15, 0),
            allowed: false
        ),
        // An area code spanning zones must be inside the window in all of them (208 Idaho).
        QuietHoursCase(
            "208: 08:30 Mountain but 07:30 Pacific",
            [
                "America/Boise", "America/Denver",
                "America/Los_Angeles",
            ],
            "ID",
            utc(2026, 1, 14, 15, 30),
            allowed: false
        ),
        QuietHoursCase(
            "208: 09:00 Mountain and 08:00 Pacific",
            [
                "America/Boise", "America/Denver",
                "America/Los_Angeles",
            ],
            "ID",
            utc(2026, 1, 14, 16, 0),
            allowed: true
        ),
        QuietHoursCase(
            "208: 21:00 Mountain, 20:00 Pacific",
            [
                "America/Boise", "America/Denver",
                "America/Los_Angeles",
            ],
            "ID",
            utc(2026, 1, 15, 4, 0),
            allowed: false
        ),
        // Florida 08:00–20:00, also across a zone split (850: Central and Eastern).
        QuietHoursCase("FL 305 19:59 EST", eastern, "FL", utc(2026, 1, 15, 0, 59), allowed: true),
        QuietHoursCase("FL 305 20:00 EST (federal would allow)", eastern, "FL", utc(2026, 1, 15, 1, 0), allowed: false),
        QuietHoursCase("NY 212 20:00 EST is fine federally", eastern, "NY", utc(2026, 1, 15, 1, 0), allowed: true),
        QuietHoursCase(
            "FL 850 07:30 Central",
            ["America/Chicago", "America/New_York"],
            "FL",
            utc(2026, 1, 14, 13, 30),
            allowed: false
        ),
        QuietHoursCase(
            "FL 850 08:00 Central",
            ["America/Chicago", "America/New_York"],
            "FL",
            utc(2026, 1, 14, 14, 0),
            allowed: true
        ),
        QuietHoursCase(
            "FL 850 20:00 Eastern",
            ["America/Chicago", "America/New_York"],
            "FL",
            utc(2026, 1, 15, 1, 0),
            allowed: false
        ),
        // Oklahoma and Maryland 08:00–20:00.
        QuietHoursCase("OK 19:59 CST", central, "OK", utc(2026, 1, 15, 1, 59), allowed: true),
        QuietHoursCase("OK 20:00 CST", central, "OK", utc(2026, 1, 15, 2, 0), allowed: false),
        QuietHoursCase("MD 20:00 EDT in July", eastern, "MD", utc(2026, 7, 2, 0, 0), allowed: false),
        QuietHoursCase("MD 19:59 EDT in July", eastern, "MD", utc(2026, 7, 1, 23, 59), allowed: true),
        // Texas 09:00–21:00 Monday–Saturday, 12:00–21:00 Sunday.
        QuietHoursCase("TX Sunday 11:59 CST", central, "TX", utc(2026, 1, 18, 17, 59), allowed: false),
        QuietHoursCase("TX Sunday 12:00 CST", central, "TX", utc(2026, 1, 18, 18, 0), allowed: true),
        QuietHoursCase(
            "TX Monday 08:59 CST (federal would allow)",
            central,
            "TX",
            utc(2026, 1, 19, 14, 59),
            allowed: false
        ),
        QuietHoursCase("TX Monday 09:00 CST", central, "TX", utc(2026, 1, 19, 15, 0), allowed: true),
        QuietHoursCase("TX Saturday 09:00 CST", central, "TX", utc(2026, 1, 17, 15, 0), allowed: true),
        QuietHoursCase("TX Saturday 20:59 CST", central, "TX", utc(2026, 1, 18, 2, 59), allowed: true),
        QuietHoursCase("TX El Paso Sunday 12:00 MST", ["America/Denver"], "TX", utc(2026, 1, 18, 19, 0), allowed: true),
        QuietHoursCase(
            "TX El Paso Sunday 11:00 MST (noon in Dallas)",
            ["America/Denver"],
            "TX",
            utc(2026, 1, 18, 18, 0),
            allowed: false
        ),
        // Connecticut 09:00–20:00.
        QuietHoursCase("CT 08:30 EST", eastern, "CT", utc(2026, 1, 14, 13, 30), allowed: false),
        QuietHoursCase("CT 09:00 EST", eastern, "CT", utc(2026, 1, 14, 14, 0), allowed: true),
        QuietHoursCase("CT 20:00 EST", eastern, "CT", utc(2026, 1, 15, 1, 0), allowed: false),
        // Newfoundland's half-hour zone with Atlantic (709): both must be past 08:00.
        QuietHoursCase(
            "709: 08:00 NST but 07:30 AST",
            ["America/Halifax", "America/St_Johns"],
            "NL",
            utc(2026, 1, 14, 11, 30),
            allowed: false
        ),
        QuietHoursCase(
            "709: 08:30 NST and 08:00 AST",
            ["America/Halifax", "America/St_Johns"],
            "NL",
            utc(2026, 1, 14, 12, 0),
            allowed: true
        ),
        QuietHoursCase(
            "Honolulu never shifts: 08:00 HST in July",
            ["Pacific/Honolulu"],
            "HI",
            utc(2026, 7, 1, 18, 0),
            allowed: true
        ),
        // Unknown zone: inside the window everywhere in the US, Honolulu included.
        QuietHoursCase("unknown zone, 07:00 in Honolulu", [], nil, utc(2026, 1, 14, 17, 0), allowed: false),
        QuietHoursCase("unknown zone, 08:00 Honolulu, 13:00 New York", [], nil, utc(2026, 1, 14, 18, 0), allowed: true),
        QuietHoursCase(
            "misspelt zone falls back the same way",
            ["America/Nowhere"],
            nil,
            utc(2026, 1, 14, 17, 0),
            allowed: false
        ),
    ]

    @Test(arguments: cases)
    func allowsOnlyInsideTheStrictestWindow(_ row: QuietHoursCase) {
        #expect(QuietHoursPolicy.standard.isAllowed(at: row.at, timeZones: row.zones, state: row.state) == row.allowed)
    }

    struct NextCase: CustomTestStringConvertible, Sendable {
        let name: String
        let zones: [String]
        let state: String?
        let after: Instant
        let expected: Instant
        var testDescription: String { name }
    }

    static let nextCases: [NextCase] = [
        NextCase(
            name: "Sat 21:30 EST → Sun 08:00 EDT, across the spring change",
            zones: eastern,
            state: "NY",
            after: utc(2026, 3, 8, 2, 30),
            expected: utc(2026, 3, 8, 12, 0)
        ),
        NextCase(
            name: "Sat 22:00 EDT → Sun 08:00 EST, across the fall change",
            zones: eastern,
            state: "NY",
            after: utc(2026, 11, 1, 2, 0),
            expected: utc(2026, 11, 1, 13, 0)
        ),
        NextCase(
            name: "already allowed: the same instant",
            zones: eastern,
            state: "NY",
            after: utc(2026, 1, 14, 15, 0),
            expected: utc(2026, 1, 14, 15, 0)
        ),
        NextCase(
            name: "Texas Sunday morning waits for noon",
            zones: central,
            state: "TX",
            after: utc(2026, 1, 18, 15, 0),
            expected: utc(2026, 1, 18, 18, 0)
        ),
        NextCase(
            name: "Texas Saturday night waits for Sunday noon",
            zones: central,
            state: "TX",
            after: utc(2026, 1, 18, 4, 0),
            expected: utc(2026, 1, 18, 18, 0)
        ),
        NextCase(
            name: "208 waits for Pacific 08:00",
            zones: ["America/Boise", "America/Denver", "America/Los_Angeles"],
            state: "ID",
            after: utc(2026, 1, 14, 15, 30),
            expected: utc(2026, 1, 14, 16, 0)
        ),
        NextCase(
            name: "Florida 20:30 EST waits for 08:00",
            zones: eastern,
            state: "FL",
            after: utc(2026, 1, 15, 1, 30),
            expected: utc(2026, 1, 15, 13, 0)
        ),
        NextCase(
            name: "Connecticut 08:15 waits for 09:00",
            zones: eastern,
            state: "CT",
            after: utc(2026, 1, 14, 13, 15),
            expected: utc(2026, 1, 14, 14, 0)
        ),
        NextCase(
            name: "unknown zone waits for 08:00 in Honolulu",
            zones: [],
            state: nil,
            after: utc(2026, 1, 14, 3, 0),
            expected: utc(2026, 1, 14, 18, 0)
        ),
    ]

    @Test(arguments: nextCases)
    func nextAllowedIsTheFirstLawfulInstant(_ row: NextCase) {
        let policy = QuietHoursPolicy.standard
        let next = policy.nextAllowed(after: row.after, timeZones: row.zones, state: row.state)
        #expect(next == row.expected, "got \(next.iso8601)")
        #expect(policy.isAllowed(at: next, timeZones: row.zones, state: row.state))
        if next > row.after {
            #expect(!policy.isAllowed(at: next.adding(seconds: -60), timeZones: row.zones, state: row.state))
        }
    }

    @Test func nextAllowedIsAlwaysLawfulAndMinimalAcrossAYear() {
        let policy = QuietHoursPolicy.standard
        for (zones, state) in [
            (eastern, "NY"), (central, "TX"), (["America/Chicago", "America/New_York"], "FL"),
            (["Pacific/Honolulu"], "HI"), (["America/St_Johns", "America/Halifax"], "NL"),
        ] {
            let schedule = policy.schedule(timeZones: zones, states: [state])
            var instant = utc(2026, 1, 1, 0, 7)
            while instant < utc(2027, 1, 1, 0) {
                let next = schedule.nextAllowed(after: instant)
                #expect(schedule.isAllowed(at: next), "\(state) \(instant.iso8601)")
                #expect(next >= instant)
                if next > instant {
                    #expect(!schedule.isAllowed(at: next.adding(seconds: -1)), "\(state) \(next.iso8601)")
                }
                instant = instant.adding(seconds: 3 * 3600 + 17 * 60)
            }
        }
    }

    @Test func offsetTablesAgreeWithFoundationEveryHourOf2026() throws {
        for name in ["America/New_York", "America/Phoenix", "America/St_Johns", "America/Adak", "America/Fort_Nelson"] {
            let table = try #require(UTCOffsetTable(zoneName: name))
            let zone = try #require(TimeZone(identifier: name))
            var seconds = utc(2026, 1, 1, 0).epochMilliseconds / 1000
            while seconds < utc(2027, 1, 1, 0).epochMilliseconds / 1000 {
                let expected = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
                #expect(table.offsetSeconds(atUTCSeconds: seconds) == expected, "\(name) at \(seconds)")
                seconds += 3600
            }
        }
    }

    @Test func offsetChangesArePinnedToTheSecond() throws {
        let table = try #require(UTCOffsetTable(zoneName: "America/New_York"))
        let spring = utc(2026, 3, 8, 7, 0).epochMilliseconds / 1000
        #expect(table.offsetSeconds(atUTCSeconds: spring - 1) == -18_000)
        #expect(table.offsetSeconds(atUTCSeconds: spring) == -14_400)
        let fall = utc(2026, 11, 1, 6, 0).epochMilliseconds / 1000
        #expect(table.offsetSeconds(atUTCSeconds: fall - 1) == -14_400)
        #expect(table.offsetSeconds(atUTCSeconds: fall) == -18_000)
        #expect(UTCOffsetTable(zoneName: "Mars/Olympus_Mons") == nil)
    }

    @Test func residenceStateAddsItsRules() {
        let policy = QuietHoursPolicy.standard
        let at = utc(2026, 1, 15, 1, 30)  // 20:30 EST
        #expect(policy.schedule(timeZones: eastern, states: ["NY"]).isAllowed(at: at))
        #expect(!policy.schedule(timeZones: eastern, states: ["NY", "FL"]).isAllowed(at: at))
    }

    @Test func blockedSendsSayWhichRuleAndWhere() throws {
        let schedule = QuietHoursPolicy.standard.schedule(timeZones: central, states: ["TX"])
        let reason = try #require(schedule.blockingReason(at: utc(2026, 1, 18, 15, 0)))
        #expect(
            reason == "quiet hours: Sun 09:00 in America/Chicago is outside 12:00–21:00 "
                + "(Texas: Tex. Bus. & Com. Code §301.051 (texts since SB 140, eff. 2025-09-01))"
        )
        let federal = try #require(
            QuietHoursPolicy.standard.schedule(timeZones: eastern, states: ["NY"])
                .blockingReason(at: utc(2026, 1, 15, 3, 0))
        )
        #expect(
            federal.contains("Wed 22:00 in America/New_York is outside 08:00–21:00 (Federal: 47 CFR 64.1200(c)(1))")
        )
        #expect(schedule.blockingReason(at: utc(2026, 1, 18, 18, 0)) == nil)
    }

    @Test func everyRuleCarriesASource() {
        for rule in QuietHoursPolicy.standard.rules {
            #expect(!rule.source.isEmpty)
            #expect(rule.windows.count == 7)
        }
        #expect(QuietHoursPolicy.standard.sameSubjectCaps(states: ["FL"]).map(\.maxSends) == [3])
        #expect(QuietHoursPolicy.standard.sameSubjectCaps(states: ["TX"]).isEmpty)
    }
}
