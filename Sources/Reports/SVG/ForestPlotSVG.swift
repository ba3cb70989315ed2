/// Draws a `ForestPlot`: one interval per row on a shared axis with a dashed zero line, rows grouped by metric,
/// the estimate and the verdict printed as words beside every interval.
enum ForestPlotSVG {
    static func render(_ plot: ForestPlot, width: Double, safety: TextSafety, standalone: Bool = false) -> String {
        var canvas = SVGCanvas(width: width, safety: safety)
        let narrow = canvas.isNarrow
        let format = plot.rows.first?.estimate.format ?? .percent(places: 1)
        let scale = axisScale(plot, maxTicks: narrow ? 5 : 7)
        let texts = plot.rows.map(Self.estimateText)
        let labelWidth =
            narrow ? 0 : min(plot.rows.map { TextMetrics.width($0.label, size: 12) + 16 }.max() ?? 0, width * 0.24)
        let textWidth = narrow ? 0 : (texts.map { TextMetrics.width($0, size: 12) }.max() ?? 0) + 14
        // Inset by half a tick label so the end labels stay inside the picture.
        let inset = narrow ? 16.0 : 6.0
        let plotStart = labelWidth + inset
        let plotEnd = width - textWidth - inset
        var y = 4.0
        var lastGroup: String?
        var rowTops: [Double] = []
        for (row, text) in zip(plot.rows, texts) {
            if row.group != lastGroup {
                y += lastGroup == nil ? 0 : 8
                canvas.text(row.group, x: 0, y: y + 13, className: "ch-t ch-l ch-b")
                y += 20
                lastGroup = row.group
            }
            rowTops.append(y)
            let color = Palette.verdictColor(row.verdict)
            if narrow {
                canvas.text(row.label, x: 8, y: y + 12, className: "ch-t")
                canvas.text(
                    row.verdict.label,
                    x: width,
                    y: y + 12,
                    anchor: "end",
                    className: "ch-t ch-b",
                    fill: textColor(row.verdict)
                )
                canvas.text(
                    estimateOnly(row),
                    x: 8,
                    y: y + 28,
                    className: "ch-t ch-s ch-halo",
                    fill: textColor(row.verdict)
                )
                y += 32
            } else {
                canvas.text(
                    TextMetrics.truncate(row.label, toWidth: labelWidth - 12, size: 12),
                    x: 10,
                    y: y + 14,
                    tooltip: row.label
                )
                canvas.text(text, x: width, y: y + 14, anchor: "end", className: "ch-t", fill: textColor(row.verdict))
            }
            let middle = y + 10
            let low = scale.position(clamp(row.estimate.low, scale), from: plotStart, to: plotEnd)
            let high = scale.position(clamp(row.estimate.high, scale), from: plotStart, to: plotEnd)
            let point = scale.position(clamp(row.estimate.point, scale), from: plotStart, to: plotEnd)
            let pointInside = row.estimate.point >= scale.lower && row.estimate.point <= scale.upper
            canvas.raw(
                "<line x1=\"\(SVGCanvas.number(low))\" y1=\"\(SVGCanvas.number(middle))\" "
                    + "x2=\"\(SVGCanvas.number(high))\" y2=\"\(SVGCanvas.number(middle))\" stroke=\"\(color)\" "
                    + "stroke-width=\"3\" stroke-linecap=\"round\"/>"
            )
            if row.estimate.high > scale.upper {
                canvas.raw(arrow(at: high, y: middle, pointing: 1, color: color))
            }
            if row.estimate.low < scale.lower {
                canvas.raw(arrow(at: low, y: middle, pointing: -1, color: color))
            }
            if pointInside {
                canvas.raw(
                    "<circle cx=\"\(SVGCanvas.number(point))\" cy=\"\(SVGCanvas.number(middle))\" r=\"5\" "
                        + "fill=\"\(color)\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>"
                )
            }
            y += 22
        }
        let bottom = y + 2
        for tick in scale.ticks {
            let x = scale.position(tick, from: plotStart, to: plotEnd)
            canvas.line(
                x1: x,
                y1: 0,
                x2: x,
                y2: bottom,
                className: tick == 0 ? "ch-zero" : "ch-grid",
                behind: true
            )
            canvas.tickLabel(
                ValueText.display(tick, format: scale.tickFormat(format), signed: true),
                x: x,
                y: bottom + 14
            )
        }
        for top in rowTops where !narrow {
            canvas.line(
                x1: 0,
                y1: top - 1,
                x2: width,
                y2: top - 1,
                className: "ch-grid",
                extra: "stroke-opacity=\"0.5\"",
                behind: true
            )
        }
        canvas.text(
            plot.axisLabel,
            x: (plotStart + plotEnd) / 2,
            y: bottom + 32,
            anchor: "middle",
            className: "ch-t ch-s"
        )
        return canvas.svg(height: bottom + 38, label: label(plot), title: plot.title, standalone: standalone)
    }

    static func axisScale(_ plot: ForestPlot, maxTicks: Int) -> NiceScale {
        if let domain = plot.axisDomain {
            return NiceScale(covering: domain.lowerBound, domain.upperBound, maxTicks: maxTicks)
        }
        let lows = plot.rows.map(\.estimate.low).filter(\.isFinite)
        let highs = plot.rows.map(\.estimate.high).filter(\.isFinite)
        return NiceScale(covering: min(0, lows.min() ?? 0), max(0, highs.max() ?? 0), maxTicks: maxTicks)
    }

    /// "+12.3% (+4.1% to +20.5%) Better".
    static func estimateText(_ row: ForestPlot.Row) -> String {
        "\(estimateOnly(row)) \(row.verdict.label)"
    }

    /// "+12.3% (+4.1% to +20.5%)".
    static func estimateOnly(_ row: ForestPlot.Row) -> String {
        let e = row.estimate
        return "\(ValueText.display(e.point, format: e.format, signed: true)) "
            + "(\(ValueText.interval(e.low, e.high, format: e.format, signed: true)))"
    }

    static func label(_ plot: ForestPlot) -> String {
        "\(plot.title). \(plot.axisLabel). "
            + plot.rows.map { "\($0.group), \($0.label): \(estimateText($0))" }.joined(separator: "; ")
    }

    /// Dark enough for text on white (WCAG AA) in the verdict's hue.
    static func textColor(_ verdict: ComparisonVerdict) -> String {
        switch verdict {
        case .better: "#00704F"
        case .worse: "#A63F00"
        default: Palette.muted
        }
    }

    /// A small arrowhead at a clipped interval end; `pointing` is +1 (right) or −1 (left).
    private static func arrow(at x: Double, y: Double, pointing: Double, color: String) -> String {
        let tip = x + 4 * pointing
        let back = x - 4 * pointing
        return "<polygon points=\"\(SVGCanvas.number(tip)),\(SVGCanvas.number(y)) \(SVGCanvas.number(back)),"
            + "\(SVGCanvas.number(y - 5)) \(SVGCanvas.number(back)),\(SVGCanvas.number(y + 5))\" fill=\"\(color)\"/>"
    }

    private static func clamp(_ value: Double, _ scale: NiceScale) -> Double {
        min(max(value, scale.lower), scale.upper)
    }
}
