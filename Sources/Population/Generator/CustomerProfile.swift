/// One customer read out of the columns, for code that handles customers one at a time (a simulator turning a
/// customer into a recipient, a test, a debugging print). Hot loops should read the columns directly.
public struct CustomerProfile: Equatable, Sendable {
    public var id: Int
    public var firstName: String
    /// E.164, fictional.
    public var phone: String
    public var state: String
    public var timeZone: String
    public var segment: CustomerSegment
    /// Nil when the customer gave no marketing consent.
    public var consentSource: String?
    public var tenureDays: Int
    public var orders: Int
    /// Nil without orders.
    public var lastOrderDaysAgo: Int?
    /// 0 without an abandoned cart.
    public var cartTotalCents: Int64
    public var replyPropensity: Double
    public var question: QuestionTopic
}

extension Population {
    /// Customer i as one value.
    /// - Complexity: O(1).
    public func profile(_ i: Int) -> CustomerProfile {
        CustomerProfile(
            id: i,
            firstName: firstNameTable[Int(firstName[i])],
            phone: phoneE164(i),
            state: stateTable[Int(state[i])],
            timeZone: timeZoneTable[Int(timeZone[i])],
            segment: segment[i],
            consentSource: consentSource[i] == Self.none ? nil : consentSourceName(i),
            tenureDays: Int(tenureDays[i]),
            orders: Int(orders[i]),
            lastOrderDaysAgo: orders[i] > 0 ? Int(lastOrderDaysAgo[i]) : nil,
            cartTotalCents: cartTotalCents[i],
            replyPropensity: Double(replyPropensity[i]),
            question: question[i]
        )
    }
}
