import EventLog
import Store

/// Every metric of one run under one attribution window: what a report or `replylab demo` is built from.
///
/// `compute` runs the named reductions of `MetricQueries` (portable SQL; sums per group, never statistics) and
/// keeps the results as plain values; tests, the HTML report and the verdict all read from here. Arms are the
/// run's variants by id; a run without variants (an import with no mapping) is one arm, "All customers".
public struct Analysis: Sendable {
    /// One variant (or the holdout) with every metric's sums.
    public struct Arm: Sendable, Hashable {
        public var variant: VariantRecord
        public var totals: CustomerTotals
        public var recovery: CartRecovery
        public var resolution: ResolutionTimes
        public var handoffs: HandoffTotals
        public var failures: [DeliveryFailure]

        public var name: String { variant.name }
        public var id: Int64 { variant.variantID }
        public var isHoldout: Bool { variant.isHoldout }
    }

    /// One variant × segment.
    public struct SegmentRow: Sendable, Hashable {
        public var variantID: Int64
        public var segment: String
        public var totals: CustomerTotals
    }

    /// One inbound text as the customer wrote it, for the report's sample of replies.
    public struct Reply: Sendable, Hashable {
        public var at: Int64
        public var variantID: Int64
        public var body: String
        public var category: String
    }

    public var run: RunRecord
    public var window: AttributionWindow
    public var arms: [Arm]
    public var segments: [SegmentRow]
    public var utilisation: AgentUtilisation
    public var nodes: [FlowNodeStats]
    public var confusion: IntentConfusion
    public var health: RunHealth
    /// The run's first inbound texts (at most 20).
    public var replies: [Reply]
    /// Rows per table of the run, for the methods footer's provenance.
    public var rowCounts: [EventLogReader.TableCount]

    /// The id an arm gets when the run has no variants.
    public static let unassignedVariantID: Int64 = -1

    /// Every arm's sums added up.
    public var overall: CustomerTotals {
        var total = CustomerTotals()
        for arm in arms { total.add(arm.totals) }
        return total
    }

    public var holdout: Arm? { arms.first(where: \.isHoldout) }
    public var treatments: [Arm] { arms.filter { !$0.isHoldout } }

    /// The arm the others are compared with: `named` when given, else the one-way arm (a name or flow reading
    /// "one-way", "oneway" or "blast"), else the first non-holdout arm. Nil when there is at most one
    /// non-holdout arm and no `named`.
    public func baseline(named: String? = nil) -> Arm? {
        if let named { return arms.first { $0.name == named } }
        let candidates = treatments
        guard candidates.count >= 2 else { return nil }
        func isOneWay(_ arm: Arm) -> Bool {
            let words = (arm.name + " " + arm.variant.flow).lowercased()
            return words.contains("one-way") || words.contains("oneway") || words.contains("blast")
        }
        return candidates.first(where: isOneWay) ?? candidates.first
    }

    public func arm(id: Int64) -> Arm? { arms.first { $0.id == id } }

    /// The latest run's id (largest id), for `--run` left out.
    public static func latestRun(in database: Database) throws -> Int64? {
        let runs = try EventLogReader(database: database).runs()
        return runs.last?.id
    }

    /// Every query `compute` runs for `run`, with its text as it runs (for `--print-sql`).
    public static func queries(run: Int64, window: AttributionWindow) -> [(query: MetricQuery, sql: String)] {
        MetricQueries.all.map { ($0, $0.sql(run: run, window: window)) }
    }

    /// Runs every reduction for `runID` (the latest run when nil) under `window`.
    /// - Throws: `AnalysisError` for a missing run or an empty log, `StoreError`/`SQLiteError` from the file.
    /// - Complexity: a handful of passes over the run's rows, each through the analytics indexes.
    public static func compute(
        database: Database,
        runID: Int64? = nil,
        window: AttributionWindow = .replylab
    ) throws -> Analysis {
        let reader = try EventLogReader(database: database)
        let runs = try reader.runs()
        guard !runs.isEmpty else { throw AnalysisError.emptyLog(path: database.path) }
        let id = runID ?? runs[runs.count - 1].id
        guard let run = runs.first(where: { $0.id == id }) else {
            throw AnalysisError.noSuchRun(id, known: runs.map(\.id))
        }
        let queries = QueryRunner(database: database, run: id, window: window)
        // The longest reduction runs beside the others when the file can take a second reader.
        let background = BackgroundQuery(sharing: database) { second in
            try QueryRunner(database: second, run: id, window: window).customerTotals()
        }
        let recovery = try queries.cartRecovery()
        let resolution = try queries.resolutionTimes()
        let handoffs = try queries.handoffTotals()
        let failures = try queries.deliveryFailures()
        let utilisation = try queries.utilisation()
        let nodes = try queries.flowNodes()
        let confusion = try queries.confusion()
        let health = try queries.health()
        let replies = try queries.replySample()
        let rowCounts = try reader.rowCounts(ofRun: id)

        var variants = try reader.variants(ofRun: id)
        // Sorted before summing: the Σx² are doubles, and the same order gives the same bits every run.
        let bySegment = try (background?.value() ?? queries.customerTotals()).sorted {
            ($0.key.variantID, $0.key.segment) < ($1.key.variantID, $1.key.segment)
        }
        var totalsByVariant: [Int64: CustomerTotals] = [:]
        for (key, totals) in bySegment { totalsByVariant[key.variantID, default: CustomerTotals()].add(totals) }
        if variants.isEmpty || totalsByVariant[unassignedVariantID] != nil {
            variants.append(
                VariantRecord(
                    runID: id,
                    variantID: unassignedVariantID,
                    name: variants.isEmpty ? "All customers" : "Unassigned",
                    flow: "",
                    share: variants.isEmpty ? 1 : 0,
                    isHoldout: false
                )
            )
        }
        let arms = variants.map { variant in
            Arm(
                variant: variant,
                totals: totalsByVariant[variant.variantID] ?? CustomerTotals(),
                recovery: recovery[variant.variantID] ?? CartRecovery(),
                resolution: resolution[variant.variantID] ?? ResolutionTimes(),
                handoffs: handoffs[variant.variantID] ?? HandoffTotals(),
                failures: failures.filter { $0.variantID == variant.variantID }
            )
        }
        let segments =
            bySegment
            .map { SegmentRow(variantID: $0.key.variantID, segment: $0.key.segment, totals: $0.value) }
            .sorted { ($0.segment, $0.variantID) < ($1.segment, $1.variantID) }
        return Analysis(
            run: run,
            window: window,
            arms: arms,
            segments: segments,
            utilisation: utilisation,
            nodes: nodes,
            confusion: confusion,
            health: health,
            replies: replies,
            rowCounts: rowCounts
        )
    }
}

/// A variant, or a variant × segment.
struct GroupKey: Hashable, Sendable {
    var variantID: Int64
    var segment: String
}
