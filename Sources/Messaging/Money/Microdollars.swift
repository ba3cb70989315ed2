/// Channel cost in millionths of a US dollar: one SMS segment costs under a cent, so cents would round it to zero.
public struct Microdollars: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var value: Int64

    public init(_ value: Int64) {
        self.value = value
    }

    public init(value: Int64) {
        self.value = value
    }

    public static let zero = Microdollars(0)

    public static func < (lhs: Microdollars, rhs: Microdollars) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Microdollars, rhs: Microdollars) -> Microdollars { Microdollars(lhs.value + rhs.value) }
    public static func - (lhs: Microdollars, rhs: Microdollars) -> Microdollars { Microdollars(lhs.value - rhs.value) }
    public static func * (lhs: Microdollars, rhs: Int64) -> Microdollars { Microdollars(lhs.value * rhs) }

    /// Rounded half away from zero to whole cents, for adding channel cost to revenue figures.
    public var roundedToCents: Cents {
        let magnitude = (value.magnitude + 5_000) / 10_000
        return Cents(value < 0 ? -Int64(magnitude) : Int64(magnitude))
    }

    /// "$0.0166": dollars with four decimals, trailing digits kept when they are not zero ("$0.008300" → "$0.0083").
    public var description: String {
        let magnitude = value.magnitude
        let dollars = magnitude / 1_000_000
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.count > 4 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (value < 0 ? "-" : "") + "$\(dollars.formattedWithThousands).\(fraction)"
    }

    /// Encoded as the bare integer, like the event log's `cost_microdollars` column.
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
