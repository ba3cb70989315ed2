import Foundation
import Testing

@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Standalone SVGs for notebooks open on their own, and the charts draw what the data says.
@Suite struct ChartTests {
    static let utilisation = LineChart(
        title: "Utilisation",
        xAxis: .time,
        xLabel: "Hour (UTC)",
        yLabel: "Busy ÷ staffed",
        yFormat: .percent(places: 0),
        yDomain: 0...1,
        series: [
            .init(
                name: "Agents",
                points: [
                    .init(x: 0, y: 0.5), .init(x: 3_600_000, y: 0.8), .init(x: 7_200_000, y: .nan),
                    .init(x: 10_800_000, y: 0.3), .init(x: 14_400_000, y: 0.4),
                ],
                filled: true
            )
        ]
    )

    static let failures = BarChart(
        title: "Failures",
        categories: ["30003", "30006"],
        series: [.init(name: "One-way", values: [7, 12]), .init(name: "Conversational", values: [8, 11])],
        valueFormat: .count,
        valueLabel: "Messages"
    )

    static func parses(_ svg: String) -> Bool { XMLParser(data: Data(svg.utf8)).parse() }

    @Test func standaloneSVGsRenderOnTheirOwn() {
        for svg in [SVGChart.line(Self.utilisation), SVGChart.bar(Self.failures)] {
            // 720 px of chart inside a 14 px margin, its title on top.
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"748\""))
            #expect(svg.contains("style=\"font-size:15px\" x=\"14\" y=\"29\">"))
            #expect(svg.contains("<style>"))
            #expect(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>"))
            #expect(!svg.contains("href"))
            #expect(Self.parses(svg))
        }
    }

    @Test func aMissingValueBreaksTheLine() {
        let svg = SVGChart.line(Self.utilisation)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<path").count - 1 == 2)
        #expect(svg.contains(">Jan 1</text>"))
        #expect(svg.contains(">100%</text>"))
    }

    @Test func barsAreProportionalAndLabelled() {
        let svg = SVGChart.bar(Self.failures, width: 720, variants: ["One-way", "Conversational"])
        #expect(svg.contains(">12</text>"))
        #expect(
            svg.contains(
                "aria-label=\"Failures. Messages. One-way: 30003 7, 30006 12; Conversational: 30003 8, 30006 11\""
            )
        )
        // Colours follow the variant order: the first variant's bars are the first palette colour.
        #expect(svg.contains("fill=\"\(Palette.series[0])\""))
        #expect(svg.contains("fill=\"\(Palette.series[1])\""))
    }

    @Test func forestMarksAClippedIntervalWithAnArrowAndNoPoint() {
        let plot = ForestPlot(
            title: "Lifts",
            axisLabel: "Relative change",
            rows: [
                .init(
                    group: "Reply rate",
                    label: "Conversational",
                    estimate: ChangeEstimate(4.6, low: 3.2, high: 6.6, format: .percent(places: 1)),
                    verdict: .better
                ),
                .init(
                    group: "AOV",
                    label: "Conversational",
                    estimate: ChangeEstimate(0.07, low: -0.03, high: 0.18, format: .percent(places: 1)),
                    verdict: .inconclusive
                ),
            ],
            axisDomain: -0.5...1
        )
        let svg = SVGChart.forest(plot)
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 1)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 1)
        #expect(svg.contains("+460.0% (+320.0% to +660.0%) Better"))
        #expect(Self.parses(svg))
    }

    @Test func histogramCountsWhatItLeavesOut() {
        let chart = DistributionChart(
            title: "Time to resolution",
            format: .milliseconds,
            style: .histogram(bins: 10),
            series: [
                .init(
                    name: "Agent",
                    values: [60_000, 120_000, 7_200_000],
                    markers: [.init("median", value: 120_000)],
                    excluded: [.init("abandoned hand-offs", count: 19)]
                )
            ],
            axisMaximum: 600_000
        )
        let svg = SVGChart.distribution(chart)
        #expect(svg.contains("Not in the histogram: 19 abandoned hand-offs"))
        #expect(svg.contains("n 3 · median 2.0 min"))
        #expect(svg.contains(">≥</text>"))
        #expect(Self.parses(svg))
    }

    @Test func niceScalesUseRoundSteps() {
        let scale = NiceScale(covering: -0.031, 0.177, maxTicks: 5)
        #expect(scale.step == 0.1)
        #expect(
            scale.ticks.map { NumberText.fixed($0, places: 6) } == ["-0.100000", "0.000000", "0.100000", "0.200000"]
        )
        #expect(scale.tickFormat(.percent(places: 1)) == .percent(places: 0))
        #expect(NiceScale(covering: 0, 1_234, maxTicks: 6).ticks == [0, 500, 1_000, 1_500])
        #expect(NiceScale(covering: 0, 0.012, maxTicks: 5).tickFormat(.percent(places: 1)) == .percent(places: 1))
    }
}
