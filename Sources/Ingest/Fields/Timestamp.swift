import Messaging

/// A date and time read from an export, as UTC epoch milliseconds, remembering whether the text named its zone.
///
/// Accepted forms (analytics.md §2.1), all over bytes with integer arithmetic only:
/// - ISO 8601: `2025-11-29T14:05:09Z`, `…09.123Z` (any number of fraction digits, truncated to milliseconds),
///   `…09+01:00`, `…09-0500`, `…09-05`, a space instead of `T`, seconds optional;
/// - RFC 2822 (Twilio's REST API): `Sat, 29 Nov 2025 14:05:09 +0000`, day name and seconds optional, zones
///   `+hhmm`, `GMT`, `UT`, `UTC`, `Z` and the US zones RFC 2822 keeps (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`,
///   `PST`, `PDT`);
/// - naive: the ISO forms without a zone, and a bare date `2025-11-29` (midnight): taken as UTC and flagged
///   `isNaive`, so the load report can say how many times were assumed to be UTC.
public struct Timestamp: Hashable, Sendable {
    public var epochMilliseconds: Int64
    /// True when the text named no zone and UTC was assumed.
    public var isNaive: Bool

    public init(epochMilliseconds: Int64, isNaive: Bool) {
        self.epochMilliseconds = epochMilliseconds
        self.isNaive = isNaive
    }

    /// What the text is, or why it is not a date.
    public enum Failure: Error, Equatable, Sendable {
        case unrecognised
        case outOfRange(String)
    }

    /// Parses `text`; leading and trailing spaces are ignored.
    public static func parse(_ text: String) -> Result<Timestamp, Failure> {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// Parses the bytes of one CSV field.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Timestamp, Failure> {
        var cursor = Cursor(bytes: bytes)
        cursor.skipSpaces()
        let result: Result<Timestamp, Failure>
        if let first = cursor.peek, isLetter(first) || (cursor.digitRun() <= 2 && cursor.digitRun() > 0) {
            result = parseRFC2822(&cursor)
        } else {
            result = parseISO(&cursor)
        }
        guard case .success = result else { return result }
        cursor.skipSpaces()
        return cursor.isAtEnd ? result : .failure(.unrecognised)
    }

    /// The sentence quarantine keeps for a failed date.
    static func reason(_ failure: Failure, column: String, text: String) -> String {
        switch failure {
        case .unrecognised:
            return "\(column) '\(text)' is not a date ReplyLab reads; use ISO 8601 (2025-11-29T14:05:09Z) or "
                + "RFC 2822 (Sat, 29 Nov 2025 14:05:09 +0000)"
        case .outOfRange(let what):
            return "\(column) '\(text)' is not a real date: \(what)"
        }
    }

    // MARK: Forms

    private static func parseISO(_ cursor: inout Cursor) -> Result<Timestamp, Failure> {
        guard let year = cursor.number(digits: 4), cursor.take(UInt8(ascii: "-")),
            let month = cursor.number(digits: 2), cursor.take(UInt8(ascii: "-")),
            let day = cursor.number(digits: 2)
        else { return .failure(.unrecognised) }
        if cursor.isAtEnd || (cursor.peek == 0x20 && cursor.restIsSpaces) {
            return make(year, month, day, 0, 0, 0, 0, offsetMinutes: nil)
        }
        guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t")) || cursor.take(0x20) else {
            return .failure(.unrecognised)
        }
        guard let hour = cursor.number(digits: 2), cursor.take(UInt8(ascii: ":")),
            let minute = cursor.number(digits: 2)
        else { return .failure(.unrecognised) }
        var second = 0
        var millisecond = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let value = cursor.number(digits: 2) else { return .failure(.unrecognised) }
            second = value
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                guard let fraction = cursor.fractionMilliseconds() else { return .failure(.unrecognised) }
                millisecond = fraction
            }
        }
        if cursor.peek == 0x20 { cursor.skipSpaces() }
        if cursor.isAtEnd { return make(year, month, day, hour, minute, second, millisecond, offsetMinutes: nil) }
        guard let offset = cursor.zone(allowNames: true) else { return .failure(.unrecognised) }
        return make(year, month, day, hour, minute, second, millisecond, offsetMinutes: offset)
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    private static func parseRFC2822(_ cursor: inout Cursor) -> Result<Timestamp, Failure> {
        if let first = cursor.peek, isLetter(first) {
            guard let name = cursor.word(), dayNames.contains(String(name.prefix(3))), name.count >= 3 else {
                return .failure(.unrecognised)
            }
            _ = cursor.take(UInt8(ascii: ","))
            cursor.skipSpaces()
        }
        guard let day = cursor.number(minDigits: 1, maxDigits: 2) else { return .failure(.unrecognised) }
        cursor.skipSpaces()
        guard let monthWord = cursor.word(), let monthIndex = monthNames.firstIndex(of: String(monthWord.prefix(3))),
            monthWord.count >= 3
        else { return .failure(.unrecognised) }
        cursor.skipSpaces()
        guard let year = cursor.number(digits: 4) else { return .failure(.unrecognised) }
        cursor.skipSpaces()
        guard let hour = cursor.number(digits: 2), cursor.take(UInt8(ascii: ":")),
            let minute = cursor.number(digits: 2)
        else { return .failure(.unrecognised) }
        var second = 0
        if cursor.take(UInt8(ascii: ":")) {
            guard let value = cursor.number(digits: 2) else { return .failure(.unrecognised) }
            second = value
        }
        cursor.skipSpaces()
        if cursor.isAtEnd { return make(year, monthIndex + 1, day, hour, minute, second, 0, offsetMinutes: nil) }
        guard let offset = cursor.zone(allowNames: true) else { return .failure(.unrecognised) }
        return make(year, monthIndex + 1, day, hour, minute, second, 0, offsetMinutes: offset)
    }

    private static func make(
        _ year: Int,
        _ month: Int,
        _ day: Int,
        _ hour: Int,
        _ minute: Int,
        _ second: Int,
        _ millisecond: Int,
        offsetMinutes: Int?
    ) -> Result<Timestamp, Failure> {
        guard (1970...2200).contains(year) else {
            return .failure(.outOfRange("year \(year) is before 1970 or after 2200"))
        }
        guard (1...12).contains(month) else { return .failure(.outOfRange("month \(month) does not exist")) }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else {
            return .failure(.outOfRange("month \(month) of \(year) has no day \(day)"))
        }
        guard hour < 24, minute < 60, second <= 60 else {
            return .failure(.outOfRange("\(hour):\(minute):\(second) is not a time of day"))
        }
        let base = Instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let shift = Int64(offsetMinutes ?? 0) * 60_000
        return .success(
            Timestamp(
                epochMilliseconds: base.epochMilliseconds + Int64(millisecond) - shift,
                isNaive: offsetMinutes == nil
            )
        )
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// A read position in a field's bytes.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var isAtEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
        var restIsSpaces: Bool { bytes[index...].allSatisfy { $0 == 0x20 } }

        mutating func skipSpaces() {
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// How many digits start here.
        func digitRun() -> Int {
            var end = index
            while end < bytes.count && bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
            return end - index
        }

        mutating func number(digits: Int) -> Int? { number(minDigits: digits, maxDigits: digits) }

        mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
            let run = digitRun()
            guard run >= minDigits && run <= maxDigits else { return nil }
            var value = 0
            for _ in 0..<run {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            return value
        }

        /// The next `count` bytes as a number when they are all digits (a longer run may follow).
        mutating func leadingDigits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        /// Fraction digits after the separator, truncated to milliseconds.
        mutating func fractionMilliseconds() -> Int? {
            let run = digitRun()
            guard run > 0 else { return nil }
            var value = 0
            for position in 0..<run {
                if position < 3 { value = value * 10 + Int(bytes[index] - 0x30) }
                index += 1
            }
            var scale = min(run, 3)
            while scale < 3 {
                value *= 10
                scale += 1
            }
            return value
        }

        /// Letters, lowercased.
        mutating func word() -> String? {
            let start = index
            while index < bytes.count && Timestamp.isLetter(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index].map { $0 | 0x20 }, as: UTF8.self)
        }

        /// `Z`, `±hh`, `±hhmm`, `±hh:mm`, or a zone name; minutes east of UTC.
        mutating func zone(allowNames: Bool) -> Int? {
            guard let first = peek else { return nil }
            if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                index += 1
                let run = digitRun()
                guard run == 2 || run == 4, let hours = leadingDigits(2) else { return nil }
                var minutes = 0
                if run == 4 {
                    minutes = leadingDigits(2)!
                } else if take(UInt8(ascii: ":")) {
                    guard let value = number(digits: 2) else { return nil }
                    minutes = value
                }
                guard hours <= 23, minutes <= 59 else { return nil }
                let total = hours * 60 + minutes
                return first == UInt8(ascii: "-") ? -total : total
            }
            guard allowNames, let name = word() else { return nil }
            switch name {
            case "z", "gmt", "ut", "utc": return 0
            case "est": return -300
            case "edt": return -240
            case "cst": return -360
            case "cdt": return -300
            case "mst": return -420
            case "mdt": return -360
            case "pst": return -480
            case "pdt": return -420
            default: return nil
            }
        }
    }
}
