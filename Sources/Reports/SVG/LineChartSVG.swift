/// Draws a `LineChart`: one line (optionally filled) per series over time or a number, legend on top, y label above
/// the axis so it reads horizontally.
enum LineChartSVG {
    static func render(
        _ chart: LineChart,
        width: Double,
        safety: TextSafety,
        palette: Palette,
        standalone: Bool = false
    ) -> String {
        var canvas = SVGCanvas(width: width, safety: safety)
        let names = chart.series.map(\.name)
        let colors = palette.colors(for: names)
        var top = 0.0
        if chart.series.count > 1 { top += canvas.legend(names, colors: colors, y: 0) + 2 }
        canvas.text(chart.yLabel, x: 0, y: top + 12, className: "ch-t ch-s")
        top += 24

        let points = chart.series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let yLow = chart.yDomain?.lowerBound ?? min(0, points.map(\.y).min() ?? 0)
        let yHigh = chart.yDomain?.upperBound ?? (points.map(\.y).max() ?? 1)
        let plotHeight = canvas.isNarrow ? 170.0 : 210.0
        let yScale = NiceScale(covering: yLow, yHigh, maxTicks: canvas.isNarrow ? 4 : 6)
        let yLabels = yScale.ticks.map { ValueText.display($0, format: yScale.tickFormat(chart.yFormat)) }
        let left = (yLabels.map { TextMetrics.width($0, size: 11) }.max() ?? 20) + 8
        let right = width - 10
        let bottom = top + plotHeight
        let xLow = points.map(\.x).min() ?? 0
        let xHigh = points.map(\.x).max() ?? 1
        let maxXTicks = Int((right - left) / (canvas.isNarrow ? 64 : 84))
        let xTicks: [(value: Double, label: String)]
        let xPosition: (Double) -> Double
        switch chart.xAxis {
        case .time:
            xTicks = TimeTicks.ticks(xLow, xHigh, maxTicks: maxXTicks)
            xPosition = { xHigh > xLow ? left + ($0 - xLow) / (xHigh - xLow) * (right - left) : left }
        case .number(let format):
            let scale = NiceScale(covering: xLow, xHigh, maxTicks: maxXTicks)
            xTicks = scale.ticks.map { ($0, ValueText.display($0, format: scale.tickFormat(format))) }
            xPosition = { scale.position($0, from: left, to: right) }
        }
        for (tick, label) in zip(yScale.ticks, yLabels) {
            let y = yScale.position(tick, from: bottom, to: top)
            canvas.line(x1: left, y1: y, x2: right, y2: y, className: tick == 0 ? "ch-axis" : "ch-grid", behind: true)
            canvas.text(label, x: left - 6, y: y + 4, anchor: "end", className: "ch-t ch-s")
        }
        for tick in xTicks {
            let x = xPosition(tick.value)
            canvas.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, className: "ch-axis", behind: true)
            canvas.tickLabel(tick.label, x: x, y: bottom + 17)
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, className: "ch-axis", behind: true)
        for (series, color) in zip(chart.series, colors) {
            // A missing (non-finite) y breaks the line, e.g. hours when no agent is on shift.
            var runs: [[(Double, Double)]] = [[]]
            for point in series.points where point.x.isFinite {
                guard point.y.isFinite else {
                    if !(runs.last?.isEmpty ?? true) { runs.append([]) }
                    continue
                }
                let y = yScale.position(min(max(point.y, yScale.lower), yScale.upper), from: bottom, to: top)
                runs[runs.count - 1].append((xPosition(point.x), y))
            }
            for run in runs {
                guard let first = run.first, let last = run.last else { continue }
                let path = run.map { "\(SVGCanvas.number($0.0)),\(SVGCanvas.number($0.1))" }.joined(separator: " ")
                if series.filled {
                    let base = yScale.position(max(0, yScale.lower), from: bottom, to: top)
                    canvas.raw(
                        "<path d=\"M\(SVGCanvas.number(first.0)),\(SVGCanvas.number(base)) L\(path) "
                            + "L\(SVGCanvas.number(last.0)),\(SVGCanvas.number(base)) Z\" fill=\"\(color)\" "
                            + "fill-opacity=\"0.16\" stroke=\"none\"/>"
                    )
                }
                if run.count == 1 {
                    canvas.raw(
                        "<circle cx=\"\(SVGCanvas.number(first.0))\" cy=\"\(SVGCanvas.number(first.1))\" r=\"2.5\" "
                            + "fill=\"\(color)\"/>"
                    )
                } else {
                    canvas.raw(
                        "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" "
                            + "stroke-linejoin=\"round\"/>"
                    )
                }
            }
        }
        canvas.text(chart.xLabel, x: right, y: bottom + 34, anchor: "end", className: "ch-t ch-s")
        return canvas.svg(height: bottom + 40, label: label(chart), title: chart.title, standalone: standalone)
    }

    static func label(_ chart: LineChart) -> String {
        let summaries = chart.series.map { series in
            let ys = series.points.map(\.y).filter(\.isFinite)
            guard let low = ys.min(), let high = ys.max() else { return "\(series.name): no data" }
            return "\(series.name) from \(ValueText.display(low, format: chart.yFormat)) to "
                + "\(ValueText.display(high, format: chart.yFormat)) over \(series.points.count) points"
        }
        return "\(chart.title). \(chart.yLabel) by \(chart.xLabel). " + summaries.joined(separator: "; ")
    }
}
