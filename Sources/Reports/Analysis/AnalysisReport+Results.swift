import Analytics

/// A metric the results table compares: a rate (z-test, Wilson, Newcombe) or a mean (Welch), both with the
/// delta-method relative lift so every row shares one axis.
struct ComparedMetric {
    enum Measure {
        case rate((Analysis.Arm) -> Rate)
        case mean((Analysis.Arm) -> MeanSums)
    }

    var name: String
    var definition: String
    var measure: Measure
    var higherIsBetter = true
    var isGuardrail = false
}

/// Optimizely's display rule (reference §1.2): no call below 100 units or 25 successes per arm.
let minimumTrials: Int64 = 100
let minimumSuccesses: Int64 = 25

extension Context {
    static let rateTest = "pooled z; Newcombe CI"
    static let meanTest = "Welch t"

    /// The decision metrics and guardrails against the baseline, in the order the table shows them.
    var baselineMetrics: [ComparedMetric] {
        var metrics = [
            ComparedMetric(
                name: "Revenue per recipient",
                definition: "attributed revenue of delivered customers ÷ delivered customers, orders within "
                    + "\(conversionWindow)",
                measure: .mean { $0.totals.revenuePerRecipient }
            ),
            ComparedMetric(
                name: "Reply rate",
                definition: "delivered customers replying (not a keyword) within \(replyWindow) ÷ delivered",
                measure: .rate { $0.totals.replyRate }
            ),
            ComparedMetric(
                name: "Assisted conversion rate",
                definition: "delivered customers ordering after a two-way exchange within \(conversionWindow) "
                    + "÷ delivered",
                measure: .rate { $0.totals.assistedConversionRate }
            ),
            ComparedMetric(
                name: "Conversion rate (ITT)",
                definition: "customers ordering within \(conversionWindow) ÷ customers assigned",
                measure: .rate { $0.totals.conversionRate }
            ),
        ]
        if hasCarts {
            metrics.append(
                ComparedMetric(
                    name: "Recovery rate",
                    definition: "carts ordered within \(conversionWindow) ÷ carts targeted",
                    measure: .rate { $0.recovery.rate }
                )
            )
        }
        metrics.append(
            ComparedMetric(
                name: "Average order value",
                definition: "attributed revenue ÷ attributed orders",
                measure: .mean { $0.totals.averageOrderValue }
            )
        )
        metrics.append(
            ComparedMetric(
                name: "Opt-out rate",
                definition: "delivered customers opting out within \(optOutWindow) ÷ delivered",
                measure: .rate { $0.totals.optOutRate },
                higherIsBetter: false,
                isGuardrail: true
            )
        )
        return metrics
    }

    /// What each arm gained over the holdout (intent-to-treat: the holdout gets no text, so nothing is "delivered").
    var holdoutMetrics: [ComparedMetric] {
        var metrics: [ComparedMetric] = []
        if hasCarts {
            metrics.append(
                ComparedMetric(
                    name: "Recovery rate",
                    definition: "carts ordered within \(conversionWindow) ÷ carts targeted (holdout: not sent)",
                    measure: .rate { $0.recovery.rate }
                )
            )
        }
        metrics.append(
            ComparedMetric(
                name: "Conversion rate (ITT)",
                definition: "customers ordering within \(conversionWindow) ÷ customers assigned",
                measure: .rate { $0.totals.conversionRate }
            )
        )
        metrics.append(
            ComparedMetric(
                name: "Revenue per assigned customer",
                definition: "attributed revenue ÷ customers assigned",
                measure: .mean { $0.totals.revenuePerAssigned }
            )
        )
        return metrics
    }

    func measured(_ metric: ComparedMetric, _ arm: Analysis.Arm) -> MeasuredValue {
        switch metric.measure {
        case .rate(let rate):
            let r = rate(arm)
            var value = MeasuredValue.rate(r.successes, of: r.trials)
            if let proportion = try? Proportion(successes: Int(r.successes), trials: Int(r.trials)) {
                let interval = WilsonInterval.interval(proportion, level: options.confidenceLevel)
                value.interval = interval.low...interval.high
                value.intervalFormat = .percent(places: 1)
            }
            return value
        case .mean(let sums):
            let s = sums(arm)
            return MeasuredValue(
                s.count == 0 ? .missing : .cents(Int64(s.mean.rounded())),
                numerator: .cents(Int64(s.sum.rounded())),
                denominator: .integer(s.count)
            )
        }
    }

    /// One variant against the control on one metric, before any correction.
    func compare(_ metric: ComparedMetric, control: Analysis.Arm, variant: Analysis.Arm) -> VariantComparison {
        let level = options.confidenceLevel
        switch metric.measure {
        case .rate(let rate):
            let a = rate(control)
            let b = rate(variant)
            var row = VariantComparison(
                variant: variant.name,
                value: measured(metric, variant),
                test: Self.rateTest,
                enoughData: a.trials >= minimumTrials && b.trials >= minimumTrials
                    && a.successes + b.successes >= minimumSuccesses
            )
            if let pa = try? Proportion(successes: Int(a.successes), trials: Int(a.trials)),
                let pb = try? Proportion(successes: Int(b.successes), trials: Int(b.trials))
            {
                let test = TwoProportionZTest.test(a: pa, b: pb, level: level)
                row.absoluteChange = ChangeEstimate(
                    test.difference,
                    low: test.differenceInterval.low,
                    high: test.differenceInterval.high,
                    format: .percentagePoints(places: 1)
                )
                row.pValue = test.pValue.isFinite ? test.pValue : nil
            }
            if let lift = RelativeLift.proportions(a: a, b: b, level: level) {
                row.relativeChange = ChangeEstimate(
                    lift.estimate,
                    low: lift.interval.low,
                    high: lift.interval.high,
                    format: .percent(places: 1)
                )
            }
            return row
        case .mean(let sums):
            let a = sums(control)
            let b = sums(variant)
            var row = VariantComparison(
                variant: variant.name,
                value: measured(metric, variant),
                test: Self.meanTest,
                enoughData: a.count >= minimumTrials && b.count >= minimumTrials
            )
            if a.count >= 2, b.count >= 2,
                let test = try? WelchTTest.test(
                    a: WelchTTest.Summary(count: Int(a.count), mean: a.mean, variance: a.variance),
                    b: WelchTTest.Summary(count: Int(b.count), mean: b.mean, variance: b.variance),
                    level: level
                )
            {
                row.absoluteChange = ChangeEstimate(
                    test.difference,
                    low: test.differenceInterval.low,
                    high: test.differenceInterval.high,
                    format: .cents
                )
                row.pValue = test.pValue.isFinite ? test.pValue : nil
            }
            if let lift = RelativeLift.means(a: a, b: b, level: level) {
                row.relativeChange = ChangeEstimate(
                    lift.estimate,
                    low: lift.interval.low,
                    high: lift.interval.high,
                    format: .percent(places: 1)
                )
            }
            return row
        }
    }

    /// A results table of `metrics` for `variants` against `control`, Holm-adjusted over the decision rows.
    func table(
        _ title: String,
        control: Analysis.Arm,
        variants: [Analysis.Arm],
        metrics: [ComparedMetric],
        csvName: String
    ) -> ComparisonTable {
        var rows = metrics.map { metric in
            MetricComparison(
                name: metric.name,
                definition: metric.definition,
                higherIsBetter: metric.higherIsBetter,
                isGuardrail: metric.isGuardrail,
                baseline: measured(metric, control),
                variants: variants.map { compare(metric, control: control, variant: $0) }
            )
        }
        var positions: [(metric: Int, variant: Int)] = []
        var pValues: [Double] = []
        for (m, row) in rows.enumerated() where !row.isGuardrail {
            for (v, comparison) in row.variants.enumerated() {
                guard let p = comparison.pValue else { continue }
                positions.append((m, v))
                pValues.append(p)
            }
        }
        for (position, adjusted) in zip(positions, MultipleComparisons.holm(pValues)) {
            rows[position.metric].variants[position.variant].adjustedPValue = adjusted
        }
        return ComparisonTable(
            title: title,
            baselineName: control.name,
            metrics: rows,
            chartedChange: .relative,
            alpha: options.alpha,
            confidenceLevel: options.confidenceLevel,
            correction: pValues.isEmpty ? nil : "Holm over \(pValues.count) decision tests",
            axisDomain: Self.axis(rows),
            csvName: csvName,
            note: "p-values: pooled two-proportion z-test for rates, Welch's t-test for money; relative changes "
                + "and their bars: delta-method lift with Welch t. Rows marked too few data have under "
                + "\(minimumTrials) customers per arm or under \(minimumSuccesses) successes (Optimizely's display "
                + "rule); guardrails are tested but stay outside the correction."
        )
    }

    /// The charted (relative) intervals and zero, clipped to −100% … +300% so one runaway lift keeps the rest
    /// readable (the renderer marks a clipped end), with ends on a round step so tick labels fall evenly.
    static func axis(_ rows: [MetricComparison]) -> ClosedRange<Double>? {
        let changes = rows.flatMap { $0.variants.compactMap(\.relativeChange) }
        guard !changes.isEmpty else { return nil }
        let low = max(-1, min(0, changes.map(\.low).min()!))
        let high = min(3, max(0, changes.map(\.high).max()!))
        guard high > low else { return nil }
        let span = high - low
        let step = span <= 0.5 ? 0.1 : span <= 1.5 ? 0.25 : 0.5
        return ((low / step).rounded(.down) * step)...((high / step).rounded(.up) * step)
    }

    var baselineTable: ComparisonTable? {
        guard let baseline, !challengers.isEmpty else { return nil }
        return table(
            Self.capitalisedFirst("\(challengers.map(\.name).joined(separator: ", ")) vs \(baseline.name)"),
            control: baseline,
            variants: challengers,
            metrics: baselineMetrics,
            csvName: "results"
        )
    }

    var holdoutTable: ComparisonTable? {
        guard let holdout = analysis.holdout, !analysis.treatments.isEmpty else { return nil }
        return table(
            "Incremental over the holdout",
            control: holdout,
            variants: analysis.treatments,
            metrics: holdoutMetrics,
            csvName: "incremental"
        )
    }

    func resultSections() -> [ReportSection] {
        var blocks: [ReportBlock] = []
        if let table = baselineTable {
            blocks.append(.comparison(table))
            blocks.append(.forest(ForestPlot(table)))
        }
        if let table = holdoutTable { blocks.append(.comparison(table)) }
        if blocks.isEmpty {
            blocks.append(.paragraph("This run has a single arm: there is nothing to compare, only to describe."))
        }
        return [
            ReportSection(
                "Results",
                summary: "Each variant against \(baseline?.name ?? "the baseline"), then every arm against the "
                    + "holdout; intervals at \(NumberText.fixed(options.confidenceLevel * 100, places: 0))%.",
                blocks: blocks
            )
        ]
    }
}
