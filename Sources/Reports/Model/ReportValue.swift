/// One value shown in a report cell, typed so the HTML prints it for people and the CSV keeps it exact.
///
/// Money stays integer (cents for orders, microdollars for message cost) and times stay UTC epoch
/// milliseconds, as everywhere in ReplyLab; only the HTML turns them into "$1,234.56" or "12.5 min".
public enum ReportValue: Sendable, Hashable {
    /// Free text (may be customer text): escaped in HTML, neutralised in CSV, phone numbers masked.
    case text(String)
    /// A count or other whole number ("12,345"; CSV "12345").
    case integer(Int64)
    /// A decimal with `places` decimals in HTML; the CSV keeps `places + 2` decimals.
    case decimal(Double, places: Int = 2)
    /// A fraction shown as a percentage ("18.3%"); the CSV keeps the fraction with 6 decimals.
    case rate(Double, places: Int = 1)
    /// Order money in integer cents ("$1,234.56"; CSV "123456").
    case cents(Int64)
    /// Message cost in integer microdollars ("$0.0079", "$1,234.57"; CSV "7900").
    case microdollars(Int64)
    /// A duration in milliseconds ("42 s", "12.5 min", "3.2 h"; CSV "750000").
    case milliseconds(Int64)
    /// An instant, UTC epoch milliseconds ("2025-03-04 14:05 UTC"; CSV "2025-03-04T14:05:00Z").
    case timestamp(Int64)
    /// A p-value ("0.032", "< 0.001"; CSV with 6 decimals).
    case pValue(Double)
    /// No value: "—" in HTML, an empty CSV field.
    case missing

    /// True for values a table aligns right (numbers), false for text and dates.
    var isNumeric: Bool {
        switch self {
        case .text, .missing, .timestamp: false
        default: true
        }
    }
}

extension ReportValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
}
