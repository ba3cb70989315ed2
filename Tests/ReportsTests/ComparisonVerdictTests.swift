import Testing

@testable import Reports

/// A result is called only past the threshold, in the metric's own direction, after correction when there is one.
@Suite struct ComparisonVerdictTests {
    static func row(_ point: Double, p: Double?, adjusted: Double? = nil, enough: Bool = true) -> VariantComparison {
        VariantComparison(
            variant: "B",
            value: .rate(1, of: 10),
            absoluteChange: ChangeEstimate(
                point,
                low: point - 0.01,
                high: point + 0.01,
                format: .percentagePoints(places: 1)
            ),
            pValue: p,
            adjustedPValue: adjusted,
            test: "z",
            enoughData: enough
        )
    }

    @Test func callsFollowDirectionAndThreshold() {
        #expect(Self.row(0.02, p: 0.01).verdict(alpha: 0.05, higherIsBetter: true) == .better)
        #expect(Self.row(0.02, p: 0.01).verdict(alpha: 0.05, higherIsBetter: false) == .worse)
        #expect(Self.row(-0.02, p: 0.01).verdict(alpha: 0.05, higherIsBetter: false) == .better)
        #expect(Self.row(0.02, p: 0.06).verdict(alpha: 0.05, higherIsBetter: true) == .inconclusive)
        #expect(Self.row(0.02, p: 0.01, adjusted: 0.07).verdict(alpha: 0.05, higherIsBetter: true) == .inconclusive)
        #expect(Self.row(0.02, p: nil).verdict(alpha: 0.05, higherIsBetter: true) == .notTested)
        #expect(Self.row(0.02, p: 0.001, enough: false).verdict(alpha: 0.05, higherIsBetter: true) == .tooFewData)
    }

    @Test func theTableColoursOnlyCalledRowsAndAlwaysSaysWhy() {
        let table = ComparisonTable(
            title: "Results",
            baselineName: "A",
            metrics: [
                MetricComparison(name: "Reply rate", baseline: .rate(10, of: 100), variants: [Self.row(0.05, p: 0.2)]),
                MetricComparison(
                    name: "Opt-out rate",
                    higherIsBetter: false,
                    baseline: .rate(1, of: 100),
                    variants: [Self.row(0.03, p: 0.001)]
                ),
            ]
        )
        let html = HTMLReport.render(
            ReportDocument(title: "t", sections: [ReportSection("s", blocks: [.comparison(table)])])
        )
        #expect(html.contains("<span class=\"state call-inconclusive\">Inconclusive</span>"))
        #expect(html.contains("<span class=\"state call-worse\">Worse</span>"))
        // The worse row's change is emphasised; neither row has a relative interval to draw, and says so.
        #expect(html.components(separatedBy: "class=\"down\"").count - 1 == 1)
        #expect(html.components(separatedBy: "no interval").count - 1 == 2)
        #expect(!html.contains("class=\"up\""))
        #expect(html.contains("10.0%<span class=\"nd\">10 / 100</span>"))
        #expect(html.contains("Better or Worse only when p &lt; 0.050"))
    }
}
