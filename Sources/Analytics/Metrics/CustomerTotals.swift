/// The sums behind every customer-level metric of one group (a variant, or a variant × segment): what the
/// `customer_totals` query returns, so the statistics need nothing else (n, Σx, Σx² per quantity).
///
/// Unit = customer (the randomised unit), intent-to-treat: every assigned customer counts in `assigned`, even one
/// no text reached. Money: order values in integer cents, message cost in microdollars (DESIGN.md).
public struct CustomerTotals: Sendable, Hashable {
    public var assigned: Int64 = 0
    /// Customers with ≥ 1 outbound text (any status).
    public var sent: Int64 = 0
    /// Customers with ≥ 1 outbound text the carrier delivered: the denominator of most rates.
    public var delivered: Int64 = 0
    /// Delivered customers with ≥ 1 inbound non-keyword text inside the reply window.
    public var replied: Int64 = 0
    /// Delivered customers whose reply an automated or agent text answered (a two-way exchange).
    public var conversed: Int64 = 0
    /// Customers (any) with ≥ 1 order inside the conversion window.
    public var converted: Int64 = 0
    /// Delivered customers with ≥ 1 order inside the conversion window.
    public var deliveredConverted: Int64 = 0
    /// Delivered customers whose order came after a two-way exchange, inside the conversion window.
    public var assisted: Int64 = 0
    /// Delivered customers who opted out inside the opt-out window.
    public var optedOut: Int64 = 0
    /// Orders inside the conversion window (attributed orders), and their value.
    public var orders: Int64 = 0
    public var revenueCents: Int64 = 0
    /// Σ (order value)² over attributed orders, for the AOV's Welch test.
    public var orderValueSquares: Double = 0
    /// Σ (revenue per customer)² over every customer.
    public var revenueSquares: Double = 0
    /// Revenue of delivered customers and Σ of its squares: revenue per recipient's numerator and variance.
    public var deliveredRevenueCents: Int64 = 0
    public var deliveredRevenueSquares: Double = 0
    /// Every message's cost, inbound included (Twilio bills inbound).
    public var costMicrodollars: Int64 = 0
    public var outboundSegments: Int64 = 0
    public var outboundMessages: Int64 = 0
    public var deliveredMessages: Int64 = 0

    public init() {}

    /// Adds `other`'s counts and sums, for an all-arms total.
    public mutating func add(_ other: CustomerTotals) {
        assigned += other.assigned
        sent += other.sent
        delivered += other.delivered
        replied += other.replied
        conversed += other.conversed
        converted += other.converted
        deliveredConverted += other.deliveredConverted
        assisted += other.assisted
        optedOut += other.optedOut
        orders += other.orders
        revenueCents += other.revenueCents
        orderValueSquares += other.orderValueSquares
        revenueSquares += other.revenueSquares
        deliveredRevenueCents += other.deliveredRevenueCents
        deliveredRevenueSquares += other.deliveredRevenueSquares
        costMicrodollars += other.costMicrodollars
        outboundSegments += other.outboundSegments
        outboundMessages += other.outboundMessages
        deliveredMessages += other.deliveredMessages
    }

    /// Reply rate = replied ÷ delivered.
    public var replyRate: Rate { Rate(replied, of: delivered) }
    /// Assisted conversion rate = ordered after a two-way exchange ÷ delivered (DESIGN.md).
    public var assistedConversionRate: Rate { Rate(assisted, of: delivered) }
    /// Conversion rate (intent-to-treat) = ordered ÷ assigned.
    public var conversionRate: Rate { Rate(converted, of: assigned) }
    /// Opt-out rate = opted out ÷ delivered.
    public var optOutRate: Rate { Rate(optedOut, of: delivered) }
    /// Delivery rate = delivered ÷ sent.
    public var deliveryRate: Rate { Rate(delivered, of: sent) }

    /// AOV = attributed revenue ÷ attributed orders, with the per-order sums for its test.
    public var averageOrderValue: MeanSums {
        MeanSums(count: orders, sum: Double(revenueCents), sumOfSquares: orderValueSquares)
    }

    /// Revenue per recipient = attributed revenue of delivered customers ÷ delivered customers (cents).
    public var revenuePerRecipient: MeanSums {
        MeanSums(count: delivered, sum: Double(deliveredRevenueCents), sumOfSquares: deliveredRevenueSquares)
    }

    /// Revenue per assigned customer (intent-to-treat, cents): what a holdout comparison uses.
    public var revenuePerAssigned: MeanSums {
        MeanSums(count: assigned, sum: Double(revenueCents), sumOfSquares: revenueSquares)
    }

    /// Attributed revenue in microdollars, to set against cost.
    public var revenueMicrodollars: Int64 { revenueCents * 10_000 }

    /// ROI = (attributed revenue − message cost) ÷ message cost; nil when nothing was spent.
    public var returnOnCost: Double? {
        costMicrodollars == 0 ? nil : Double(revenueMicrodollars - costMicrodollars) / Double(costMicrodollars)
    }
}

/// Successes out of trials, both kept, so a rate is never printed without what it divides by.
public struct Rate: Sendable, Hashable {
    public var successes: Int64
    public var trials: Int64

    public init(_ successes: Int64, of trials: Int64) {
        self.successes = successes
        self.trials = trials
    }

    /// successes ÷ trials; NaN when there are no trials.
    public var value: Double { trials == 0 ? .nan : Double(successes) / Double(trials) }
}

/// n, Σx and Σx² of one quantity: enough for its mean, its sample variance and Welch's test.
public struct MeanSums: Sendable, Hashable {
    public var count: Int64
    public var sum: Double
    public var sumOfSquares: Double

    public init(count: Int64, sum: Double, sumOfSquares: Double) {
        self.count = count
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    /// Σx ÷ n; NaN when n = 0.
    public var mean: Double { count == 0 ? .nan : sum / Double(count) }

    /// Sample variance (Σx² − (Σx)²/n) ÷ (n − 1); NaN when n < 2.
    public var variance: Double {
        guard count >= 2 else { return .nan }
        let n = Double(count)
        return max(0, (sumOfSquares - sum * sum / n) / (n - 1))
    }
}
