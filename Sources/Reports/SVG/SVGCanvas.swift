/// Builds one SVG element as text: numbers printed deterministically, every label masked and escaped.
struct SVGCanvas {
    let width: Double
    let safety: TextSafety
    private(set) var body = ""
    /// Drawn before `body` whatever the call order: gridlines and axes sit under the data.
    private(set) var background = ""

    init(width: Double, safety: TextSafety) {
        self.width = width
        self.safety = safety
    }

    /// Chart text never goes wider than this many pixels before it is narrow-laid-out.
    var isNarrow: Bool { width < 520 }

    /// A coordinate with at most one decimal, "12" not "12.0".
    static func number(_ value: Double) -> String {
        let text = NumberText.fixed(value, places: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    mutating func raw(_ markup: String) { body += markup }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
        body += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\""
        body += " height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>"
    }

    mutating func line(
        x1: Double,
        y1: Double,
        x2: Double,
        y2: Double,
        className: String,
        extra: String = "",
        behind: Bool = false
    ) {
        var markup = "<line class=\"\(className)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\""
        markup += " x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"\(extra.isEmpty ? "" : " " + extra)/>"
        if behind { background += markup } else { body += markup }
    }

    /// A text label; `text` is model text (masked and escaped here).
    mutating func text(
        _ text: String,
        x: Double,
        y: Double,
        anchor: String = "start",
        className: String = "ch-t",
        fill: String? = nil,
        tooltip: String? = nil
    ) {
        body += "<text class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\""
        if anchor != "start" { body += " text-anchor=\"\(anchor)\"" }
        if let fill { body += " fill=\"\(fill)\"" }
        body += ">"
        if let tooltip { body += "<title>\(safety.html(tooltip))</title>" }
        body += safety.html(text) + "</text>"
    }

    /// A centred axis label moved inside the canvas when it would poke out at either edge.
    mutating func tickLabel(_ label: String, x: Double, y: Double, size: Double = 11) {
        let half = TextMetrics.width(label, size: size) / 2
        if x - half < 0 {
            text(label, x: 0, y: y, className: "ch-t ch-s")
        } else if x + half > width {
            text(label, x: width, y: y, anchor: "end", className: "ch-t ch-s")
        } else {
            text(label, x: x, y: y, anchor: "middle", className: "ch-t ch-s")
        }
    }

    /// A legend row of colour swatches and names, wrapping; returns the height used.
    mutating func legend(_ names: [String], colors: [String], y: Double) -> Double {
        var x = 0.0
        var row = 0.0
        for (name, color) in zip(names, colors) {
            let itemWidth = 18 + TextMetrics.width(name, size: 12) + 16
            if x > 0 && x + itemWidth > width {
                x = 0
                row += 20
            }
            rect(x: x, y: y + row + 3, width: 12, height: 12, fill: color, extra: "rx=\"2\"")
            text(name, x: x + 17, y: y + row + 13.5)
            x += itemWidth
        }
        return row + 22
    }

    /// The finished `<svg>`: scales with its viewBox, labelled for screen readers. `standalone` makes a file that
    /// renders on its own (e.g. on GitHub): XML namespace, white background, a margin, the chart stylesheet inside
    /// and `title` drawn at the top (inline, the page's heading carries it).
    func svg(height: Double, label: String, title: String? = nil, standalone: Bool = false) -> String {
        let margin = standalone ? 14.0 : 0
        let titleHeight = standalone && title != nil ? 26.0 : 0
        let w = Self.number(width + 2 * margin)
        let h = Self.number(height + 2 * margin + titleHeight)
        var out = "<svg"
        if standalone { out += " xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\"" }
        out += " class=\"chart\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(safety.html(label))\">"
        out += "<title>\(safety.html(label))</title>"
        guard standalone else { return out + background + body + "</svg>" }
        out += "<style>\(ChartStyle.css)</style><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>"
        if let title {
            out += "<text class=\"ch-t ch-b\" style=\"font-size:15px\" x=\"\(Self.number(margin))\" "
            out += "y=\"\(Self.number(margin + 15))\">\(safety.html(title))</text>"
        }
        out += "<g transform=\"translate(\(Self.number(margin)),\(Self.number(margin + titleHeight)))\">"
        return out + background + body + "</g></svg>"
    }
}

/// The classes charts use; the HTML report carries them in its stylesheet, standalone SVGs inside themselves.
enum ChartStyle {
    static let css = """
        .ch-t{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;fill:#374151}\
        .ch-s{font-size:11px;fill:#4B5563}.ch-b{font-weight:600;fill:#111827}.ch-l{font-size:13px;fill:#111827}\
        .ch-grid{stroke:#E5E7EB;stroke-width:1}.ch-axis{stroke:#9CA3AF;stroke-width:1}\
        .ch-halo{paint-order:stroke;stroke:#FFFFFF;stroke-width:3px;stroke-linejoin:round}\
        .ch-zero{stroke:#111827;stroke-width:1.2;stroke-dasharray:4 3}\
        .ch-mark{stroke:#111827;stroke-width:1.5;stroke-dasharray:3 2}
        """
}
