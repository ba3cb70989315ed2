/// When a holiday falls in a given year: a fixed date ("07-04"), the nth weekday of a month ("4th thu nov",
/// "last mon may") or days from Western Easter ("easter-47" for Mardi Gras).
public enum HolidayDate: Hashable, Sendable, CustomStringConvertible {
    case fixed(month: Int, day: Int)
    /// `ordinal` 1…5 counts from the month's start; -1 is the last such weekday. `weekday` 0 = Sunday.
    case nthWeekday(ordinal: Int, weekday: Int, month: Int)
    case easter(offsetDays: Int)

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    static let ordinals = ["1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1]

    /// Parses the data-file form; nil when `text` is none of the three.
    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("easter") {
            let rest = lower.dropFirst(6)
            if rest.isEmpty {
                self = .easter(offsetDays: 0)
                return
            }
            guard let offset = Int(rest), abs(offset) <= 100 else { return nil }
            self = .easter(offsetDays: offset)
            return
        }
        let words = lower.split(separator: " ").map(String.init)
        if words.count == 3, let ordinal = Self.ordinals[words[0]],
            let weekday = Self.dayNames.firstIndex(of: words[1]),
            let month = Self.monthNames.firstIndex(of: words[2])
        {
            self = .nthWeekday(ordinal: ordinal, weekday: weekday, month: month + 1)
            return
        }
        let parts = lower.split(separator: "-")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let month = Int(parts[0]),
            let day = Int(parts[1]), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: 2024)).contains(day)
        else { return nil }
        self = .fixed(month: month, day: day)
    }

    /// The day (days since 1970-01-01) the holiday falls on in `year`, before any weekend observance rule.
    public func day(in year: Int) -> Int64 {
        switch self {
        case .fixed(let month, let day):
            return CivilDate.daysFromCivil(
                year: year,
                month: month,
                day: min(day, CivilDate.daysIn(month: month, year: year))
            )
        case .nthWeekday(let ordinal, let weekday, let month):
            if ordinal > 0 {
                let first = CivilDate.daysFromCivil(year: year, month: month, day: 1)
                let shift = (Int64(weekday) - CivilDate.weekday(of: first)).floorModulo(7)
                return first + shift + Int64(ordinal - 1) * 7
            }
            let last = CivilDate.daysFromCivil(
                year: year,
                month: month,
                day: CivilDate.daysIn(month: month, year: year)
            )
            return last - (CivilDate.weekday(of: last) - Int64(weekday)).floorModulo(7)
        case .easter(let offset):
            return Self.easterSunday(year) + Int64(offset)
        }
    }

    /// Western Easter Sunday by the anonymous Gregorian algorithm (Meeus, *Astronomical Algorithms*, ch. 8).
    static func easterSunday(_ year: Int) -> Int64 {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate.daysFromCivil(year: year, month: month, day: day)
    }

    /// The data-file form.
    public var description: String {
        switch self {
        case .fixed(let month, let day): return "\(twoDigits(month))-\(twoDigits(day))"
        case .nthWeekday(let ordinal, let weekday, let month):
            let name = Self.ordinals.first { $0.value == ordinal }?.key ?? "\(ordinal)"
            return "\(name) \(Self.dayNames[weekday]) \(Self.monthNames[month - 1])"
        case .easter(let offset): return offset == 0 ? "easter" : offset > 0 ? "easter+\(offset)" : "easter\(offset)"
        }
    }
}

/// How a holiday that falls on a weekend is observed.
public enum HolidayObservance: String, Hashable, Codable, Sendable, CaseIterable {
    /// On the day itself, whatever the weekday.
    case none
    /// Saturday moves to the Friday before, Sunday to the Monday after (5 U.S.C. 6103(b), Executive Order 11582).
    case federal
    /// Sunday moves to the Monday after; Saturday stays (compliance.md §3.2: Mississippi).
    case sundayToMonday = "sunday_to_monday"

    /// The observed day of a holiday falling on `day`.
    func observed(_ day: Int64) -> Int64 {
        let weekday = CivilDate.weekday(of: day)
        switch self {
        case .none: return day
        case .federal: return weekday == 6 ? day - 1 : weekday == 0 ? day + 1 : day
        case .sundayToMonday: return weekday == 0 ? day + 1 : day
        }
    }
}

extension CivilDate {
    /// 0 = Sunday … 6 = Saturday for a day counted from 1970-01-01 (a Thursday).
    static func weekday(of day: Int64) -> Int64 { (day + 4).floorModulo(7) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "2026-11-26".
    var isoDate: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }
}
