import Foundation
import Testing

@testable import Messaging

@Suite struct QuietHoursRuleFileTests {
    static let datasetPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/quiet-hours.json").path

    @Test func datasetEqualsTheBuiltInRules() throws {
        let rules = try QuietHoursRuleFile.load(contentsOf: Self.datasetPath)
        #expect(rules == QuietHoursPolicy.standard.rules)
    }

    @Test func disabledPresetsAreSkipped() throws {
        let rules = try QuietHoursRuleFile.load(contentsOf: Self.datasetPath)
        #expect(!rules.map(\.name).contains("Louisiana"))
    }

    @Test func closedDaysForbidSending() throws {
        let json =
            #"{"rules": [{"name": "Sunday rest", "states": ["LA"], "daily": "08:00-20:00", "days": {"sun": "closed"}, "source": "test"}]}"#
        let rules = try QuietHoursRuleFile.decode(Data(json.utf8), file: "t.json")
        #expect(rules[0].windows[0] == nil)
        #expect(rules[0].windows[1] == SendWindow(hours: 8, 20))
        // No holiday calendars: Monday 2026-01-19 is MLK Day, a Louisiana blackout (see HolidayCalendarTests).
        let policy = QuietHoursPolicy(rules: [.federal] + rules, zones: ["America/Chicago"], holidayCalendars: [])
        let sundayNoon = Instant(year: 2026, month: 1, day: 18, hour: 18)
        #expect(!policy.isAllowed(at: sundayNoon, timeZones: ["America/Chicago"], state: "LA"))
        #expect(
            policy.nextAllowed(after: sundayNoon, timeZones: ["America/Chicago"], state: "LA")
                == Instant(year: 2026, month: 1, day: 19, hour: 14)
        )
    }

    @Test(arguments: [
        (
            #"{"rules": [{"name": "X", "states": [], "daily": "8-9", "source": "s"}]}"#,
            "$.rules[0].daily", "expected \"HH:MM-HH:MM\" or \"closed\", got \"8-9\""
        ),
        (
            #"{"rules": [{"name": "X", "states": [], "daily": "21:00-08:00", "source": "s"}]}"#,
            "$.rules[0].daily", "the window must end after it starts, got \"21:00-08:00\""
        ),
        (
            #"{"rules": [{"name": "X", "states": ["fl"], "daily": "08:00-20:00", "source": "s"}]}"#,
            "$.rules[0].states", "expected two-letter state codes such as [\"FL\"], or [] for everywhere"
        ),
        (
            #"{"rules": [{"name": "X", "states": [], "daily": "08:00-20:00"}]}"#,
            "$.rules[0].source", "every rule needs its statute or regulation"
        ),
        (
            #"{"rules": [{"name": "X", "states": [], "days": {"sunday": "08:00-20:00"}, "source": "s"}]}"#,
            "$.rules[0].days.sunday", "unknown day; use sun, mon, tue, wed, thu, fri or sat"
        ),
        (
            #"{"rules": [{"name": "X", "states": [], "daily": "08:00-20:00", "source": "s", "same_subject_cap": {"max_sends": 0, "window_hours": 24}}]}"#,
            "$.rules[0].same_subject_cap.max_sends", "expected a positive whole number"
        ),
        (#"{"rules": {}}"#, "$.rules", "expected an array of rules"),
        (
            #"{"rules": [{"name": "X", "states": ["FL"], "daily": "08:00-20:00", "source": "s", "same_subjet_cap": {"max_sends": 3, "window_hours": 24}}]}"#,
            "$.rules[0].same_subjet_cap", "unknown key \"same_subjet_cap\"; did you mean \"same_subject_cap\"?"
        ),
        (
            #"{"rules": [{"name": "X", "states": [], "daily": "08:00-20:00", "source": "s", "same_subject_cap": {"max_sends": 3, "window": 24}}]}"#,
            "$.rules[0].same_subject_cap.window", "unknown key \"window\"; use max_sends, window_hours, source"
        ),
        (#"{"rulez": []}"#, "$.rules", "expected an array of rules"),
        (#"{"rules": [], "extra": 1}"#, "$.extra", "unknown key \"extra\"; use about, rules"),
        ("not json", "$", "not valid JSON"),
    ])
    func badRulesNameTheFileAndPath(_ json: String, _ path: String, _ problem: String) {
        let error = #expect(throws: MessagingDataError.self) {
            try QuietHoursRuleFile.decode(Data(json.utf8), file: "rules.json")
        }
        #expect(error == MessagingDataError(file: "rules.json", path: path, problem: problem))
    }

    @Test func aMissingFileIsNamed() {
        let error = #expect(throws: MessagingDataError.self) {
            try QuietHoursRuleFile.load(contentsOf: "/no/such/quiet-hours.json")
        }
        #expect(error?.description == "/no/such/quiet-hours.json: $: cannot read the file (does it exist?)")
    }
}
