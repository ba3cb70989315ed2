/// The results table, GrowthBook-style: one row per metric × variant against a baseline, counts beneath each
/// rate, the change with its interval drawn on one shared axis, the p-value and the test that produced it.
public struct ComparisonTable: Sendable, Hashable {
    /// Which change the interval bars draw; every row shares the axis, so it must mean the same in every row.
    public enum ChartedChange: Sendable, Hashable {
        /// Relative change (lift) over the baseline, in percent: comparable across metrics.
        case relative
        /// Absolute change; only sensible when every metric has the same unit (e.g. all rates, in pp).
        case absolute
    }

    public var title: String
    /// The arm every row compares against, e.g. "One-way blast" or "Holdout".
    public var baselineName: String
    public var metrics: [MetricComparison]
    public var chartedChange: ChartedChange
    /// The significance level a row must beat (after correction, when there is one) to be called.
    public var alpha: Double
    /// The confidence level of every interval in the table, e.g. 0.95.
    public var confidenceLevel: Double
    /// The multiple-comparison correction behind `adjustedPValue`, e.g. "Holm over 8 tests"; nil for none.
    public var correction: String?
    /// Fixes the shared axis (in the charted change's units); nil fits every interval and zero.
    public var axisDomain: ClosedRange<Double>?
    /// File name of the CSV twin without extension; nil derives one from the title.
    public var csvName: String?
    /// A sentence under the table.
    public var note: String?

    public init(
        title: String,
        baselineName: String,
        metrics: [MetricComparison],
        chartedChange: ChartedChange = .relative,
        alpha: Double = 0.05,
        confidenceLevel: Double = 0.95,
        correction: String? = nil,
        axisDomain: ClosedRange<Double>? = nil,
        csvName: String? = nil,
        note: String? = nil
    ) {
        self.title = title
        self.baselineName = baselineName
        self.metrics = metrics
        self.chartedChange = chartedChange
        self.alpha = alpha
        self.confidenceLevel = confidenceLevel
        self.correction = correction
        self.axisDomain = axisDomain
        self.csvName = csvName
        self.note = note
    }
}

/// One metric of the results table: its definition, the baseline's value and each variant against it.
public struct MetricComparison: Sendable, Hashable {
    /// "Reply rate".
    public var name: String
    /// Numerator ÷ denominator and window, e.g. "repliers ÷ delivered, 72 h after first send".
    public var definition: String?
    /// False for metrics where a rise is bad (opt-out rate, cost): flips the better/worse call.
    public var higherIsBetter: Bool
    /// Guardrails are shown and tested but never drive the decision (and stay outside corrections).
    public var isGuardrail: Bool
    public var baseline: MeasuredValue
    public var variants: [VariantComparison]

    public init(
        name: String,
        definition: String? = nil,
        higherIsBetter: Bool = true,
        isGuardrail: Bool = false,
        baseline: MeasuredValue,
        variants: [VariantComparison]
    ) {
        self.name = name
        self.definition = definition
        self.higherIsBetter = higherIsBetter
        self.isGuardrail = isGuardrail
        self.baseline = baseline
        self.variants = variants
    }
}

/// One variant against the baseline on one metric.
public struct VariantComparison: Sendable, Hashable {
    /// "Conversational".
    public var variant: String
    public var value: MeasuredValue
    /// Variant minus baseline, e.g. in percentage points for rates, with its interval (e.g. Newcombe).
    public var absoluteChange: ChangeEstimate?
    /// (variant − baseline) ÷ baseline, with its interval.
    public var relativeChange: ChangeEstimate?
    public var pValue: Double?
    /// The p-value after the table's correction.
    public var adjustedPValue: Double?
    /// The test and interval method, e.g. "two-proportion z (pooled); Newcombe CI".
    public var test: String
    /// False when the data are too thin to call a winner (e.g. under 25 conversions per arm); the row says so.
    public var enoughData: Bool

    public init(
        variant: String,
        value: MeasuredValue,
        absoluteChange: ChangeEstimate? = nil,
        relativeChange: ChangeEstimate? = nil,
        pValue: Double? = nil,
        adjustedPValue: Double? = nil,
        test: String,
        enoughData: Bool = true
    ) {
        self.variant = variant
        self.value = value
        self.absoluteChange = absoluteChange
        self.relativeChange = relativeChange
        self.pValue = pValue
        self.adjustedPValue = adjustedPValue
        self.test = test
        self.enoughData = enoughData
    }

    /// The call this row supports at `alpha`: better or worse only past the threshold, in the metric's direction.
    public func verdict(alpha: Double, higherIsBetter: Bool) -> ComparisonVerdict {
        guard enoughData else { return .tooFewData }
        guard let p = adjustedPValue ?? pValue, p.isFinite else { return .notTested }
        guard p < alpha else { return .inconclusive }
        let point = absoluteChange?.point ?? relativeChange?.point ?? 0
        guard point != 0 else { return .inconclusive }
        return (point > 0) == higherIsBetter ? .better : .worse
    }
}

/// What a results row lets a reader conclude; always printed as words, colour only reinforces it.
public enum ComparisonVerdict: String, Sendable, Hashable, CaseIterable {
    case better
    case worse
    case inconclusive
    case tooFewData = "too_few_data"
    case notTested = "not_tested"

    /// The label the report prints.
    public var label: String {
        switch self {
        case .better: "Better"
        case .worse: "Worse"
        case .inconclusive: "Inconclusive"
        case .tooFewData: "Too few data"
        case .notTested: "Not tested"
        }
    }
}
