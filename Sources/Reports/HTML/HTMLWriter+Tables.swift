/// Plain tables, the confusion heat table, headline tiles and the audit.
extension HTMLWriter {
    mutating func dataTable(_ table: DataTable, csv: String?) {
        raw("<div class=\"block\">\n")
        blockHead(table.title, csv: csv)
        let numeric = table.columns.indices.map { column in
            table.rows.first { $0[column] != .missing }.map { $0[column].isNumeric } ?? false
        }
        raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(text(table.title))\">\n")
        raw("<table class=\"data reflow\"><thead><tr>")
        for (column, isNumeric) in zip(table.columns, numeric) {
            let tooltip = column.description.map { " title=\"\(text($0))\"" } ?? ""
            raw("<th scope=\"col\"\(isNumeric ? " class=\"num\"" : "")\(tooltip)>\(text(column.title))</th>")
        }
        raw("</tr></thead>\n<tbody>\n")
        for row in table.rows.prefix(table.maxDisplayedRows) {
            raw("<tr>")
            for (index, value) in row.enumerated() {
                let long: Bool
                if case .text(let string) = value { long = string.count > 40 } else { long = false }
                let className = numeric[index] ? "num" : long ? "wrap" : nil
                raw(cell(table.columns[index].title, safety.html(value), className: className))
            }
            raw("</tr>\n")
        }
        raw("</tbody></table>\n</div>\n")
        if table.rows.count > table.maxDisplayedRows {
            let shown = NumberText.grouped(Int64(table.maxDisplayedRows))
            let total = NumberText.grouped(Int64(table.rows.count))
            raw("<p class=\"note\">Showing the first \(shown) of \(total) rows; the CSV has them all.</p>\n")
        }
        note(table.note)
        raw("</div>\n")
    }

    mutating func confusion(_ table: ConfusionTable, csv: String?) {
        raw("<div class=\"block\">\n")
        blockHead(table.title, csv: csv)
        raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(text(table.title))\">\n")
        raw("<table class=\"data heat\"><thead><tr><th scope=\"col\">\(text(table.rowTitle)) ↓ · ")
        raw("\(text(table.columnTitle)) →</th>")
        for column in table.columns { raw("<th scope=\"col\" class=\"num\">\(text(column))</th>") }
        raw("<th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n")
        for (rowIndex, row) in table.rows.enumerated() {
            let counts = table.counts[rowIndex]
            let total = counts.reduce(0, +)
            raw("<tr><th scope=\"row\">\(text(row))</th>")
            for (columnIndex, count) in counts.enumerated() {
                let share = total > 0 ? Double(count) / Double(total) : 0
                let (background, ink) = Self.heatColor(share)
                let expected = table.expectedColumn[rowIndex] == columnIndex
                let classes = expected ? " class=\"expected\"" : ""
                let label = expected ? " aria-label=\"\(NumberText.grouped(count)), the expected category\"" : ""
                raw(
                    "<td\(classes)\(label) style=\"background:\(background);color:\(ink)\">\(NumberText.grouped(count))"
                )
                raw("<span class=\"share\">\(text(ValueText.display(share, format: .percent(places: 0))))</span></td>")
            }
            raw("<td class=\"num\">\(NumberText.grouped(total))</td></tr>\n")
        }
        raw("</tbody></table>\n</div>\n")
        raw("<p class=\"legend-line\">Shade: share of the row (darker = more). ")
        if table.expectedColumn.contains(where: { $0 != nil }) {
            raw("Outlined: the category each intent should reach. ")
        }
        raw("</p>\n")
        note(table.note)
        raw("</div>\n")
    }

    /// A sequential blue ramp in five steps; dark steps take white text (contrast ≥ 4.5:1 either way).
    static func heatColor(_ share: Double) -> (background: String, ink: String) {
        switch share {
        case ..<0.005: ("#FFFFFF", "#6B7280")
        case ..<0.05: ("#EEF5FB", "#1F2937")
        case ..<0.15: ("#CFE3F3", "#1F2937")
        case ..<0.35: ("#93C0E3", "#111827")
        case ..<0.65: ("#3C86C2", "#FFFFFF")
        default: ("#0B4F85", "#FFFFFF")
        }
    }

    mutating func keyValues(_ list: KeyValueList, csv: String?) {
        raw("<div class=\"block\">\n")
        blockHead(list.title, csv: csv)
        raw("<dl class=\"tiles\">\n")
        for item in list.items {
            raw("<div class=\"tile\"><dt>\(text(item.key))</dt><dd class=\"value\">\(safety.html(item.value))</dd>")
            if let detail = item.detail { raw("<dd class=\"detail\">\(text(detail))</dd>") }
            raw("</div>\n")
        }
        raw("</dl>\n")
        note(list.note)
        raw("</div>\n")
    }

    mutating func audit(_ audit: AuditReport, csv: String?) {
        raw("<div class=\"block\">\n")
        // Two CSV twins: the findings under the block's name, the checks beside them.
        raw("<div class=\"block-head\"><h3>\(text(audit.title))</h3>")
        if let csv, options.linkCSVTwins {
            raw("<span><a class=\"csv\" href=\"\(csv)-checks.csv\" download=\"\(csv)-checks.csv\">CSV: checks</a> ")
            raw("<a class=\"csv\" href=\"\(csv).csv\" download=\"\(csv).csv\">CSV: findings</a></span>")
        }
        raw("</div>\n")
        raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(text(audit.title)): checks\">\n")
        raw("<table class=\"data reflow\"><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Rule</th>")
        raw("<th scope=\"col\" class=\"num\">Findings</th><th scope=\"col\">Result</th></tr></thead>\n<tbody>\n")
        for check in audit.checks {
            raw("<tr><th scope=\"row\" class=\"wrap\">\(text(check.description))</th>")
            raw(cell("Rule", "<code>\(text(check.rule))</code>"))
            raw(cell("Findings", NumberText.grouped(Int64(check.findingCount)), className: "num"))
            raw(cell("Result", stateBadge(check.state)) + "</tr>\n")
        }
        raw("</tbody></table>\n</div>\n")
        if audit.findings.isEmpty {
            let count = NumberText.grouped(Int64(audit.checks.count))
            raw("<p class=\"note\">No findings in \(count) checks.</p>\n")
        } else {
            raw("<h3 style=\"margin-top:16px\">Findings</h3>\n")
            raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(text(audit.title)): findings\">\n")
            raw("<table class=\"data reflow\"><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">When</th>")
            raw("<th scope=\"col\">Customer</th><th scope=\"col\">What happened</th><th scope=\"col\">Messages</th>")
            raw("</tr></thead>\n<tbody>\n")
            for finding in audit.findings.prefix(audit.maxListed) {
                raw("<tr><th scope=\"row\"><code>\(text(finding.rule))</code></th>")
                raw(cell("When", finding.at.map { text(ValueText.timestamp($0)) } ?? ValueText.dash))
                raw(cell("Customer", finding.customer.map(text) ?? ValueText.dash))
                raw(cell("What happened", text(finding.summary), className: "wrap"))
                let ids = finding.messageIDs.map { "<code>\(text($0))</code>" }.joined(separator: " ")
                raw(cell("Messages", ids, className: "wrap ids") + "</tr>\n")
            }
            raw("</tbody></table>\n</div>\n")
            if audit.findings.count > audit.maxListed {
                let shown = NumberText.grouped(Int64(audit.maxListed))
                let total = NumberText.grouped(Int64(audit.findings.count))
                raw("<p class=\"note\">Showing \(shown) of \(total) findings; the CSV lists them all.</p>\n")
            }
        }
        note(audit.note)
        raw("</div>\n")
    }

    mutating func methodsFooter(_ methods: MethodsFooter) {
        raw(
            "<footer class=\"methods\" id=\"methods\" aria-labelledby=\"methods-h\">\n"
                + "<h2 id=\"methods-h\">Methods</h2>\n"
        )
        if !methods.definitions.isEmpty {
            raw("<div class=\"block-head\"><h3>Metric definitions</h3>")
            if let csv = layout.definitionsCSV, options.linkCSVTwins {
                raw("<a class=\"csv\" href=\"\(csv).csv\" download=\"\(csv).csv\">CSV</a>")
            }
            raw("</div>\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Metric definitions\">\n")
            raw("<table class=\"data reflow\"><thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Numerator</th>")
            raw("<th scope=\"col\">Denominator</th><th scope=\"col\">Window</th><th scope=\"col\">Notes</th></tr>")
            raw("</thead>\n<tbody>\n")
            for definition in methods.definitions {
                raw("<tr><th scope=\"row\">\(text(definition.metric))</th>")
                raw(cell("Numerator", text(definition.numerator), className: "wrap"))
                raw(cell("Denominator", text(definition.denominator), className: "wrap"))
                raw(cell("Window", text(definition.window)))
                raw(cell("Notes", definition.notes.map(text) ?? "", className: "wrap") + "</tr>\n")
            }
            raw("</tbody></table>\n</div>\n")
        }
        if !methods.methods.isEmpty {
            raw("<h3>Statistics</h3>\n<dl>\n")
            for method in methods.methods {
                raw("<dt>\(text(method.name))</dt><dd>\(text(method.text))</dd>\n")
            }
            raw("</dl>\n")
        }
        if !methods.provenance.isEmpty {
            raw("<h3>Data</h3>\n<dl>\n")
            for item in methods.provenance {
                raw("<dt>\(text(item.key))</dt><dd>\(safety.html(item.value))")
                if let detail = item.detail { raw(" <span class=\"nd\">\(text(detail))</span>") }
                raw("</dd>\n")
            }
            raw("</dl>\n")
        }
        if !methods.notes.isEmpty {
            raw("<h3>Notes</h3>\n<ul>\n")
            for note in methods.notes { raw("<li>\(text(note))</li>\n") }
            raw("</ul>\n")
        }
        raw("</footer>\n")
    }
}
