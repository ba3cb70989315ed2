/// Turns report values into the words and figures people read (HTML, markdown) and the cells the CSV keeps.
///
/// Display text uses the typographic minus (U+2212) and thousands separators; CSV cells stay plain and exact.
enum ValueText {
    static let minus = "\u{2212}"
    static let dash = "\u{2014}"

    /// The display text of `value` (not yet HTML-escaped or phone-masked).
    static func display(_ value: ReportValue) -> String {
        switch value {
        case .text(let text): text
        case .integer(let number): typographic(NumberText.grouped(number))
        case .decimal(let number, let places):
            number.isFinite ? typographic(NumberText.groupedFixed(number, places: places)) : dash
        case .rate(let fraction, let places): display(fraction, format: .percent(places: places))
        case .cents(let cents): dollars(cents: cents)
        case .microdollars(let micro): dollars(microdollars: micro)
        case .milliseconds(let ms): duration(milliseconds: Double(ms))
        case .timestamp(let ms): timestamp(ms)
        case .pValue(let p): pValue(p)
        case .missing: dash
        }
    }

    /// The CSV cell of `value`.
    static func csvCell(_ value: ReportValue) -> CSVCell {
        switch value {
        case .text(let text): .text(text)
        case .integer(let number): .integer(number)
        case .decimal(let number, let places): .decimal(number, places: places + 2)
        case .rate(let fraction, _): .decimal(fraction, places: 6)
        case .cents(let cents): .integer(cents)
        case .microdollars(let micro): .integer(micro)
        case .milliseconds(let ms): .integer(ms)
        case .timestamp(let ms): .text(isoTimestamp(ms))
        case .pValue(let p): .decimal(p, places: 6)
        case .missing: .empty
        }
    }

    /// The CSV type and unit of a column holding `value`s.
    static func csvType(_ value: ReportValue) -> (type: String, unit: String) {
        switch value {
        case .text: ("text", "")
        case .integer: ("integer", "count")
        case .decimal: ("decimal", "")
        case .rate: ("decimal", ValueFormat.percent(places: 1).csvUnit)
        case .cents: ("integer", "US cents")
        case .microdollars: ("integer", "US microdollars")
        case .milliseconds: ("integer", "milliseconds")
        case .timestamp: ("timestamp", "UTC, ISO 8601")
        case .pValue: ("decimal", "p-value")
        case .missing: ("text", "")
        }
    }

    /// A CSV cell for a plain number in `format`: money and durations as integers, others as decimals.
    static func csvCell(_ number: Double, format: ValueFormat) -> CSVCell {
        guard number.isFinite else { return .empty }
        switch format {
        case .count, .cents, .microdollars, .milliseconds: return .integer(Int64(number.rounded()))
        case .number(let places): return .decimal(number, places: places + 2)
        case .percent, .percentagePoints: return .decimal(number, places: 6)
        }
    }

    /// `number` printed in `format`; `signed` adds "+" to positive values (changes).
    static func display(_ number: Double, format: ValueFormat, signed: Bool = false) -> String {
        guard number.isFinite else { return dash }
        let text: String
        switch format {
        case .count: text = NumberText.groupedFixed(number, places: 0)
        case .number(let places): text = NumberText.groupedFixed(number, places: places)
        case .percent(let places): text = NumberText.groupedFixed(number * 100, places: places) + "%"
        case .percentagePoints(let places): text = NumberText.fixed(number * 100, places: places) + " pp"
        case .cents: return withSign(number, signed: signed) { dollars(cents: Int64($0.rounded())) }
        case .microdollars: return withSign(number, signed: signed) { dollars(microdollars: Int64($0.rounded())) }
        case .milliseconds: return withSign(number, signed: signed) { duration(milliseconds: $0) }
        }
        if signed && !text.hasPrefix("-") && !isZeroText(text) { return "+" + text }
        return typographic(text)
    }

    /// An interval as "low to high" in `format`.
    static func interval(_ low: Double, _ high: Double, format: ValueFormat, signed: Bool = false) -> String {
        "\(display(low, format: format, signed: signed)) to \(display(high, format: format, signed: signed))"
    }

    static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return dash }
        return p < 0.001 ? "< 0.001" : NumberText.fixed(p, places: 3)
    }

    static func dollars(cents: Int64) -> String {
        let sign = cents < 0 ? minus : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)$\(NumberText.grouped(Int64(magnitude / 100))).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Message cost: four decimals under a dollar ("$0.0079"), cents above it.
    static func dollars(microdollars: Int64) -> String {
        let magnitude = Double(microdollars.magnitude) / 1_000_000
        let sign = microdollars < 0 ? minus : ""
        if magnitude < 1 { return "\(sign)$\(NumberText.fixed(magnitude, places: 4))" }
        return "\(sign)$\(NumberText.groupedFixed(magnitude, places: 2))"
    }

    /// "850 ms", "42 s", "4.2 s", "12.5 min", "3.2 h", "2.4 d".
    static func duration(milliseconds ms: Double) -> String {
        guard ms.isFinite else { return dash }
        let sign = ms < 0 ? minus : ""
        let m = ms.magnitude
        let text: String
        if m < 1_000 {
            text = NumberText.fixed(m, places: 0) + " ms"
        } else if m < 10_000 {
            text = NumberText.fixed(m / 1_000, places: 1) + " s"
        } else if m < 60_000 {
            text = NumberText.fixed(m / 1_000, places: 0) + " s"
        } else if m < 3_600_000 {
            text = NumberText.fixed(m / 60_000, places: 1) + " min"
        } else if m < 172_800_000 {
            text = NumberText.fixed(m / 3_600_000, places: 1) + " h"
        } else {
            text = NumberText.fixed(m / 86_400_000, places: 1) + " d"
        }
        return sign + text
    }

    /// "2025-03-04 14:05 UTC".
    static func timestamp(_ ms: Int64) -> String {
        let c = CivilTime(epochMilliseconds: ms)
        return "\(c.year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }

    /// "2025-03-04T14:05:00Z", with ".250" when there are milliseconds.
    static func isoTimestamp(_ ms: Int64) -> String {
        let c = CivilTime(epochMilliseconds: ms)
        let millis = c.millisecond == 0 ? "" : "." + String(String(c.millisecond + 1_000).dropFirst())
        return "\(c.year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))\(millis)Z"
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// ASCII hyphen-minus at the front becomes the typographic minus.
    static func typographic(_ text: String) -> String {
        text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    private static func isZeroText(_ text: String) -> Bool {
        !text.contains { ("1"..."9").contains($0) }
    }

    private static func withSign(_ number: Double, signed: Bool, _ body: (Double) -> String) -> String {
        let text = body(number)
        if signed && number > 0 && !isZeroText(text) { return "+" + text }
        return text
    }
}

/// A UTC calendar date and time from epoch milliseconds, without Foundation (Howard Hinnant's civil_from_days).
struct CivilTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var millisecond: Int
    /// 0 = Monday … 6 = Sunday.
    var weekday: Int

    init(epochMilliseconds ms: Int64) {
        let msPerDay: Int64 = 86_400_000
        var days = ms / msPerDay
        var rest = ms % msPerDay
        if rest < 0 {
            rest += msPerDay
            days -= 1
        }
        hour = Int(rest / 3_600_000)
        minute = Int(rest / 60_000 % 60)
        second = Int(rest / 1_000 % 60)
        millisecond = Int(rest % 1_000)
        weekday = Int(((days % 7) + 7 + 3) % 7)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}
