/// A named list of holidays with its weekend observance rule: the federal calendar that counts business days for
/// the revocation deadline, and the state calendars on whose holidays marketing texts are barred (compliance.md
/// §2 and §3.2).
///
/// Observed days for `coveredYears` are computed once and kept sorted, so "is this day a holiday?" is a binary
/// search with no date arithmetic per message.
public struct HolidayCalendar: Hashable, Sendable {
    /// One holiday: its name, when it falls, and the first year it applies (Juneteenth from 2021).
    public struct Holiday: Hashable, Sendable {
        public var name: String
        public var date: HolidayDate
        public var fromYear: Int?

        public init(_ name: String, _ date: HolidayDate, fromYear: Int? = nil) {
            self.name = name
            self.date = date
            self.fromYear = fromYear
        }
    }

    /// "Federal", "Louisiana", …
    public let name: String
    /// Two-letter states whose recipients it binds; empty for the federal calendar.
    public let states: [String]
    public let holidays: [Holiday]
    public let observance: HolidayObservance
    /// True when the states forbid marketing texts on these holidays (LA, AL, RI); false for a calendar used only to
    /// count business days (federal).
    public let blocksMarketing: Bool
    /// The statute or regulation.
    public let source: String

    /// Observed holiday days, ascending, and the name of each.
    private let days: [Int64]
    private let names: [String]

    /// The years precomputed; outside them holidays are computed on demand.
    public static let coveredYears = 2000...2060

    public init(
        name: String,
        states: [String],
        holidays: [Holiday],
        observance: HolidayObservance,
        blocksMarketing: Bool,
        source: String
    ) {
        self.name = name
        self.states = states
        self.holidays = holidays
        self.observance = observance
        self.blocksMarketing = blocksMarketing
        self.source = source
        var observed: [(Int64, String)] = []
        for year in Self.coveredYears { observed += Self.observedDays(holidays, observance, in: year) }
        observed.sort { $0.0 < $1.0 }
        days = observed.map(\.0)
        names = observed.map(\.1)
    }

    private static func observedDays(
        _ holidays: [Holiday],
        _ observance: HolidayObservance,
        in year: Int
    ) -> [(Int64, String)] {
        holidays.compactMap { holiday in
            if let from = holiday.fromYear, year < from { return nil }
            return (observance.observed(holiday.date.day(in: year)), holiday.name)
        }
    }

    /// True when the calendar binds a recipient in any of `states` (the federal calendar binds everyone).
    public func applies(to states: [String]) -> Bool {
        self.states.isEmpty || self.states.contains { rule in states.contains { $0.uppercased() == rule } }
    }

    /// The holiday observed on `day` (days since 1970-01-01, a local date), or nil.
    /// - Complexity: O(log h) inside `coveredYears`.
    public func holiday(onDay day: Int64) -> String? {
        let year = CivilDate(daysSinceEpoch: day).year
        guard Self.coveredYears.contains(year) else {
            // A Saturday New Year's Day is observed on the Friday before, in the previous year.
            let nearby = (year - 1...year + 1).flatMap { Self.observedDays(holidays, observance, in: $0) }
            return nearby.first { $0.0 == day }?.1
        }
        var low = 0
        var high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low < days.count && days[low] == day ? names[low] : nil
    }

    /// The holiday observed on the civil date, or nil.
    public func holiday(year: Int, month: Int, day: Int) -> String? {
        holiday(onDay: CivilDate.daysFromCivil(year: year, month: month, day: day))
    }

    /// True for Monday to Friday when no holiday is observed.
    public func isBusinessDay(_ day: Int64) -> Bool {
        let weekday = CivilDate.weekday(of: day)
        return weekday != 0 && weekday != 6 && holiday(onDay: day) == nil
    }

    /// Observed holidays in `year`, in date order: (ISO date, name).
    public func observed(in year: Int) -> [(date: String, name: String)] {
        Self.observedDays(holidays, observance, in: year).sorted { $0.0 < $1.0 }.map {
            (CivilDate(daysSinceEpoch: $0.0).isoDate, $0.1)
        }
    }
}

extension HolidayCalendar {
    /// The eleven federal legal public holidays of 5 U.S.C. 6103(a), observed on the Friday before or Monday after
    /// a weekend date (6103(b), EO 11582): the calendar of the FCC's "ten business days" (compliance.md §2).
    public static let federal = HolidayCalendar(
        name: "Federal",
        states: [],
        holidays: federalHolidays,
        observance: .federal,
        blocksMarketing: false,
        source: "5 U.S.C. 6103(a),(b); Executive Order 11582"
    )

    static let federalHolidays: [Holiday] = [
        Holiday("New Year's Day", .fixed(month: 1, day: 1)),
        Holiday("Birthday of Martin Luther King, Jr.", .nthWeekday(ordinal: 3, weekday: 1, month: 1)),
        Holiday("Washington's Birthday", .nthWeekday(ordinal: 3, weekday: 1, month: 2)),
        Holiday("Memorial Day", .nthWeekday(ordinal: -1, weekday: 1, month: 5)),
        Holiday("Juneteenth National Independence Day", .fixed(month: 6, day: 19), fromYear: 2021),
        Holiday("Independence Day", .fixed(month: 7, day: 4)),
        Holiday("Labor Day", .nthWeekday(ordinal: 1, weekday: 1, month: 9)),
        Holiday("Columbus Day", .nthWeekday(ordinal: 2, weekday: 1, month: 10)),
        Holiday("Veterans Day", .fixed(month: 11, day: 11)),
        Holiday("Thanksgiving Day", .nthWeekday(ordinal: 4, weekday: 4, month: 11)),
        Holiday("Christmas Day", .fixed(month: 12, day: 25)),
    ]

    /// Louisiana: no solicitation on legal holidays (La. R.S. 45:811; PSC General Order R-29617), confidence M.
    /// Its legal holidays (La. R.S. 1:55) add Mardi Gras and Good Friday to the federal list.
    public static let louisiana = HolidayCalendar(
        name: "Louisiana",
        states: ["LA"],
        holidays: federalHolidays + [
            Holiday("Mardi Gras", .easter(offsetDays: -47)), Holiday("Good Friday", .easter(offsetDays: -2)),
        ],
        observance: .federal,
        blocksMarketing: true,
        source: "La. R.S. 45:811; PSC General Order R-29617; holidays La. R.S. 1:55 (verify)"
    )

    /// Rhode Island: no telephone sales calls on legal holidays (R.I. Gen. Laws §5-61-3.6), confidence M; its
    /// holidays add Victory Day (second Monday of August); a Sunday holiday is kept on the Monday.
    public static let rhodeIsland = HolidayCalendar(
        name: "Rhode Island",
        states: ["RI"],
        holidays: federalHolidays.filter {
            $0.name != "Washington's Birthday" && $0.name != "Juneteenth National Independence Day"
        }
            + [Holiday("Victory Day", .nthWeekday(ordinal: 2, weekday: 1, month: 8))],
        observance: .sundayToMonday,
        blocksMarketing: true,
        source: "R.I. Gen. Laws §5-61-3.6; holidays §25-1-1 (verify)"
    )

    /// Alabama (aggregator only, confidence L): no sales calls on holidays; Saturday and Sunday holidays move to
    /// Friday and Monday (compliance.md §3.2). Off by default until the statute is checked.
    public static let alabama = HolidayCalendar(
        name: "Alabama",
        states: ["AL"],
        holidays: federalHolidays + [
            Holiday("Confederate Memorial Day", .nthWeekday(ordinal: 4, weekday: 1, month: 4)),
            Holiday("Jefferson Davis's Birthday", .nthWeekday(ordinal: 1, weekday: 1, month: 6)),
        ],
        observance: .federal,
        blocksMarketing: true,
        source: "Ala. PSC rules (aggregators; verify)"
    )

    /// Mississippi (aggregator only, confidence L): a Sunday holiday moves to Monday. Off by default.
    public static let mississippi = HolidayCalendar(
        name: "Mississippi",
        states: ["MS"],
        holidays: federalHolidays,
        observance: .sundayToMonday,
        blocksMarketing: true,
        source: "dropcowboy.com/state-compliance (aggregator; verify)"
    )

    /// The blackout calendars on by default: the states of confidence M or better (LA, RI).
    public static let standardBlackouts: [HolidayCalendar] = [.louisiana, .rhodeIsland]
}
