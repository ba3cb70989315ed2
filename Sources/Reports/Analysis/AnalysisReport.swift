import Analytics

/// Turns an `Analysis` into the report people read: health first, the verdict, the results table against the
/// baseline and the holdout, then funnel, money, resolution times, agents, opt-outs, segments, the flow, the audit
/// and the methods footer. Every statistic here comes from `Analytics/Statistics`; this file only chooses which
/// test each metric gets and how it is shown.
///
/// Library entry points for commands: `document(_:options:)`, `write(_:to:options:reportOptions:)` and
/// `verdict(_:options:)` (the three lines `analyze` and `demo` print).
public enum AnalysisReport {
    /// Choices that change what the analysis report says (not how it is rendered: that is `ReportOptions`).
    public struct Options: Sendable, Hashable {
        /// Significance level of every test, two-sided.
        public var alpha: Double
        /// The arm the others are compared with; nil picks the one-way arm (see `Analysis.baseline`).
        public var baseline: String?
        /// Seed of the bootstrap behind the median and p90 intervals.
        public var bootstrapSeed: UInt64
        public var bootstrapReplicates: Int
        /// The compliance audit's section, when one was run.
        public var audit: AuditReport?
        /// Printed under the title when given (never the clock by default, so the bytes stay the same).
        public var generatedAt: String?

        public init(
            alpha: Double = 0.05,
            baseline: String? = nil,
            bootstrapSeed: UInt64 = 7,
            bootstrapReplicates: Int = 2_000,
            audit: AuditReport? = nil,
            generatedAt: String? = nil
        ) {
            self.alpha = alpha
            self.baseline = baseline
            self.bootstrapSeed = bootstrapSeed
            self.bootstrapReplicates = bootstrapReplicates
            self.audit = audit
            self.generatedAt = generatedAt
        }

        var confidenceLevel: Double { 1 - alpha }
    }

    /// The whole report document for `analysis`.
    public static func document(_ analysis: Analysis, options: Options = Options()) -> ReportDocument {
        let context = Context(analysis: analysis, options: options)
        var sections: [ReportSection] = [
            ReportSection("Verdict", blocks: [.callout(context.verdictCallout())])
        ]
        sections.append(contentsOf: context.resultSections())
        sections.append(contentsOf: context.detailSections())
        if let audit = options.audit {
            sections.append(ReportSection("Compliance audit", blocks: [.audit(audit)]))
        }
        return ReportDocument(
            title: context.title,
            subtitle: "Does a conversational campaign earn more than a one-way blast, and at what cost?",
            facts: context.facts(),
            variants: analysis.arms.map(\.name),
            health: context.healthBanner(),
            sections: sections,
            methods: context.methods()
        )
    }

    /// The report's files (index.html, CSV twins and side-cars, tables.csv), written into `directory`.
    /// - Returns: the paths written, index.html first.
    @discardableResult
    public static func write(
        _ analysis: Analysis,
        to directory: String,
        options: Options = Options(),
        reportOptions: ReportOptions = ReportOptions()
    ) throws(ReportError) -> [String] {
        try ReportBundle.write(document(analysis, options: options), to: directory, options: reportOptions)
    }

    /// Three lines: the revenue-per-recipient call, the recovery (or conversion) over the holdout, the guardrails.
    public static func verdict(_ analysis: Analysis, options: Options = Options()) -> [String] {
        Context(analysis: analysis, options: options).verdictLines()
    }
}

/// One analysis and its options, with the comparisons worked out once and shared by every section.
struct Context {
    let analysis: Analysis
    let options: Options
    let baseline: Analysis.Arm?
    /// The arms compared with the baseline (the holdout is compared apart).
    let challengers: [Analysis.Arm]

    typealias Options = AnalysisReport.Options

    init(analysis: Analysis, options: Options) {
        self.analysis = analysis
        self.options = options
        let baseline = analysis.baseline(named: options.baseline)
        self.baseline = baseline
        challengers = analysis.treatments.filter { $0.id != baseline?.id }
    }

    var title: String {
        let source = analysis.run.source.split(separator: "/").last.map(String.init) ?? analysis.run.source
        return "Run \(analysis.run.id): \(source)"
    }

    var hasCarts: Bool { analysis.arms.contains { $0.recovery.carts > 0 } }

    func facts() -> [KeyValueList.Item] {
        var facts: [KeyValueList.Item] = [
            .init("Run", .integer(analysis.run.id)),
            .init("Kind", .text(analysis.run.kind)),
            .init("Source", .text(analysis.run.source)),
        ]
        if let seed = analysis.run.seed { facts.append(.init("Seed", .integer(seed))) }
        facts.append(.init("Customers", .integer(analysis.overall.assigned)))
        facts.append(.init("Attribution", .text(windowSummary)))
        if let generatedAt = options.generatedAt { facts.append(.init("Generated", .text(generatedAt))) }
        return facts
    }

    var windowSummary: String {
        let w = analysis.window
        return "\(w.name): orders \(AttributionWindow.describe(w.conversionMilliseconds)), replies "
            + "\(AttributionWindow.describe(w.replyMilliseconds)), opt-outs "
            + "\(AttributionWindow.describe(w.optOutMilliseconds)) after t0"
    }

    var conversionWindow: String { AttributionWindow.describe(analysis.window.conversionMilliseconds) }
    var replyWindow: String { AttributionWindow.describe(analysis.window.replyMilliseconds) }
    var optOutWindow: String { AttributionWindow.describe(analysis.window.optOutMilliseconds) }
}
