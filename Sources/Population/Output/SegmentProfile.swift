import Sampling

/// Behaviour per segment (orders, recency, carts, reply propensity), printed by `describe SPEC` so a marketer can
/// check that "VIP" customers really order often and recently and that lapsed ones have not bought in months.
public struct SegmentProfile: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var segment: CustomerSegment
        public var customers: Int
        public var meanOrders: Double
        /// Median days since the last order among customers with orders; nil when none ordered.
        public var medianDaysSinceLastOrder: Double?
        public var cartShare: Double
        public var meanReplyPropensity: Double
    }

    /// In lifecycle order; segments with no customers are left out.
    public var lines: [Line]

    /// - Complexity: O(n log n) for the recency medians.
    public init(population: Population) {
        var lines: [Line] = []
        for segment in CustomerSegment.allCases {
            var customers = 0
            var orders = 0
            var carts = 0
            var propensity = 0.0
            var recency: [Double] = []
            for i in 0..<population.count where population.segment[i] == segment {
                customers += 1
                orders += Int(population.orders[i])
                if population.cartTotalCents[i] > 0 { carts += 1 }
                propensity += Double(population.replyPropensity[i])
                if population.orders[i] > 0 { recency.append(Double(population.lastOrderDaysAgo[i])) }
            }
            guard customers > 0 else { continue }
            recency.sort()
            lines.append(
                Line(
                    segment: segment,
                    customers: customers,
                    meanOrders: Double(orders) / Double(customers),
                    medianDaysSinceLastOrder: Quantile.type7(sorted: recency, 0.5),
                    cartShare: Double(carts) / Double(customers),
                    meanReplyPropensity: propensity / Double(customers)
                )
            )
        }
        self.lines = lines
    }

    /// A plain-text table with a header row.
    public func render() -> String {
        var text = "Segment profile\n"
        text += "  segment     mean orders   median days since order   with cart   mean reply chance\n"
        for line in lines {
            let name = line.segment.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let orders = Self.fixed(line.meanOrders, 2).leftPadded(to: 13)
            let recency = (line.medianDaysSinceLastOrder.map { Self.fixed($0, 0) } ?? "-").leftPadded(to: 25)
            let cart = (Self.fixed(line.cartShare * 100, 1) + "%").leftPadded(to: 11)
            let reply = (Self.fixed(line.meanReplyPropensity * 100, 1) + "%").leftPadded(to: 19)
            text += "  \(name)\(orders)\(recency)\(cart)\(reply)\n"
        }
        return text
    }

    /// `value` with `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard decimals > 0 else { return String(scaled) }
        let unit = Int(scale)
        let fraction = String(abs(scaled) % unit)
        let sign = scaled < 0 ? "-" : ""
        return "\(sign)\(abs(scaled) / unit)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
