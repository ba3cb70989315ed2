/// Funnels, distributions, line and bar charts: an inline SVG each, wide and narrow.
extension HTMLWriter {
    mutating func funnel(_ funnel: Funnel, csv: String?) {
        raw("<figure class=\"block\">\n")
        raw("<figcaption>")
        blockHead(funnel.title, csv: csv)
        raw("</figcaption>\n<div class=\"funnels\">\n")
        let colors = palette.colors(for: funnel.series.map(\.name))
        for (series, color) in zip(funnel.series, colors) {
            raw("<div>")
            raw(FunnelSVG.render(funnel, series: series, color: color, width: Self.funnelWidth, safety: safety))
            raw("</div>\n")
        }
        raw("</div>\n")
        note(funnel.note)
        raw("</figure>\n")
    }

    mutating func distribution(_ chart: DistributionChart, csv: String?) {
        raw("<figure class=\"block\">\n<figcaption>")
        blockHead(chart.title, csv: csv)
        raw("</figcaption>\n")
        let (safety, palette) = (self.safety, self.palette)
        responsiveChart { width in DistributionSVG.render(chart, width: width, safety: safety, palette: palette) }
        let markerNames = DistributionSummary.markerNames(chart)
        raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(text(chart.title)) summary\">")
        raw(
            "<table class=\"data reflow\"><thead><tr><th scope=\"col\">Variant</th>"
                + "<th scope=\"col\" class=\"num\">n</th>"
        )
        for name in markerNames { raw("<th scope=\"col\" class=\"num\">\(text(name))</th>") }
        raw("<th scope=\"col\" class=\"num\">mean</th><th scope=\"col\">Counted apart</th></tr></thead><tbody>")
        for series in chart.series {
            raw("<tr><th scope=\"row\">\(text(series.name))</th>")
            raw(cell("n", NumberText.grouped(Int64(series.values.filter(\.isFinite).count)), className: "num"))
            for name in markerNames {
                var content = ValueText.dash
                if let marker = series.markers.first(where: { $0.name == name }) {
                    content = text(ValueText.display(marker.value, format: chart.format))
                    if let interval = marker.interval {
                        let range = ValueText.interval(interval.lowerBound, interval.upperBound, format: chart.format)
                        content += "<span class=\"nd\">\(text(range))</span>"
                    }
                }
                raw(cell(name, content, className: "num"))
            }
            let mean = series.mean.map { text(ValueText.display($0, format: chart.format)) } ?? ValueText.dash
            raw(cell("mean", mean, className: "num"))
            let excluded = series.excluded.map { "\(NumberText.grouped($0.count)) \($0.label)" }
            raw(cell("Counted apart", excluded.isEmpty ? "none" : text(excluded.joined(separator: ", "))) + "</tr>")
        }
        raw("</tbody></table></div>\n")
        if let method = chart.intervalMethod { raw("<p class=\"note\">Intervals: \(text(method)).</p>\n") }
        note(chart.note)
        raw("</figure>\n")
    }

    mutating func line(_ chart: LineChart, csv: String?) {
        raw("<figure class=\"block\">\n<figcaption>")
        blockHead(chart.title, csv: csv)
        raw("</figcaption>\n")
        let (safety, palette) = (self.safety, self.palette)
        responsiveChart { width in LineChartSVG.render(chart, width: width, safety: safety, palette: palette) }
        note(chart.note)
        raw("</figure>\n")
    }

    mutating func bars(_ chart: BarChart, csv: String?) {
        raw("<figure class=\"block\">\n<figcaption>")
        blockHead(chart.title, csv: csv)
        raw("</figcaption>\n")
        let (safety, palette) = (self.safety, self.palette)
        responsiveChart { width in BarChartSVG.render(chart, width: width, safety: safety, palette: palette) }
        note(chart.note)
        raw("</figure>\n")
    }
}

/// Shared by the HTML summary table and the CSV twin of a distribution.
enum DistributionSummary {
    /// Marker names in first-seen order across series ("median", "p90").
    static func markerNames(_ chart: DistributionChart) -> [String] {
        var names: [String] = []
        for series in chart.series {
            for marker in series.markers where !names.contains(marker.name) { names.append(marker.name) }
        }
        return names
    }
}
