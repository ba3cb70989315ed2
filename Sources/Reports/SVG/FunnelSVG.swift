/// Draws one variant's funnel: a bar per step, its length the share of the first step, with the count, the share
/// of the first step and the share of the step before printed beside it.
enum FunnelSVG {
    static func render(
        _ funnel: Funnel,
        series: Funnel.Series,
        color: String,
        width: Double,
        safety: TextSafety,
        standalone: Bool = false
    ) -> String {
        var canvas = SVGCanvas(width: width, safety: safety)
        canvas.rect(x: 0, y: 2, width: 12, height: 12, fill: color, extra: "rx=\"2\"")
        canvas.text(series.name, x: 18, y: 13, className: "ch-t ch-l ch-b")
        var y = 26.0
        let top = series.counts.first ?? 0
        for (index, step) in funnel.steps.enumerated() {
            let count = series.counts[index]
            let shareOfTop = top > 0 ? Double(count) / Double(top) : 0
            canvas.text(step, x: 0, y: y + 12, className: "ch-t ch-l")
            canvas.text(NumberText.grouped(count), x: width, y: y + 12, anchor: "end", className: "ch-t ch-l ch-b")
            y += 17
            canvas.rect(x: 0, y: y, width: width, height: 14, fill: "#F3F4F6")
            canvas.rect(x: 0, y: y, width: max(count > 0 ? 1.5 : 0, width * shareOfTop), height: 14, fill: color)
            y += 14
            var detail =
                "\(ValueText.display(shareOfTop, format: .percent(places: 1))) of \(funnel.steps[0].lowercased())"
            if index > 0 {
                let previous = series.counts[index - 1]
                let shareOfPrevious = previous > 0 ? Double(count) / Double(previous) : Double.nan
                detail += " · \(ValueText.display(shareOfPrevious, format: .percent(places: 1))) of previous step"
            }
            canvas.text(detail, x: 0, y: y + 13, className: "ch-t ch-s")
            y += 26
        }
        return canvas.svg(
            height: y - 4,
            label: label(funnel, series: series),
            title: funnel.title,
            standalone: standalone
        )
    }

    static func label(_ funnel: Funnel, series: Funnel.Series) -> String {
        let steps = zip(funnel.steps, series.counts).map { "\($0) \(NumberText.grouped($1))" }
        return "\(funnel.title), \(series.name): " + steps.joined(separator: ", ")
    }
}
