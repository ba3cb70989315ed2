import Messaging

/// Virtual time for `flow chat`: reads "2026-12-01T17:00:00Z" and "1h30m", prints UTC instants.
///
/// Civil-date arithmetic after Howard Hinnant's `days_from_civil` (http://howardhinnant.github.io/date_algorithms.html),
/// so no Foundation calendar is involved.
enum ChatClock {
    /// Seconds in "90s", "15m", "2h", "3d" or combinations such as "1h30m"; nil when unreadable.
    static func seconds(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64?
        for character in text.lowercased() where !character.isWhitespace {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = (number ?? 0) * 10 + Int64(digit)
                guard number! < 100_000_000 else { return nil }
                continue
            }
            guard let amount = number else { return nil }
            switch character {
            case "s": total += amount
            case "m": total += amount * 60
            case "h": total += amount * 3_600
            case "d": total += amount * 86_400
            default: return nil
            }
            number = nil
        }
        return number == nil && total > 0 ? total : nil
    }

    /// An instant from `YYYY-MM-DDTHH:MM[:SS]Z` (UTC only, so nobody wonders which zone was meant).
    static func instant(_ text: String) -> Instant? {
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).map { Int($0) }
        guard text.hasSuffix("Z"), parts.count == 5 || parts.count == 6, parts.allSatisfy({ $0 != nil }) else {
            return nil
        }
        let values = parts.map { $0! }
        let (year, month, day, hour, minute) = (values[0], values[1], values[2], values[3], values[4])
        let second = values.count == 6 ? values[5] : 0
        guard (1970...2200).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Instant(epochSeconds: Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second))
    }

    /// `2026-12-01T17:00:00Z`.
    static func format(_ instant: Instant) -> String {
        let seconds = instant.epochMilliseconds.floorDivided(by: 1_000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilFromDays(Int(days))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(year)-\(two(month))-\(two(day))T\(two(Int(secondOfDay / 3_600))):\(two(Int(secondOfDay % 3_600 / 60))):\(two(Int(secondOfDay % 60)))Z"
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
