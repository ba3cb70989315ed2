/// A moment in UTC as epoch milliseconds: the one clock every module shares, cheap to compare and store.
///
/// Integer milliseconds keep the simulator's event queue and the SQLite event log exact; no `Date` arithmetic.
public struct Instant: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var epochMilliseconds: Int64

    public init(epochMilliseconds: Int64) {
        self.epochMilliseconds = epochMilliseconds
    }

    public init(epochSeconds: Int64) {
        self.epochMilliseconds = epochSeconds * 1000
    }

    /// A UTC calendar date and time, for fixtures and tests ("2026-03-08 06:59 UTC").
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = CivilDate.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
        self.init(epochSeconds: seconds)
    }

    /// This instant moved by `seconds` (negative moves back).
    public func adding(seconds: Int64) -> Instant {
        Instant(epochMilliseconds: epochMilliseconds + seconds * 1000)
    }

    /// This instant moved by `milliseconds`.
    public func adding(milliseconds: Int64) -> Instant {
        Instant(epochMilliseconds: epochMilliseconds + milliseconds)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.epochMilliseconds < rhs.epochMilliseconds
    }

    /// ISO 8601 in UTC to the second, e.g. "2026-11-29T03:31:11Z"; used in reasons and reports.
    public var iso8601: String {
        let seconds = epochMilliseconds.floorDivided(by: 1000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))T"
            + "\(twoDigits(Int(secondOfDay / 3600))):\(twoDigits(Int(secondOfDay % 3600 / 60))):"
            + "\(twoDigits(Int(secondOfDay % 60)))Z"
    }

    public var description: String { iso8601 }

    /// Encoded as the bare number of milliseconds, the same as the event log's INTEGER columns.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        epochMilliseconds = try container.decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(epochMilliseconds)
    }
}

/// A proleptic Gregorian date, converted without Foundation (H. Hinnant, "chrono-compatible low-level date
/// algorithms", days_from_civil / civil_from_days).
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(daysSinceEpoch: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        self.year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        self.month = Int(month)
        self.day = Int(day)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Int64 {
    /// Division rounding toward negative infinity, so instants before 1970 land on the right day.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}
