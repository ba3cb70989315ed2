import Analytics
import Foundation
import JSONDocument
import Reports

/// Number text shared by `stats`, `power` and `audit`: fixed, locale-independent, NaN spelled out for people and
/// `null` in JSON.
enum StatsOutput {
    /// A JSON number, or null when the statistic is undefined (NaN).
    static func number(_ value: Double) -> JSONValue {
        value.isFinite ? .number(value) : .null
    }

    /// [low, high] of an interval as a JSON array.
    static func interval(_ interval: ConfidenceInterval) -> JSONValue {
        .array([number(interval.low), number(interval.high)])
    }

    /// Four decimals, or "undefined" for NaN.
    static func decimal(_ value: Double, places: Int = 4) -> String {
        value.isFinite ? NumberText.fixed(value, places: places) : "undefined"
    }

    /// "0.0308", or "3.2e-12" below 0.0001 so a tiny p-value is not printed as zero.
    static func pValue(_ value: Double) -> String {
        guard value.isFinite else { return "undefined" }
        if value >= 0.0001 || value == 0 { return NumberText.fixed(value, places: 4) }
        return String(format: "%.1e", value)
    }

    /// A rate as a percentage with two decimals: "12.34%".
    static func percent(_ value: Double) -> String {
        value.isFinite ? NumberText.fixed(value * 100, places: 2) + "%" : "undefined"
    }

    /// "[10.12%, 14.17%]".
    static func percentInterval(_ interval: ConfidenceInterval) -> String {
        "[\(percent(interval.low)), \(percent(interval.high))]"
    }

    /// "95%" for 0.95.
    static func level(_ interval: ConfidenceInterval) -> String {
        NumberText.fixed(interval.level * 100, places: 0) + "%"
    }

    /// An ordered JSON object, one line.
    static func object(_ members: [(String, JSONValue)]) -> String {
        JSONValue.object(members.map { (key: $0.0, value: $0.1) }).jsonText
    }
}
