/// The CSV twins of a report: every table and chart's data as its own CSV, with the file names the HTML links to.
///
/// Tables are written long (one row per variant × step, category × series…), so they load into any tool without
/// reshaping. Text cells are phone-masked like the HTML unless `showNumbers`.
public enum ReportCSV {
    public static func tables(_ document: ReportDocument, options: ReportOptions = ReportOptions()) -> [CSVTable] {
        let layout = ReportLayout(document)
        let safety = TextSafety(showNumbers: options.showNumbers)
        var tables: [CSVTable] = []
        if let health = document.health, let name = layout.healthCSV { tables.append(self.health(health, name: name)) }
        for (sectionIndex, section) in document.sections.enumerated() {
            for (blockIndex, block) in section.blocks.enumerated() {
                guard let name = layout.csvNames[sectionIndex][blockIndex] else { continue }
                tables += self.tables(block, name: name)
            }
        }
        if let methods = document.methods, let name = layout.definitionsCSV {
            tables.append(definitions(methods, name: name))
        }
        return tables.map { table in
            var masked = table
            masked.title = safety.plain(table.title)
            masked.rows = table.rows.map { $0.map(safety.csv) }
            masked.columns = table.columns.map { column in
                var column = column
                column.description = safety.plain(column.description)
                return column
            }
            return masked
        }
    }

    /// `tables.csv`: every CSV twin with its title and row count.
    public static func manifest(_ tables: [CSVTable]) -> CSVTable {
        CSVTable(
            name: "tables",
            title: "CSV files of this report",
            columns: [
                .init("file", type: "text", description: "CSV file name, beside this manifest"),
                .init("columns_file", type: "text", description: "side-car naming each column's type and unit"),
                .init("title", type: "text", description: "the table's title in the HTML report"),
                .init("rows", type: "integer", unit: "count", description: "data rows (header excluded)"),
            ],
            rows: tables.map {
                [
                    .text("\($0.name).csv"), .text("\($0.name).columns.csv"), .text($0.title),
                    .integer(Int64($0.rows.count)),
                ]
            }
        )
    }

    static func tables(_ block: ReportBlock, name: String) -> [CSVTable] {
        switch block {
        case .paragraph, .callout, .forest: []
        case .comparison(let table): [comparison(table, name: name)]
        case .funnel(let funnel): [self.funnel(funnel, name: name)]
        case .distribution(let chart): [distribution(chart, name: name)]
        case .line(let chart): [line(chart, name: name)]
        case .bars(let chart): [bars(chart, name: name)]
        case .table(let table): [dataTable(table, name: name)]
        case .confusion(let table): [confusion(table, name: name)]
        case .keyValues(let list): [keyValues(list, name: name)]
        case .audit(let audit): auditTables(audit, name: name)
        }
    }

    private static func text(_ value: String?) -> CSVCell { value.map { .text($0) } ?? .empty }

    private static func cell(_ value: ReportValue?) -> CSVCell { value.map(ValueText.csvCell) ?? .empty }

    private static func unit(_ value: ReportValue?) -> CSVCell {
        guard let value else { return .empty }
        let unit = ValueText.csvType(value).unit
        return unit.isEmpty ? .empty : .text(unit)
    }

    private static func number(_ value: Double?, _ format: ValueFormat?) -> CSVCell {
        guard let value, let format else { return .empty }
        return ValueText.csvCell(value, format: format)
    }

    private static func boolean(_ value: Bool) -> CSVCell { .text(value ? "true" : "false") }

    static func health(_ banner: HealthBanner, name: String) -> CSVTable {
        CSVTable(
            name: name,
            title: "Data health",
            columns: [
                .init("check", type: "text", description: "what was checked"),
                .init("state", type: "text", description: "ok, warning or problem"),
                .init("detail", type: "text", description: "the figures behind the state"),
            ],
            rows: banner.items.map { [.text($0.label), .text($0.state.rawValue), .text($0.detail)] }
        )
    }

    static func comparison(_ table: ComparisonTable, name: String) -> CSVTable {
        let columns: [CSVTable.Column] = [
            .init("metric", type: "text", description: "metric name"),
            .init("definition", type: "text", description: "numerator ÷ denominator and window"),
            .init("higher_is_better", type: "text", description: "false when a rise is bad (opt-outs, cost)"),
            .init("guardrail", type: "text", description: "true for guardrail metrics (not decision metrics)"),
            .init("baseline", type: "text", description: "the arm compared against"),
            .init("variant", type: "text", description: "the arm compared"),
            .init("value_unit", type: "text", description: "unit of the value columns of this row"),
            .init("baseline_value", type: "decimal", description: "baseline's value"),
            .init("baseline_numerator", type: "decimal", description: "what the baseline value counts or sums"),
            .init("baseline_denominator", type: "decimal", description: "what the baseline value divides by"),
            .init("variant_value", type: "decimal", description: "variant's value"),
            .init("variant_numerator", type: "decimal", description: "what the variant value counts or sums"),
            .init("variant_denominator", type: "decimal", description: "what the variant value divides by"),
            .init("absolute_change_unit", type: "text", description: "unit of the absolute change columns"),
            .init("absolute_change", type: "decimal", description: "variant − baseline"),
            .init("absolute_change_low", type: "decimal", description: "lower end of its interval"),
            .init("absolute_change_high", type: "decimal", description: "upper end of its interval"),
            .init(
                "relative_change",
                type: "decimal",
                unit: "fraction (0.12 = +12%)",
                description: "(variant − baseline) ÷ baseline"
            ),
            .init("relative_change_low", type: "decimal", unit: "fraction", description: "lower end of its interval"),
            .init("relative_change_high", type: "decimal", unit: "fraction", description: "upper end of its interval"),
            .init("confidence_level", type: "decimal", unit: "fraction", description: "level of every interval"),
            .init("p_value", type: "decimal", unit: "p-value", description: "two-sided p-value of the test"),
            .init("adjusted_p_value", type: "decimal", unit: "p-value", description: "after the correction"),
            .init("correction", type: "text", description: "multiple-comparison correction, empty for none"),
            .init("test", type: "text", description: "test and interval method"),
            .init("verdict", type: "text", description: "better, worse, inconclusive, too_few_data, not_tested"),
        ]
        var rows: [[CSVCell]] = []
        for metric in table.metrics {
            for variant in metric.variants {
                let absolute = variant.absoluteChange
                let relative = variant.relativeChange
                rows.append([
                    .text(metric.name), text(metric.definition), boolean(metric.higherIsBetter),
                    boolean(metric.isGuardrail), .text(table.baselineName), .text(variant.variant),
                    unit(metric.baseline.value), cell(metric.baseline.value), cell(metric.baseline.numerator),
                    cell(metric.baseline.denominator), cell(variant.value.value), cell(variant.value.numerator),
                    cell(variant.value.denominator), absolute.map { .text($0.format.csvUnit) } ?? .empty,
                    number(absolute?.point, absolute?.format), number(absolute?.low, absolute?.format),
                    number(absolute?.high, absolute?.format), number(relative?.point, .percent(places: 1)),
                    number(relative?.low, .percent(places: 1)), number(relative?.high, .percent(places: 1)),
                    .decimal(table.confidenceLevel, places: 4),
                    variant.pValue.map { .decimal($0, places: 6) } ?? .empty,
                    variant.adjustedPValue.map { .decimal($0, places: 6) } ?? .empty, text(table.correction),
                    .text(variant.test),
                    .text(variant.verdict(alpha: table.alpha, higherIsBetter: metric.higherIsBetter).rawValue),
                ])
            }
        }
        return CSVTable(name: name, title: table.title, columns: columns, rows: rows)
    }

    static func funnel(_ funnel: Funnel, name: String) -> CSVTable {
        var rows: [[CSVCell]] = []
        for series in funnel.series {
            let first = series.counts.first ?? 0
            for (index, step) in funnel.steps.enumerated() {
                let count = series.counts[index]
                let previous = index == 0 ? count : series.counts[index - 1]
                rows.append([
                    .text(series.name), .integer(Int64(index + 1)), .text(step), .integer(count),
                    first > 0 ? .decimal(Double(count) / Double(first), places: 6) : .empty,
                    previous > 0 ? .decimal(Double(count) / Double(previous), places: 6) : .empty,
                ])
            }
        }
        return CSVTable(
            name: name,
            title: funnel.title,
            columns: [
                .init("variant", type: "text", description: "arm"),
                .init("step_number", type: "integer", description: "1 for the first step"),
                .init("step", type: "text", description: "funnel step"),
                .init("customers", type: "integer", unit: "count", description: "customers reaching the step"),
                .init("share_of_first_step", type: "decimal", unit: "fraction", description: "customers ÷ first step"),
                .init(
                    "share_of_previous_step",
                    type: "decimal",
                    unit: "fraction",
                    description: "customers ÷ step before"
                ),
            ],
            rows: rows
        )
    }

    static func distribution(_ chart: DistributionChart, name: String) -> CSVTable {
        let markers = DistributionSummary.markerNames(chart)
        var excludedLabels: [String] = []
        for series in chart.series {
            for excluded in series.excluded where !excludedLabels.contains(excluded.label) {
                excludedLabels.append(excluded.label)
            }
        }
        let format = chart.format
        var columns: [CSVTable.Column] = [
            .init("variant", type: "text", description: "arm"),
            .init("n", type: "integer", unit: "count", description: "observations in the distribution"),
        ]
        let valueType = ValueText.csvCell(1, format: format) == .integer(1) ? "integer" : "decimal"
        for marker in markers {
            let snake = ReportLayout.slug(marker).replacingHyphens()
            columns.append(.init(snake, type: valueType, unit: format.csvUnit, description: marker))
            columns.append(
                .init("\(snake)_low", type: valueType, unit: format.csvUnit, description: "\(marker), interval low")
            )
            columns.append(
                .init("\(snake)_high", type: valueType, unit: format.csvUnit, description: "\(marker), interval high")
            )
        }
        columns.append(.init("mean", type: valueType, unit: format.csvUnit, description: "arithmetic mean"))
        for label in excludedLabels {
            columns.append(
                .init(
                    "excluded_\(ReportLayout.slug(label).replacingHyphens())",
                    type: "integer",
                    unit: "count",
                    description: "counted apart, not in the distribution: \(label)"
                )
            )
        }
        let rows: [[CSVCell]] = chart.series.map { series in
            var row: [CSVCell] = [.text(series.name), .integer(Int64(series.values.filter(\.isFinite).count))]
            for name in markers {
                let marker = series.markers.first { $0.name == name }
                row.append(number(marker?.value, format))
                row.append(number(marker?.interval?.lowerBound, format))
                row.append(number(marker?.interval?.upperBound, format))
            }
            row.append(number(series.mean, format))
            for label in excludedLabels {
                row.append(series.excluded.first { $0.label == label }.map { .integer($0.count) } ?? .integer(0))
            }
            return row
        }
        return CSVTable(name: name, title: chart.title, columns: columns, rows: rows)
    }

    static func line(_ chart: LineChart, name: String) -> CSVTable {
        let xColumn: CSVTable.Column
        switch chart.xAxis {
        case .time: xColumn = .init("time", type: "timestamp", unit: "UTC, ISO 8601", description: chart.xLabel)
        case .number(let format): xColumn = .init("x", type: "decimal", unit: format.csvUnit, description: chart.xLabel)
        }
        var rows: [[CSVCell]] = []
        for series in chart.series {
            for point in series.points {
                let x: CSVCell
                switch chart.xAxis {
                case .time: x = .text(ValueText.isoTimestamp(Int64(point.x)))
                case .number(let format): x = ValueText.csvCell(point.x, format: format)
                }
                rows.append([.text(series.name), x, ValueText.csvCell(point.y, format: chart.yFormat)])
            }
        }
        return CSVTable(
            name: name,
            title: chart.title,
            columns: [
                .init("series", type: "text", description: "line"), xColumn,
                .init("value", type: "decimal", unit: chart.yFormat.csvUnit, description: chart.yLabel),
            ],
            rows: rows
        )
    }

    static func bars(_ chart: BarChart, name: String) -> CSVTable {
        var rows: [[CSVCell]] = []
        for (index, category) in chart.categories.enumerated() {
            for series in chart.series {
                rows.append([
                    .text(category), .text(series.name),
                    ValueText.csvCell(series.values[index], format: chart.valueFormat),
                    text(series.labels?[index]),
                ])
            }
        }
        return CSVTable(
            name: name,
            title: chart.title,
            columns: [
                .init("category", type: "text", description: "bar"),
                .init("series", type: "text", description: "series (variant)"),
                .init("value", type: "decimal", unit: chart.valueFormat.csvUnit, description: chart.valueLabel),
                .init("label", type: "text", description: "text printed at the bar's end"),
            ],
            rows: rows
        )
    }

    static func dataTable(_ table: DataTable, name: String) -> CSVTable {
        var used: [String] = []
        let columns: [CSVTable.Column] = table.columns.enumerated().map { index, column in
            var header = column.csvName ?? ReportLayout.slug(column.title).replacingHyphens()
            if used.contains(header) { header += "_\(index + 1)" }
            used.append(header)
            let sample = table.rows.first { $0[index] != .missing }?[index] ?? .missing
            let (type, unit) = ValueText.csvType(sample)
            return .init(header, type: type, unit: unit, description: column.description ?? column.title)
        }
        return CSVTable(
            name: name,
            title: table.title,
            columns: columns,
            rows: table.rows.map { $0.map(ValueText.csvCell) }
        )
    }

    static func confusion(_ table: ConfusionTable, name: String) -> CSVTable {
        var rows: [[CSVCell]] = []
        for (rowIndex, row) in table.rows.enumerated() {
            let total = table.counts[rowIndex].reduce(0, +)
            for (columnIndex, column) in table.columns.enumerated() {
                let count = table.counts[rowIndex][columnIndex]
                rows.append([
                    .text(row), .text(column), .integer(count),
                    total > 0 ? .decimal(Double(count) / Double(total), places: 6) : .empty,
                    boolean(table.expectedColumn[rowIndex] == columnIndex),
                ])
            }
        }
        return CSVTable(
            name: name,
            title: table.title,
            columns: [
                .init("row", type: "text", description: table.rowTitle),
                .init("column", type: "text", description: table.columnTitle),
                .init("count", type: "integer", unit: "count", description: "cases in this cell"),
                .init("share_of_row", type: "decimal", unit: "fraction", description: "count ÷ row total"),
                .init("expected", type: "text", description: "true when this column is the right answer for the row"),
            ],
            rows: rows
        )
    }

    static func keyValues(_ list: KeyValueList, name: String) -> CSVTable {
        CSVTable(
            name: name,
            title: list.title,
            columns: [
                .init("figure", type: "text", description: "what the value is"),
                .init("value", type: "decimal", description: "the value, in the unit of its row"),
                .init("unit", type: "text", description: "unit of the value"),
                .init("detail", type: "text", description: "formula or interval"),
            ],
            rows: list.items.map { [.text($0.key), cell($0.value), unit($0.value), text($0.detail)] }
        )
    }

    static func auditTables(_ audit: AuditReport, name: String) -> [CSVTable] {
        let findings = CSVTable(
            name: name,
            title: "\(audit.title): findings",
            columns: [
                .init("rule", type: "text", description: "rule id"),
                .init("at", type: "timestamp", unit: "UTC, ISO 8601", description: "when it happened"),
                .init("customer", type: "text", description: "customer, masked"),
                .init("summary", type: "text", description: "what happened"),
                .init(
                    "message_ids",
                    type: "text",
                    description: "message ids (provider Sid where known), space-separated"
                ),
            ],
            rows: audit.findings.map {
                [
                    .text($0.rule), $0.at.map { .text(ValueText.isoTimestamp($0)) } ?? .empty, text($0.customer),
                    .text($0.summary), .text($0.messageIDs.joined(separator: " ")),
                ]
            }
        )
        let checks = CSVTable(
            name: "\(name)-checks",
            title: "\(audit.title): checks",
            columns: [
                .init("rule", type: "text", description: "rule id"),
                .init("description", type: "text", description: "what the rule checks"),
                .init("findings", type: "integer", unit: "count", description: "findings of this rule"),
                .init("state", type: "text", description: "ok, warning or problem"),
            ],
            rows: audit.checks.map {
                [.text($0.rule), .text($0.description), .integer(Int64($0.findingCount)), .text($0.state.rawValue)]
            }
        )
        return [findings, checks]
    }

    static func definitions(_ methods: MethodsFooter, name: String) -> CSVTable {
        CSVTable(
            name: name,
            title: "Metric definitions",
            columns: [
                .init("metric", type: "text", description: "metric name"),
                .init("numerator", type: "text", description: "what is counted or summed"),
                .init("denominator", type: "text", description: "what it is divided by"),
                .init("window", type: "text", description: "attribution or observation window"),
                .init("notes", type: "text", description: "uniqueness, exclusions, unit of analysis"),
            ],
            rows: methods.definitions.map {
                [.text($0.metric), .text($0.numerator), .text($0.denominator), .text($0.window), text($0.notes)]
            }
        )
    }
}

extension String {
    fileprivate func replacingHyphens() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
