import Store

/// Runs the catalog's queries for one run and window and turns their rows into metric values.
struct QueryRunner {
    let database: Database
    let run: Int64
    let window: AttributionWindow

    /// Prepares `query` for this run and calls `row` once per result row.
    func each(_ query: MetricQuery, _ row: (Statement) throws -> Void) throws {
        let statement = try database.prepare(query.sql(run: run, window: window))
        while try statement.step() { try row(statement) }
    }

    /// An integer column that SQL may return as NULL (a SUM over no rows) as 0.
    static func integer(_ statement: Statement, _ index: Int32) throws -> Int64 {
        try statement.column(index, as: Int64?.self) ?? 0
    }

    static func real(_ statement: Statement, _ index: Int32) throws -> Double {
        try statement.column(index, as: Double?.self) ?? 0
    }

    /// `customer_totals`: the sums per variant and segment.
    func customerTotals() throws -> [GroupKey: CustomerTotals] {
        var result: [GroupKey: CustomerTotals] = [:]
        try each(MetricQueries.customerTotals) { s in
            let key = GroupKey(variantID: try s.column(0), segment: try s.column(1, as: String.self))
            var t = CustomerTotals()
            var i: Int32 = 2
            func next() throws -> Int64 {
                defer { i += 1 }
                return try Self.integer(s, i)
            }
            func nextReal() throws -> Double {
                defer { i += 1 }
                return try Self.real(s, i)
            }
            t.assigned = try next()
            t.sent = try next()
            t.delivered = try next()
            t.replied = try next()
            t.conversed = try next()
            t.converted = try next()
            t.deliveredConverted = try next()
            t.assisted = try next()
            t.optedOut = try next()
            t.orders = try next()
            t.revenueCents = try next()
            t.orderValueSquares = try nextReal()
            t.revenueSquares = try nextReal()
            t.deliveredRevenueCents = try next()
            t.deliveredRevenueSquares = try nextReal()
            t.costMicrodollars = try next()
            t.outboundSegments = try next()
            t.outboundMessages = try next()
            t.deliveredMessages = try next()
            result[key] = t
        }
        return result
    }

    func cartRecovery() throws -> [Int64: CartRecovery] {
        var result: [Int64: CartRecovery] = [:]
        try each(MetricQueries.cartRecovery) { s in
            var recovery = CartRecovery()
            recovery.carts = try Self.integer(s, 1)
            recovery.recovered = try Self.integer(s, 2)
            recovery.recoveredCents = try Self.integer(s, 3)
            result[try s.column(0)] = recovery
        }
        return result
    }

    func resolutionTimes() throws -> [Int64: ResolutionTimes] {
        var result: [Int64: ResolutionTimes] = [:]
        try each(MetricQueries.resolutionTimes) { s in
            let variant: Int64 = try s.column(0)
            let kind: String = try s.column(1)
            let duration = try s.column(2, as: Int64?.self)
            var times = result[variant] ?? ResolutionTimes()
            switch (kind, duration) {
            case ("automation", let ms?): times.automated.append(max(0, ms))
            case ("agent", let ms?): times.agent.append(max(0, ms))
            case ("abandoned", _): times.abandoned += 1
            default: times.unresolved += 1
            }
            result[variant] = times
        }
        return result
    }

    func handoffTotals() throws -> [Int64: HandoffTotals] {
        var result: [Int64: HandoffTotals] = [:]
        try each(MetricQueries.handoffTotals) { s in
            var totals = HandoffTotals()
            totals.queued = try Self.integer(s, 1)
            totals.pickedUp = try Self.integer(s, 2)
            totals.resolved = try Self.integer(s, 3)
            totals.abandoned = try Self.integer(s, 4)
            totals.stillOpen = try Self.integer(s, 5)
            result[try s.column(0)] = totals
        }
        return result
    }

    func deliveryFailures() throws -> [DeliveryFailure] {
        var result: [DeliveryFailure] = []
        try each(MetricQueries.deliveryFailures) { s in
            result.append(
                DeliveryFailure(variantID: try s.column(0), errorCode: try s.column(1), failures: try s.column(2))
            )
        }
        return result
    }

    func utilisation() throws -> AgentUtilisation {
        var busy: [(start: Int64, end: Int64?)] = []
        try each(MetricQueries.agentBusyIntervals) { s in
            busy.append((try s.column(1), try s.column(2, as: Int64?.self)))
        }
        var shifts: [(start: Int64, end: Int64, concurrency: Int64)] = []
        try each(MetricQueries.agentShifts) { s in
            shifts.append((try s.column(1), try s.column(2), try s.column(3)))
        }
        return AgentUtilisation(busy: busy, shifts: shifts)
    }

    func flowNodes() throws -> [FlowNodeStats] {
        var nodes: [FlowNodeStats] = []
        try each(MetricQueries.flowNodes) { s in
            nodes.append(
                FlowNodeStats(
                    variantID: try s.column(0),
                    node: try s.column(1),
                    arrivals: try Self.integer(s, 2),
                    droppedOff: try Self.integer(s, 3),
                    expired: try Self.integer(s, 4)
                )
            )
        }
        var categories: [GroupKey: [CategoryCount]] = [:]
        try each(MetricQueries.nodeCategories) { s in
            let key = GroupKey(variantID: try s.column(0), segment: try s.column(1))
            categories[key, default: []].append(CategoryCount(try s.column(2), replies: try s.column(3)))
        }
        for index in nodes.indices {
            nodes[index].categories =
                categories[GroupKey(variantID: nodes[index].variantID, segment: nodes[index].node)]
                ?? []
        }
        return nodes
    }

    func confusion() throws -> IntentConfusion {
        var cells: [(intent: String, category: String, count: Int64)] = []
        try each(MetricQueries.intentConfusion) { s in
            cells.append((try s.column(0), try s.column(1), try s.column(2)))
        }
        return IntentConfusion(cells: cells)
    }

    func health() throws -> RunHealth {
        var health = RunHealth()
        try each(MetricQueries.suppressions) { s in
            health.suppressions.append(
                ReasonCount(try s.column(0), count: try s.column(1), deferred: try Self.integer(s, 2))
            )
        }
        try each(MetricQueries.quarantine) { s in
            health.quarantine.append(ReasonCount(try s.column(0), count: try s.column(1)))
        }
        return health
    }

    func replySample() throws -> [Analysis.Reply] {
        var replies: [Analysis.Reply] = []
        try each(MetricQueries.replySample) { s in
            replies.append(
                Analysis.Reply(
                    at: try s.column(0),
                    variantID: try s.column(1),
                    body: try s.column(2),
                    category: try s.column(3)
                )
            )
        }
        return replies
    }
}
