/// What one SMS segment costs on a route; cost = segments × price.
public struct SegmentPricing: Hashable, Codable, Sendable {
    /// Price of one segment.
    public var perSegment: Microdollars
    /// Where the price comes from, printed beside costs.
    public var source: String

    public init(perSegment: Microdollars, source: String = "custom price") {
        self.perSegment = perSegment
        self.source = source
    }

    /// Twilio's US long-code list price, $0.0083 per segment outbound, before carrier pass-through fees
    /// (budgetforge.dev/tools/twilio-sms-pricing-2026, updated 2026-07-05; dev.to "Twilio SMS API cost:
    /// complete pricing breakdown for 2026").
    public static let twilioUS = SegmentPricing(
        perSegment: Microdollars(8_300),
        source: "Twilio US long-code list price $0.0083/segment, carrier fees excluded (2026)"
    )

    /// Cost of sending a message of `count` segments.
    public func cost(of count: SegmentCount) -> Microdollars {
        perSegment * Int64(count.segments)
    }
}
