/// The results table and the forest plot.
extension HTMLWriter {
    mutating func comparison(_ table: ComparisonTable, csv: String?) {
        raw("<div class=\"block comparison\">\n")
        blockHead(table.title, csv: csv)
        let level = NumberText.fixed(table.confidenceLevel * 100, places: 0)
        let kind = table.chartedChange == .relative ? "Relative change" : "Change"
        let estimates = table.metrics.flatMap { metric in
            metric.variants.compactMap { table.chartedChange == .relative ? $0.relativeChange : $0.absoluteChange }
        }
        let scale =
            table.axisDomain.map { NiceScale(covering: $0.lowerBound, $0.upperBound, maxTicks: 5) }
            ?? NiceScale(
                covering: min(0, estimates.map(\.low).filter(\.isFinite).min() ?? 0),
                max(0, estimates.map(\.high).filter(\.isFinite).max() ?? 0),
                maxTicks: 5
            )
        let axisFormat = scale.tickFormat(estimates.first?.format ?? .percent(places: 1))
        let baseline = text(table.baselineName)
        let ciLabel = "\(kind), \(level)% CI"
        // One variant throughout: its name goes in the header and the variant column is left out.
        let variantNames = table.metrics.flatMap { $0.variants.map(\.variant) }
        let soleVariant = variantNames.allSatisfy { $0 == variantNames.first } ? variantNames.first : nil
        raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(text(table.title))\">\n")
        raw("<table class=\"cmp\">\n<caption class=\"sr-only\">\(text(table.title)): each variant against ")
        raw("\(baseline)</caption>\n<thead><tr><th scope=\"col\">Metric</th>")
        if soleVariant == nil { raw("<th scope=\"col\">Variant</th>") }
        raw("<th scope=\"col\" class=\"num\">Baseline<span class=\"sub\">\(baseline)</span></th>")
        raw("<th scope=\"col\" class=\"num\">Variant<span class=\"sub\">\(soleVariant.map(text) ?? "")</span></th>")
        raw("<th scope=\"col\" class=\"num\">Change</th>")
        let axis = axisLabels(scale, format: axisFormat)
        raw(
            "<th scope=\"col\" class=\"ci-col\">\(ciLabel)"
                + "<div class=\"ci-axis\" aria-hidden=\"true\">\(axis)</div></th>"
        )
        raw("<th scope=\"col\" class=\"num\">p-value</th><th scope=\"col\">Call</th></tr></thead>\n")
        for metric in table.metrics {
            raw("<tbody class=\"metric\">\n")
            for (index, variant) in metric.variants.enumerated() {
                raw("<tr>")
                if index == 0 {
                    raw("<th scope=\"rowgroup\" class=\"metric-name\" rowspan=\"\(metric.variants.count)\">")
                    raw(text(metric.name))
                    if metric.isGuardrail { raw("<span class=\"tag\">guardrail</span>") }
                    if !metric.higherIsBetter { raw("<span class=\"tag\">lower is better</span>") }
                    if let definition = metric.definition { raw("<span class=\"def\">\(text(definition))</span>") }
                    raw("</th>")
                }
                let verdict = variant.verdict(alpha: table.alpha, higherIsBetter: metric.higherIsBetter)
                let charted = table.chartedChange == .relative ? variant.relativeChange : variant.absoluteChange
                if soleVariant == nil { raw(cell("Variant", text(variant.variant))) }
                raw(cell("Baseline (\(table.baselineName))", measured(metric.baseline), className: "num"))
                raw(cell(soleVariant ?? "Variant", measured(variant.value), className: "num"))
                raw(cell("Change", change(variant, verdict: verdict), className: "num"))
                // The header's axis is hidden when the table reflows on a phone, so each card carries its own.
                let inlineAxis = "<div class=\"ci-axis inline\" aria-hidden=\"true\">\(axis)</div>"
                let bar = intervalBar(charted, scale: scale, verdict: verdict, level: level)
                raw(cell(ciLabel, inlineAxis + bar, className: "ci-col"))
                raw(cell("p-value", pValues(variant, correction: table.correction), className: "num"))
                raw(cell("Call", "<span class=\"state call-\(verdict.rawValue)\">\(verdict.label)</span>"))
                raw("</tr>\n")
            }
            raw("</tbody>\n")
        }
        raw("</table>\n</div>\n")
        var legend = "Better or Worse only when p < \(NumberText.fixed(table.alpha, places: 3))"
        if let correction = table.correction { legend += " after \(correction)" }
        legend +=
            "; bars show the \(level)% interval of the \(kind.lowercased()) on one axis, the dashed line is no change."
        raw("<p class=\"note\">\(text(legend))</p>\n")
        note(table.note)
        raw("</div>\n")
    }

    /// Tick labels placed by percentage, so they line up with the bars below at any column width.
    private func axisLabels(_ scale: NiceScale, format: ValueFormat) -> String {
        var labels = ""
        for (index, tick) in scale.ticks.enumerated() {
            let left = scale.position(tick, from: 0, to: 100)
            // Odd ticks other than zero are "minor": the narrow per-card axis leaves them out to avoid crowding.
            let minor = index % 2 == 1 && tick != 0 && index != scale.ticks.count - 1
            let edge =
                index == 0
                ? " class=\"first\""
                : index == scale.ticks.count - 1 ? " class=\"last\"" : minor ? " class=\"minor\"" : ""
            labels += "<span\(edge) style=\"left:\(SVGCanvas.number(left))%\">"
            labels += "\(text(ValueText.display(tick, format: format, signed: true)))</span>"
        }
        return labels
    }

    /// A value with its numerator and denominator (and interval) beneath.
    func measured(_ value: MeasuredValue) -> String {
        var cell = safety.html(value.value)
        if let numerator = value.numerator, let denominator = value.denominator {
            cell += "<span class=\"nd\">\(safety.html(numerator)) / \(safety.html(denominator))</span>"
        } else if let numerator = value.numerator {
            cell += "<span class=\"nd\">\(safety.html(numerator))</span>"
        }
        if let interval = value.interval, let format = value.intervalFormat {
            cell +=
                "<span class=\"nd\">"
                + text(ValueText.interval(interval.lowerBound, interval.upperBound, format: format)) + "</span>"
        }
        return cell
    }

    private func change(_ variant: VariantComparison, verdict: ComparisonVerdict) -> String {
        let emphasis = verdict == .better ? " class=\"up\"" : verdict == .worse ? " class=\"down\"" : ""
        var cell = ""
        if let absolute = variant.absoluteChange {
            cell +=
                "<span\(emphasis)>"
                + text(ValueText.display(absolute.point, format: absolute.format, signed: true)) + "</span>"
            let interval = ValueText.interval(absolute.low, absolute.high, format: absolute.format, signed: true)
            cell += "<span class=\"nd ivl\">\(text(interval))</span>"
        } else if let relative = variant.relativeChange {
            cell +=
                "<span\(emphasis)>"
                + text(ValueText.display(relative.point, format: relative.format, signed: true)) + "</span>"
        } else {
            cell += ValueText.dash
        }
        return cell
    }

    private func pValues(_ variant: VariantComparison, correction: String?) -> String {
        var cell = variant.pValue.map { text(ValueText.pValue($0)) } ?? ValueText.dash
        if let adjusted = variant.adjustedPValue {
            let name = correction.map { text($0.split(separator: " ").first.map(String.init) ?? $0) } ?? "adjusted"
            cell += "<span class=\"nd\">\(name): \(text(ValueText.pValue(adjusted)))</span>"
        }
        cell += "<span class=\"test\">\(text(variant.test))</span>"
        return cell
    }

    /// The interval as a bar on the table's shared axis: grid at the ticks, dashed zero, a mark at the estimate.
    private func intervalBar(
        _ estimate: ChangeEstimate?,
        scale: NiceScale,
        verdict: ComparisonVerdict,
        level: String
    )
        -> String
    {
        guard let estimate, estimate.low.isFinite, estimate.high.isFinite else {
            return "<span class=\"ci-text\">\(ValueText.dash) no interval</span>"
        }
        func x(_ value: Double) -> String {
            SVGCanvas.number(scale.position(min(max(value, scale.lower), scale.upper), from: 0, to: 1_000))
        }
        let color =
            switch verdict {
            case .better: Palette.better
            case .worse: Palette.worse
            default: "#9CA3AF"
            }
        let description =
            "\(ValueText.display(estimate.point, format: estimate.format, signed: true)), \(level)% CI "
            + ValueText.interval(estimate.low, estimate.high, format: estimate.format, signed: true)
        var svg = "<svg class=\"ci\" viewBox=\"0 0 1000 22\" preserveAspectRatio=\"none\" role=\"img\" "
        svg += "aria-label=\"\(text(description))\">"
        for tick in scale.ticks where tick != 0 {
            svg += "<line x1=\"\(x(tick))\" y1=\"0\" x2=\"\(x(tick))\" y2=\"22\" stroke=\"#E5E7EB\" "
            svg += "vector-effect=\"non-scaling-stroke\"/>"
        }
        let low = x(estimate.low)
        let width = SVGCanvas.number(
            max(
                3,
                scale.position(min(estimate.high, scale.upper), from: 0, to: 1_000)
                    - scale.position(max(estimate.low, scale.lower), from: 0, to: 1_000)
            )
        )
        svg += "<rect x=\"\(low)\" y=\"6\" width=\"\(width)\" height=\"10\" fill=\"\(color)\"/>"
        // An interval running past the axis ends in an arrow, so a clipped bar is never read as the whole interval.
        if estimate.high > scale.upper {
            svg += "<polygon points=\"1000,11 968,0 968,22\" fill=\"\(color)\"/>"
        }
        if estimate.low < scale.lower {
            svg += "<polygon points=\"0,11 32,0 32,22\" fill=\"\(color)\"/>"
        }
        svg += "<line x1=\"\(x(0))\" y1=\"0\" x2=\"\(x(0))\" y2=\"22\" stroke=\"#111827\" stroke-width=\"1.2\" "
        svg += "stroke-dasharray=\"3 2\" vector-effect=\"non-scaling-stroke\"/>"
        svg += "<line x1=\"\(x(estimate.point))\" y1=\"2\" x2=\"\(x(estimate.point))\" y2=\"20\" stroke=\"#111827\" "
        svg += "stroke-width=\"3\" vector-effect=\"non-scaling-stroke\"/></svg>"
        let emphasis = verdict == .better ? " up" : verdict == .worse ? " down" : ""
        svg += "<span class=\"ci-text\"><span class=\"\(emphasis.isEmpty ? "" : String(emphasis.dropFirst()))\">"
        svg += "\(text(ValueText.display(estimate.point, format: estimate.format, signed: true)))</span> "
        svg +=
            "(\(text(ValueText.interval(estimate.low, estimate.high, format: estimate.format, signed: true))))</span>"
        return svg
    }

    mutating func forest(_ plot: ForestPlot) {
        raw("<figure class=\"block\">\n<figcaption class=\"block-head\"><h3>\(text(plot.title))</h3></figcaption>\n")
        let safety = self.safety
        responsiveChart { width in ForestPlotSVG.render(plot, width: width, safety: safety) }
        note(plot.note)
        raw("</figure>\n")
    }
}
