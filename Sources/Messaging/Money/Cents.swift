/// Money as whole US cents, for order values and revenue: integer so sums never drift.
public struct Cents: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var value: Int64

    public init(_ value: Int64) {
        self.value = value
    }

    public init(value: Int64) {
        self.value = value
    }

    public static let zero = Cents(0)

    public static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value + rhs.value) }
    public static func - (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value - rhs.value) }
    public static func * (lhs: Cents, rhs: Int64) -> Cents { Cents(lhs.value * rhs) }

    /// "$84.50", "-$3.05": what the flow templates' `money` filter prints.
    public var description: String {
        let magnitude = value.magnitude
        let dollars = magnitude / 100
        let cents = magnitude % 100
        return (value < 0 ? "-" : "") + "$\(dollars.formattedWithThousands).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Encoded as the bare integer, like the event log's `*_cents` columns.
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension UInt64 {
    /// "1,234,567": digits grouped by thousands for money shown to people.
    var formattedWithThousands: String {
        let digits = String(self)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
