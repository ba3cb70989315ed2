/// Draws a `BarChart` as horizontal bars: labels at the left (above the bars when narrow), values at the bar ends.
enum BarChartSVG {
    static func render(
        _ chart: BarChart,
        width: Double,
        safety: TextSafety,
        palette: Palette,
        standalone: Bool = false
    ) -> String {
        var canvas = SVGCanvas(width: width, safety: safety)
        let names = chart.series.map(\.name)
        let colors = palette.colors(for: names)
        // One series over the variants (opt-out rate by variant): each bar takes its variant's colour.
        let barColors: [String]? =
            chart.series.count == 1 && palette.areAllVariants(chart.categories)
            ? palette.colors(for: chart.categories) : nil
        var y = 0.0
        if chart.series.count > 1 { y += canvas.legend(names, colors: colors, y: 0) + 4 }

        let values = chart.series.flatMap(\.values).filter(\.isFinite)
        let scale = NiceScale(covering: min(0, values.min() ?? 0), max(0, values.max() ?? 1), maxTicks: 5)
        let labels: [[String]] = chart.series.map { series in
            series.values.indices.map { index in
                series.labels?[index] ?? ValueText.display(series.values[index], format: chart.valueFormat)
            }
        }
        let valueTextWidth = (labels.flatMap { $0 }.map { TextMetrics.width($0, size: 12) }.max() ?? 0) + 8
        let narrow = canvas.isNarrow
        let labelWidth =
            narrow
            ? 0 : min(chart.categories.map { TextMetrics.width($0, size: 13) }.max() ?? 0, width * 0.32) + 10
        let plotStart = labelWidth
        let plotEnd = max(plotStart + 40, width - valueTextWidth)
        let barHeight = chart.series.count > 1 ? 13.0 : 18.0
        let groupGap = 12.0
        let plotTop = y
        for (categoryIndex, category) in chart.categories.enumerated() {
            let groupHeight = Double(chart.series.count) * (barHeight + 3) - 3
            if narrow {
                canvas.text(
                    TextMetrics.truncate(category, toWidth: width, size: 13),
                    x: 0,
                    y: y + 12,
                    className: "ch-t ch-l",
                    tooltip: category
                )
                y += 17
            } else {
                canvas.text(
                    TextMetrics.truncate(category, toWidth: labelWidth - 10, size: 13),
                    x: labelWidth - 10,
                    y: y + groupHeight / 2 + 4.5,
                    anchor: "end",
                    className: "ch-t ch-l",
                    tooltip: category
                )
            }
            for (seriesIndex, series) in chart.series.enumerated() {
                let value = series.values[categoryIndex]
                let zero = scale.position(0, from: plotStart, to: plotEnd)
                let end = scale.position(value.isFinite ? value : 0, from: plotStart, to: plotEnd)
                canvas.rect(
                    x: min(zero, end),
                    y: y,
                    width: max(value == 0 ? 0 : 1.5, Swift.abs(end - zero)),
                    height: barHeight,
                    fill: barColors?[categoryIndex] ?? colors[seriesIndex]
                )
                canvas.text(labels[seriesIndex][categoryIndex], x: max(zero, end) + 5, y: y + barHeight / 2 + 4)
                y += barHeight + 3
            }
            y += groupGap - 3
        }
        let plotBottom = y - groupGap + 6
        for tick in scale.ticks {
            let x = scale.position(tick, from: plotStart, to: plotEnd)
            canvas.line(
                x1: x,
                y1: plotTop - 2,
                x2: x,
                y2: plotBottom,
                className: tick == 0 ? "ch-axis" : "ch-grid",
                behind: true
            )
            canvas.tickLabel(
                ValueText.display(tick, format: scale.tickFormat(chart.valueFormat)),
                x: x,
                y: plotBottom + 14
            )
        }
        y = plotBottom + 32
        canvas.text(chart.valueLabel, x: plotStart, y: y - 2, className: "ch-t ch-s")
        return canvas.svg(height: y + 4, label: label(chart), title: chart.title, standalone: standalone)
    }

    static func label(_ chart: BarChart) -> String {
        var parts: [String] = []
        for series in chart.series {
            let values = zip(chart.categories, series.values).map { category, value in
                "\(category) \(ValueText.display(value, format: chart.valueFormat))"
            }
            parts.append((chart.series.count > 1 ? series.name + ": " : "") + values.joined(separator: ", "))
        }
        return "\(chart.title). \(chart.valueLabel). " + parts.joined(separator: "; ")
    }
}
