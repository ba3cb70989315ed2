/// Lifts with their intervals on one axis with a zero line: the whole experiment at a glance.
public struct ForestPlot: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// Bold group heading, usually the metric ("Reply rate").
        public var group: String
        /// The row itself, usually the variant ("Conversational").
        public var label: String
        public var estimate: ChangeEstimate
        public var verdict: ComparisonVerdict

        public init(group: String, label: String, estimate: ChangeEstimate, verdict: ComparisonVerdict) {
            self.group = group
            self.label = label
            self.estimate = estimate
            self.verdict = verdict
        }
    }

    public var title: String
    /// What the axis measures, e.g. "Change over one-way blast (95% CI)".
    public var axisLabel: String
    public var rows: [Row]
    public var axisDomain: ClosedRange<Double>?
    public var note: String?

    public init(
        title: String,
        axisLabel: String,
        rows: [Row],
        axisDomain: ClosedRange<Double>? = nil,
        note: String? = nil
    ) {
        self.title = title
        self.axisLabel = axisLabel
        self.rows = rows
        self.axisDomain = axisDomain
        self.note = note
    }

    /// The plot of a results table's charted change, one row per metric × variant, guardrails included.
    public init(_ table: ComparisonTable, title: String = "Lifts at a glance", note: String? = nil) {
        var rows: [Row] = []
        for metric in table.metrics {
            for variant in metric.variants {
                let estimate = table.chartedChange == .relative ? variant.relativeChange : variant.absoluteChange
                guard let estimate else { continue }
                rows.append(
                    Row(
                        group: metric.name,
                        label: variant.variant,
                        estimate: estimate,
                        verdict: variant.verdict(alpha: table.alpha, higherIsBetter: metric.higherIsBetter)
                    )
                )
            }
        }
        let level = NumberText.fixed(table.confidenceLevel * 100, places: 0)
        let kind = table.chartedChange == .relative ? "Relative change" : "Change"
        self.init(
            title: title,
            axisLabel: "\(kind) over \(table.baselineName) (\(level)% CI)",
            rows: rows,
            axisDomain: table.axisDomain,
            note: note
        )
    }
}
