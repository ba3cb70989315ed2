@testable import Reports

/// Documents for the tests: one with hostile text in every field a model can carry.
enum Fixtures {
    /// Markup, quotes, an ampersand, an apostrophe, emoji and a phone number in one string.
    static let hostile = "<script>alert(\"x&y's\")</script>😀 (415) 555-0134"

    /// Every block kind, every text field set to `hostile` (or containing it).
    static func hostileDocument() -> ReportDocument {
        let h = hostile
        let change = ChangeEstimate(0.1, low: 0.02, high: 0.2, format: .percent(places: 1))
        let comparison = ComparisonTable(
            title: h,
            baselineName: h,
            metrics: [
                MetricComparison(
                    name: h,
                    definition: h,
                    baseline: .rate(10, of: 100),
                    variants: [
                        VariantComparison(
                            variant: h,
                            value: MeasuredValue(.text(h), numerator: .text(h), denominator: .text(h)),
                            absoluteChange: change,
                            relativeChange: change,
                            pValue: 0.01,
                            adjustedPValue: 0.02,
                            test: h
                        )
                    ]
                )
            ],
            correction: h,
            csvName: h,
            note: h
        )
        let distribution = DistributionChart(
            title: h,
            format: .milliseconds,
            series: [
                .init(
                    name: h,
                    values: [1_000, 2_000, 3_000],
                    markers: [.init(h, value: 2_000)],
                    mean: 2_000,
                    excluded: [.init(h, count: 2)]
                )
            ],
            intervalMethod: h,
            csvName: h,
            note: h
        )
        return ReportDocument(
            title: h,
            subtitle: h,
            facts: [.init(h, .text(h), detail: h)],
            variants: [h],
            health: HealthBanner(items: [.init(.warning, h, h)]),
            sections: [
                ReportSection(
                    h,
                    summary: h,
                    blocks: [
                        .paragraph(h), .callout(Callout(.problem, title: h, text: h)), .comparison(comparison),
                        .forest(ForestPlot(comparison, title: h, note: h)),
                        .funnel(Funnel(title: h, steps: [h, h], series: [.init(name: h, counts: [10, 5])], note: h)),
                        .distribution(distribution),
                        .distribution(
                            DistributionChart(
                                title: h,
                                format: .number(places: 1),
                                style: .ecdf,
                                series: distribution.series
                            )
                        ),
                        .line(
                            LineChart(
                                title: h,
                                xAxis: .time,
                                xLabel: h,
                                yLabel: h,
                                yFormat: .percent(places: 0),
                                series: [.init(name: h, points: [.init(x: 0, y: 0.5), .init(x: 3_600_000, y: 0.7)])],
                                note: h
                            )
                        ),
                        .bars(
                            BarChart(
                                title: h,
                                categories: [h],
                                series: [.init(name: h, values: [3], labels: [h])],
                                valueFormat: .count,
                                valueLabel: h,
                                note: h
                            )
                        ),
                        .table(
                            DataTable(
                                title: h,
                                columns: [.init(h, description: h)],
                                rows: [[.text(h)]],
                                note: h
                            )
                        ),
                        .confusion(
                            ConfusionTable(
                                title: h,
                                rowTitle: h,
                                columnTitle: h,
                                rows: [h],
                                columns: [h],
                                counts: [[4]],
                                expectedColumn: [0],
                                note: h
                            )
                        ),
                        .keyValues(KeyValueList(title: h, items: [.init(h, .text(h), detail: h)], note: h)),
                        .audit(
                            AuditReport(
                                title: h,
                                checks: [.init(rule: h, description: h, findingCount: 1)],
                                findings: [.init(rule: h, summary: h, at: 0, customer: h, messageIDs: [h])],
                                note: h
                            )
                        ),
                    ]
                )
            ],
            methods: MethodsFooter(
                definitions: [.init(metric: h, numerator: h, denominator: h, window: h, notes: h)],
                methods: [.init(h, h)],
                provenance: [.init(h, .text(h), detail: h)],
                notes: [h]
            )
        )
    }
}
