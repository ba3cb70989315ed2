import Sampling

/// Generated customers stored column by column (struct of arrays): a million customers are a few dozen flat
/// arrays of small integers, cheap to build, scan and summarise. Customer `i` is row `i` of every column.
///
/// Text (names, states, zones, products) is stored once in the lookup tables and referenced by index.
public struct Population: Sendable {
    /// Marks "none" in the small-integer columns (no cart size, no appointment, no lead…).
    public static let none: UInt8 = .max

    public let seed: UInt64
    public let spec: PopulationSpec

    // Lookup tables the columns index into.
    public let firstNameTable: [String]
    public let stateTable: [String]
    public let timeZoneTable: [String]

    // One entry per customer.
    public internal(set) var segment: [CustomerSegment] = []
    public internal(set) var firstName: [UInt16] = []
    public internal(set) var state: [UInt8] = []
    public internal(set) var timeZone: [UInt16] = []
    public internal(set) var areaCode: [Int16] = []
    public internal(set) var exchange: [UInt16] = []
    public internal(set) var line: [UInt16] = []
    /// Index into `spec.consentSources`, or `none` when the customer gave no marketing consent.
    public internal(set) var consentSource: [UInt8] = []
    /// Days since the customer subscribed and consented.
    public internal(set) var tenureDays: [Int32] = []
    /// Orders placed so far.
    public internal(set) var orders: [Int32] = []
    /// Days since the last order, or −1 with no orders.
    public internal(set) var lastOrderDaysAgo: [Int32] = []
    /// The last order's headline product (its largest line), valid when `orders > 0`.
    public internal(set) var lastOrderProduct: [UInt16] = []
    public internal(set) var lastOrderTotalCents: [Int64] = []
    /// Cart total in cents; 0 when the customer has no abandoned cart.
    public internal(set) var cartTotalCents: [Int64] = []
    /// Cart lines of customer i are `cartStart[i]..<cartStart[i + 1]` in the line columns (count + 1 entries).
    public internal(set) var cartStart: [Int32] = [0]
    public internal(set) var cartLineProduct: [UInt16] = []
    public internal(set) var cartLineQuantity: [UInt8] = []
    /// Index into the product's category sizes, or `none`.
    public internal(set) var cartLineSize: [UInt8] = []
    /// This customer's chance of replying to a campaign text.
    public internal(set) var replyPropensity: [Float] = []
    public internal(set) var question: [QuestionTopic] = []
    /// Index into `spec.appointments.services`, or `none`.
    public internal(set) var appointmentService: [UInt8] = []
    /// Days after `spec.asOf`, valid with a service.
    public internal(set) var appointmentDay: [Int16] = []
    /// Minutes after local midnight, valid with a service.
    public internal(set) var appointmentMinute: [Int16] = []
    /// Index into `spec.leads.companies`, or −1 without a lead.
    public internal(set) var leadCompany: [Int32] = []
    public internal(set) var leadInterest: [UInt8] = []

    public var count: Int { segment.count }

    init(seed: UInt64, spec: PopulationSpec, firstNameTable: [String], geography: Geography) {
        self.seed = seed
        self.spec = spec
        self.firstNameTable = firstNameTable
        self.stateTable = geography.stateCodes
        self.timeZoneTable = geography.timeZoneNames
    }

    /// Customer i's phone in E.164, e.g. "+14155550100".
    public func phoneE164(_ i: Int) -> String {
        "+1\(areaCode[i])\(Self.padded(Int(exchange[i]), 3))\(Self.padded(Int(line[i]), 4))"
    }

    /// The cart lines of customer i as a range into the line columns.
    public func cartLines(_ i: Int) -> Range<Int> { Int(cartStart[i])..<Int(cartStart[i + 1]) }

    /// Customer i's consent source name ("web_form"…), or "none".
    public func consentSourceName(_ i: Int) -> String {
        consentSource[i] == Self.none ? "none" : spec.consentSources[Int(consentSource[i])].source.rawValue
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    mutating func reserve(_ n: Int) {
        segment.reserveCapacity(n)
        firstName.reserveCapacity(n)
        state.reserveCapacity(n)
        timeZone.reserveCapacity(n)
        areaCode.reserveCapacity(n)
        exchange.reserveCapacity(n)
        line.reserveCapacity(n)
        consentSource.reserveCapacity(n)
        tenureDays.reserveCapacity(n)
        orders.reserveCapacity(n)
        lastOrderDaysAgo.reserveCapacity(n)
        lastOrderProduct.reserveCapacity(n)
        lastOrderTotalCents.reserveCapacity(n)
        cartTotalCents.reserveCapacity(n)
        cartStart.reserveCapacity(n + 1)
        replyPropensity.reserveCapacity(n)
        question.reserveCapacity(n)
        appointmentService.reserveCapacity(n)
        appointmentDay.reserveCapacity(n)
        appointmentMinute.reserveCapacity(n)
        leadCompany.reserveCapacity(n)
        leadInterest.reserveCapacity(n)
    }
}
