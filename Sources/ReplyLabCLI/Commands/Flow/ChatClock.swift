import Messaging

/// Virtual time for `flow chat`: reads "2026-12-01T17:00:00Z" and "1h30m", prints UTC instants (no Foundation
/// calendar involved; Messaging's `Instant` does the civil-date arithmetic).
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
        let second = values.count == 6 ? values[5] : 0
        guard (1970...2200).contains(values[0]), (1...12).contains(values[1]), (1...31).contains(values[2]),
            (0...23).contains(values[3]), (0...59).contains(values[4]), (0...59).contains(second)
        else { return nil }
        return Instant(
            year: values[0],
            month: values[1],
            day: values[2],
            hour: values[3],
            minute: values[4],
            second: second
        )
    }

    /// `2026-12-01T17:00:00Z`.
    static func format(_ instant: Instant) -> String { instant.iso8601 }
}
