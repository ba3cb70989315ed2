/// Draws a `DistributionChart`: small histograms on one shared axis (or ECDF lines on one chart), median and
/// p90 marked, and what was left out counted under each panel.
enum DistributionSVG {
    static func render(
        _ chart: DistributionChart,
        width: Double,
        safety: TextSafety,
        palette: Palette,
        standalone: Bool = false
    ) -> String {
        switch chart.style {
        case .histogram(let bins):
            histogram(chart, bins: max(4, bins), width: width, safety: safety, palette: palette, standalone: standalone)
        case .ecdf: ecdf(chart, width: width, safety: safety, palette: palette, standalone: standalone)
        }
    }

    /// The axis end: the chart's own, or the largest 99th percentile of any series.
    static func axisMaximum(_ chart: DistributionChart) -> Double {
        if let maximum = chart.axisMaximum, maximum > 0 { return maximum }
        let p99s = chart.series.compactMap { series -> Double? in
            let sorted = series.values.filter(\.isFinite).sorted()
            guard !sorted.isEmpty else { return nil }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        }
        return max(p99s.max() ?? 1, 1e-9)
    }

    /// Axis ticks in a readable unit: durations in s, min, h or d; other formats as they are.
    struct Axis {
        let scale: NiceScale
        let divisor: Double
        let unitName: String?
        let format: ValueFormat

        init(maximum: Double, format: ValueFormat, maxTicks: Int) {
            self.format = format
            if format == .milliseconds {
                let units: [(Double, String)] = [(1_000, "seconds"), (60_000, "minutes"), (3_600_000, "hours")]
                let unit = units.first { maximum / $0.0 <= 120 } ?? (86_400_000, "days")
                divisor = unit.0
                unitName = unit.1
            } else {
                divisor = 1
                unitName = nil
            }
            scale = NiceScale(covering: 0, maximum / divisor, maxTicks: maxTicks)
        }

        func label(_ tick: Double) -> String {
            unitName == nil
                ? ValueText.display(tick, format: scale.tickFormat(format))
                : NumberText.groupedFixed(tick, places: NiceScale.decimals(for: scale.step))
        }

        func position(_ value: Double, from start: Double, to end: Double) -> Double {
            scale.position(min(value / divisor, scale.upper), from: start, to: end)
        }

        var upperValue: Double { scale.upper * divisor }
    }

    private static func histogram(
        _ chart: DistributionChart,
        bins: Int,
        width: Double,
        safety: TextSafety,
        palette: Palette,
        standalone: Bool
    ) -> String {
        var canvas = SVGCanvas(width: width, safety: safety)
        let narrow = canvas.isNarrow
        let axis = Axis(maximum: axisMaximum(chart), format: chart.format, maxTicks: narrow ? 5 : 8)
        let colors = palette.colors(for: chart.series.map(\.name))
        let overflowGap = 6.0
        let left = 0.0
        let binWidth = (width - left - overflowGap) / Double(bins + 1)
        let right = left + binWidth * Double(bins)
        let limit = axis.upperValue
        let counts: [(bins: [Int], overflow: Int, total: Int)] = chart.series.map { series in
            var counts = [Int](repeating: 0, count: bins)
            var overflow = 0
            var total = 0
            for value in series.values where value.isFinite {
                total += 1
                if value >= limit {
                    overflow += 1
                } else {
                    counts[max(0, min(bins - 1, Int(value / limit * Double(bins))))] += 1
                }
            }
            return (counts, overflow, total)
        }
        var y = 0.0
        let plotHeight = 64.0
        for (index, series) in chart.series.enumerated() {
            let color = colors[index]
            let c = counts[index]
            canvas.rect(x: 0, y: y + 3, width: 12, height: 12, fill: color, extra: "rx=\"2\"")
            canvas.text(series.name, x: 18, y: y + 13.5, className: "ch-t ch-l ch-b")
            let summary = summaryText(series, total: c.total, format: chart.format)
            if narrow {
                y += 18
                canvas.text(summary, x: 0, y: y + 13, className: "ch-t ch-s")
            } else {
                canvas.text(summary, x: width, y: y + 13.5, anchor: "end", className: "ch-t")
            }
            y += 22
            let plotTop = y + 14
            let base = plotTop + plotHeight
            // Each panel scales to its own tallest bar: shapes compare, heights across panels do not.
            let maxShare = max(1e-12, Double(max(c.bins.max() ?? 0, c.overflow)) / Double(max(1, c.total)))
            canvas.line(x1: left, y1: base, x2: width, y2: base, className: "ch-axis", behind: true)
            for (bin, count) in c.bins.enumerated() where count > 0 {
                let share = Double(count) / Double(max(1, c.total))
                let height = max(1, share / maxShare * plotHeight)
                canvas.rect(
                    x: left + Double(bin) * binWidth + 0.5,
                    y: base - height,
                    width: binWidth - 1,
                    height: height,
                    fill: color,
                    extra: "fill-opacity=\"0.85\""
                )
            }
            if c.overflow > 0 {
                let share = Double(c.overflow) / Double(max(1, c.total))
                let height = max(1, share / maxShare * plotHeight)
                canvas.rect(
                    x: right + overflowGap + 0.5,
                    y: base - height,
                    width: binWidth - 1,
                    height: height,
                    fill: color,
                    extra: "fill-opacity=\"0.45\""
                )
            }
            var labelRows: [Double] = []
            let markers = series.markers.filter(\.value.isFinite)
            for marker in markers {
                let x = axis.position(marker.value, from: left, to: right)
                canvas.line(x1: x, y1: plotTop - 12, x2: x, y2: base, className: "ch-mark")
            }
            for marker in markers {
                let x = axis.position(marker.value, from: left, to: right)
                let name = marker.name
                let textWidth = TextMetrics.width(name, size: 11)
                let flip = x + 3 + textWidth > width
                var row = plotTop - 4
                if labelRows.contains(where: { Swift.abs($0 - x) < textWidth + 8 }) { row += 12 }
                labelRows.append(x)
                canvas.text(
                    name,
                    x: flip ? x - 3 : x + 3,
                    y: row,
                    anchor: flip ? "end" : "start",
                    className: "ch-t ch-s ch-halo"
                )
            }
            y = base
            let excluded = series.excluded.filter { $0.count > 0 }
            if !excluded.isEmpty {
                let text =
                    "Not in the histogram: "
                    + excluded.map { "\(NumberText.grouped($0.count)) \($0.label)" }.joined(separator: ", ")
                canvas.text(text, x: 0, y: y + 14, className: "ch-t ch-s")
                y += 18
            }
            y += index == chart.series.count - 1 ? 0 : 14
        }
        let axisTop = y
        for tick in axis.scale.ticks {
            let x = axis.scale.position(tick, from: left, to: right)
            canvas.line(x1: x, y1: 0, x2: x, y2: axisTop, className: "ch-grid", behind: true)
            canvas.tickLabel(axis.label(tick), x: x, y: axisTop + 15)
        }
        if counts.contains(where: { $0.overflow > 0 }) {
            canvas.text(
                "≥",
                x: right + overflowGap + binWidth / 2,
                y: axisTop + 15,
                anchor: "middle",
                className: "ch-t ch-s"
            )
        }
        let unit = axis.unitName.map { " (\($0))" } ?? ""
        canvas.text(
            "\(chart.title)\(unit); last bar: at or above the axis end",
            x: 0,
            y: axisTop + 32,
            className: "ch-t ch-s"
        )
        return canvas.svg(height: axisTop + 38, label: label(chart), title: chart.title, standalone: standalone)
    }

    private static func ecdf(
        _ chart: DistributionChart,
        width: Double,
        safety: TextSafety,
        palette: Palette,
        standalone: Bool
    ) -> String {
        var canvas = SVGCanvas(width: width, safety: safety)
        let narrow = canvas.isNarrow
        let names = chart.series.map(\.name)
        let colors = palette.colors(for: names)
        var top = canvas.legend(names, colors: colors, y: 0) + 6
        canvas.text("Share at or below", x: 0, y: top + 10, className: "ch-t ch-s")
        top += 20
        let axis = Axis(maximum: axisMaximum(chart), format: chart.format, maxTicks: narrow ? 5 : 8)
        let left = 40.0
        let right = width - 8
        let bottom = top + (narrow ? 170 : 200)
        let yScale = NiceScale(covering: 0, 1, maxTicks: 5)
        for tick in yScale.ticks {
            let y = yScale.position(tick, from: bottom, to: top)
            canvas.line(x1: left, y1: y, x2: right, y2: y, className: "ch-grid", behind: true)
            canvas.text(
                ValueText.display(tick, format: .percent(places: 0)),
                x: left - 6,
                y: y + 4,
                anchor: "end",
                className: "ch-t ch-s"
            )
        }
        for guide in [0.5, 0.9] {
            let y = yScale.position(guide, from: bottom, to: top)
            canvas.line(x1: left, y1: y, x2: right, y2: y, className: "ch-mark", extra: "stroke-opacity=\"0.5\"")
            canvas.text(
                guide == 0.5 ? "median" : "p90",
                x: right,
                y: y - 3,
                anchor: "end",
                className: "ch-t ch-s ch-halo"
            )
        }
        for tick in axis.scale.ticks {
            let x = axis.scale.position(tick, from: left, to: right)
            canvas.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, className: "ch-axis", behind: true)
            canvas.tickLabel(axis.label(tick), x: x, y: bottom + 17)
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, className: "ch-axis", behind: true)
        let columns = Int((right - left) / 2)
        for (series, color) in zip(chart.series, colors) {
            let sorted = series.values.filter(\.isFinite).sorted()
            guard !sorted.isEmpty else { continue }
            var points: [String] = []
            for column in 0...columns {
                let value = axis.upperValue * Double(column) / Double(columns)
                let share = Double(upperBound(sorted, value)) / Double(sorted.count)
                let x = left + (right - left) * Double(column) / Double(columns)
                points.append(
                    "\(SVGCanvas.number(x)),\(SVGCanvas.number(yScale.position(share, from: bottom, to: top)))"
                )
            }
            canvas.raw(
                "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" "
                    + "stroke-width=\"2\"/>"
            )
        }
        let unit = axis.unitName.map { " (\($0))" } ?? ""
        canvas.text("\(chart.title)\(unit)", x: right, y: bottom + 34, anchor: "end", className: "ch-t ch-s")
        return canvas.svg(height: bottom + 40, label: label(chart), title: chart.title, standalone: standalone)
    }

    /// Number of sorted values at or below `value`.
    private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// "n 1,234 · median 12.5 min · p90 48.0 min".
    static func summaryText(_ series: DistributionChart.Series, total: Int, format: ValueFormat) -> String {
        (["n \(NumberText.grouped(Int64(total)))"]
            + series.markers.map { "\($0.name) \(ValueText.display($0.value, format: format))" })
            .joined(separator: " · ")
    }

    static func label(_ chart: DistributionChart) -> String {
        let parts = chart.series.map { series -> String in
            var text = "\(series.name): " + summaryText(series, total: series.values.count, format: chart.format)
            for excluded in series.excluded where excluded.count > 0 {
                text += ", plus \(NumberText.grouped(excluded.count)) \(excluded.label) not shown"
            }
            return text
        }
        return "\(chart.title). " + parts.joined(separator: "; ")
    }
}
