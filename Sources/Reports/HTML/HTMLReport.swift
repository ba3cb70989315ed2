/// Renders a `ReportDocument` as one self-contained HTML file: inline stylesheet and SVG, no scripts, fonts,
/// images or network; complete without JavaScript, readable on a 390 px phone and on paper.
///
/// Every string from the model is phone-masked (unless `options.showNumbers`) and escaped. The same document and
/// options give the same bytes: nothing reads the clock, and every number is formatted without the locale.
public enum HTMLReport {
    public static func render(_ document: ReportDocument, options: ReportOptions = ReportOptions()) -> String {
        var writer = HTMLWriter(document: document, options: options)
        writer.document()
        return writer.html
    }
}

/// The state of one rendering: the text safety rules, colours, fixed names and the output so far.
struct HTMLWriter {
    static let wideChart = 960.0
    static let narrowChart = 380.0
    static let funnelWidth = 340.0

    let model: ReportDocument
    let options: ReportOptions
    let safety: TextSafety
    let palette: Palette
    let layout: ReportLayout
    private(set) var html = ""

    init(document: ReportDocument, options: ReportOptions) {
        model = document
        self.options = options
        safety = TextSafety(showNumbers: options.showNumbers)
        palette = Palette(variants: document.variants)
        layout = ReportLayout(document)
    }

    /// Appends markup that is already safe (tags and escaped text).
    mutating func raw(_ markup: String) { html += markup }

    /// Model text, masked and escaped.
    func text(_ value: String) -> String { safety.html(value) }

    mutating func document() {
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        raw("<title>\(text(model.title))</title>\n<style>\n\(ReportStyle.css)\n\(ChartStyle.css)\n</style>\n")
        raw("</head>\n<body>\n<div class=\"page\">\n<header>\n<h1>\(text(model.title))</h1>\n")
        if let subtitle = model.subtitle { raw("<p class=\"subtitle\">\(text(subtitle))</p>\n") }
        if !model.facts.isEmpty {
            raw("<dl class=\"facts\">")
            for fact in model.facts {
                raw("<div><dt>\(text(fact.key))</dt><dd>\(safety.html(fact.value))</dd></div>")
            }
            raw("</dl>\n")
        }
        raw("</header>\n")
        if let health = model.health { healthBanner(health) }
        contents()
        raw("<main>\n")
        for (index, section) in model.sections.enumerated() {
            raw("<section id=\"\(layout.sectionIDs[index])\" aria-labelledby=\"\(layout.sectionIDs[index])-h\">\n")
            raw("<h2 id=\"\(layout.sectionIDs[index])-h\">\(text(section.title))</h2>\n")
            if let summary = section.summary { raw("<p class=\"summary\">\(text(summary))</p>\n") }
            for (blockIndex, block) in section.blocks.enumerated() {
                self.block(block, csv: layout.csvNames[index][blockIndex])
            }
            raw("</section>\n")
        }
        raw("</main>\n")
        if let methods = model.methods { methodsFooter(methods) }
        raw("</div>\n</body>\n</html>\n")
    }

    private mutating func contents() {
        guard model.sections.count > 1 || model.methods != nil else { return }
        raw("<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\"><ol>")
        for (index, section) in model.sections.enumerated() {
            raw("<li><a href=\"#\(layout.sectionIDs[index])\">\(text(section.title))</a></li>")
        }
        if model.methods != nil { raw("<li><a href=\"#methods\">Methods</a></li>") }
        raw("</ol></nav>\n")
    }

    private mutating func block(_ block: ReportBlock, csv: String?) {
        switch block {
        case .paragraph(let paragraph): raw("<p>\(text(paragraph))</p>\n")
        case .callout(let callout): self.callout(callout)
        case .comparison(let table): comparison(table, csv: csv)
        case .forest(let plot): forest(plot)
        case .funnel(let funnel): self.funnel(funnel, csv: csv)
        case .distribution(let chart): distribution(chart, csv: csv)
        case .line(let chart): line(chart, csv: csv)
        case .bars(let chart): bars(chart, csv: csv)
        case .table(let table): dataTable(table, csv: csv)
        case .confusion(let table): confusion(table, csv: csv)
        case .keyValues(let list): keyValues(list, csv: csv)
        case .audit(let audit): self.audit(audit, csv: csv)
        }
    }

    /// The title row of a block with its CSV link.
    mutating func blockHead(_ title: String, csv: String?) {
        raw("<div class=\"block-head\"><h3>\(text(title))</h3>")
        if let csv, options.linkCSVTwins {
            raw(
                "<a class=\"csv\" href=\"\(csv).csv\" download=\"\(csv).csv\">CSV"
                    + "<span class=\"sr-only\"> of \(text(title))</span></a>"
            )
        }
        raw("</div>\n")
    }

    /// A table cell that reflows into a labelled line on a phone: `data-label` names it, the `div` keeps the
    /// content in one grid cell.
    func cell(_ label: String, _ content: String, className: String? = nil) -> String {
        let classes = className.map { " class=\"\($0)\"" } ?? ""
        return "<td\(classes) data-label=\"\(text(label))\"><div class=\"v\">\(content)</div></td>"
    }

    mutating func note(_ note: String?) {
        if let note { raw("<p class=\"note\">\(text(note))</p>\n") }
    }

    /// A chart in its wide and narrow layouts; CSS shows the one that fits.
    mutating func responsiveChart(_ render: (Double) -> String) {
        let wide = render(Self.wideChart)
        let narrow = render(Self.narrowChart)
        raw("<div class=\"chart-wide\">\(wide)</div>\n<div class=\"chart-narrow\">\(narrow)</div>\n")
    }

    /// The badge for a health or audit state, with an icon that does not depend on colour.
    func stateBadge(_ state: HealthState) -> String {
        let icon =
            switch state {
            case .ok: "✓"
            case .warning: "!"
            case .problem: "✕"
            }
        return
            "<span class=\"state state-\(state.rawValue)\"><span aria-hidden=\"true\">\(icon) </span>"
            + "\(state.label)</span>"
    }

    private mutating func healthBanner(_ banner: HealthBanner) {
        let overall = banner.overall
        raw("<section class=\"health health-\(overall.rawValue)\" id=\"health\" aria-labelledby=\"health-h\">\n")
        let headline =
            switch overall {
            case .ok: "Data health: every check passed"
            case .warning: "Data health: read with care"
            case .problem: "Data health: a check failed, do not trust the results below yet"
            }
        raw("<h2 id=\"health-h\">\(stateBadge(overall)) \(headline)</h2>\n<ul>\n")
        for item in banner.items {
            raw("<li>\(stateBadge(item.state))<span class=\"label\">\(text(item.label))</span>")
            raw("<span class=\"detail\">\(text(item.detail))</span></li>\n")
        }
        raw("</ul>\n")
        if let csv = layout.healthCSV, options.linkCSVTwins {
            raw("<p class=\"note\"><a class=\"csv\" href=\"\(csv).csv\" download=\"\(csv).csv\">CSV</a></p>\n")
        }
        raw("</section>\n")
    }

    private mutating func callout(_ callout: Callout) {
        raw("<div class=\"callout callout-\(callout.state.rawValue)\" role=\"note\">")
        raw("<strong>\(text(callout.title))</strong>\(text(callout.text))</div>\n")
    }
}
