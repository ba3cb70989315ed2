/// A block's `chart=bar|line` drawn from its result table with the report's own chart renderers (`SVGChart`), so a
/// notebook chart looks like the same chart in an HTML report.
///
/// Columns: `x` (default the first) gives the bar categories or the line's horizontal values; `y` (default every
/// numeric column but `x` and `series`) one bar or line per column; or `series` splits a single `y` by the values
/// of another column, for results in long form (`variant, day, replies`). NULL plots as a gap.
public enum NotebookChart {
    /// The chart as a standalone SVG file's text, and its title (the block's `title=`, or "y by x").
    public static func render(
        _ table: NotebookTable,
        options: NotebookOptions
    ) throws(NotebookBlockError) -> (svg: String, title: String) {
        guard let kind = options.chart else { throw NotebookBlockError("the block asks for no chart") }
        guard !table.columns.isEmpty else { throw NotebookBlockError("nothing to chart: the result has no columns") }
        let x = try column(options.x ?? table.columns[0], in: table, role: "x")
        let series = try options.series.map { name throws(NotebookBlockError) in
            try column(name, in: table, role: "series")
        }
        let ys: [Int]
        if options.y.isEmpty {
            ys = table.columns.indices.filter { index in
                index != x && index != series
                    && table.rows.contains { $0[index].isNumber }
                    && table.rows.allSatisfy { $0[index].plotted != nil }
            }
            guard !ys.isEmpty else {
                throw NotebookBlockError(
                    "no numeric column to plot besides x=\(table.columns[x]); name one with y=, e.g. "
                        + "y=\(table.columns.last ?? "count")"
                )
            }
        } else {
            ys = try options.y.map { name throws(NotebookBlockError) in try column(name, in: table, role: "y") }
        }
        if series != nil, ys.count != 1 {
            throw NotebookBlockError("series= splits one y column; give exactly one, e.g. y=\(table.columns[ys[0]])")
        }
        var values: [[Double]] = Array(repeating: [], count: ys.count)
        for (rowIndex, row) in table.rows.enumerated() {
            for (offset, column) in ys.enumerated() {
                guard let value = row[column].plotted else {
                    throw NotebookBlockError(
                        "y=\(table.columns[column]) holds text in row \(rowIndex + 1) "
                            + "('\(table.text(row: rowIndex, column: column))'); plotted columns must be numbers"
                    )
                }
                values[offset].append(value)
            }
        }
        let allWhole = values.joined().allSatisfy { !$0.isFinite || $0.rounded() == $0 }
        let format = options.format ?? (allWhole ? .count : .number(places: 2))
        let yNames = ys.map { table.columns[$0] }
        let title = options.title ?? "\(yNames.joined(separator: ", ")) by \(table.columns[x])"
        let label = options.label ?? yNames.joined(separator: ", ")

        switch kind {
        case .bar:
            let (categories, chartSeries) = try barSeries(table, x: x, series: series, ys: ys, values: values)
            let chart = BarChart(
                title: title,
                categories: categories,
                series: chartSeries,
                valueFormat: format,
                valueLabel: label
            )
            return (SVGChart.bar(chart), title)
        case .line:
            var xs: [Double] = []
            for (rowIndex, row) in table.rows.enumerated() {
                guard row[x].isNumber, let value = row[x].plotted else {
                    throw NotebookBlockError(
                        "chart=line needs numbers in x=\(table.columns[x]), and row \(rowIndex + 1) holds "
                            + "'\(table.text(row: rowIndex, column: x))'; use chart=bar for categories, or epoch "
                            + "milliseconds with xformat=time for dates"
                    )
                }
                xs.append(value)
            }
            let xWhole = xs.allSatisfy { $0.rounded() == $0 }
            let xAxis: LineChart.XAxis
            switch options.xFormat {
            case .time?: xAxis = .time
            case .value(let format)?: xAxis = .number(format)
            case nil: xAxis = .number(xWhole ? .count : .number(places: 2))
            }
            let chart = LineChart(
                title: title,
                xAxis: xAxis,
                xLabel: table.columns[x],
                yLabel: label,
                yFormat: format,
                series: lineSeries(table, xs: xs, series: series, ys: ys, values: values)
            )
            return (SVGChart.line(chart), title)
        }
    }

    private static func column(_ name: String, in table: NotebookTable, role: String) throws(NotebookBlockError) -> Int
    {
        guard let index = table.columns.firstIndex(of: name) else {
            throw NotebookBlockError(
                "\(role)=\(name) is not a column of the result; its columns are "
                    + table.columns.joined(separator: ", ")
            )
        }
        return index
    }

    /// Labels for `x`'s values as the table prints them, so a bar reads like its table row.
    private static func labels(_ table: NotebookTable, column: Int) -> [String] {
        table.rows.indices.map { table.text(row: $0, column: column) }
    }

    private static func barSeries(
        _ table: NotebookTable,
        x: Int,
        series: Int?,
        ys: [Int],
        values: [[Double]]
    ) throws(NotebookBlockError) -> ([String], [BarChart.Series]) {
        let xLabels = labels(table, column: x)
        guard let series else {
            let chartSeries = ys.indices.map { BarChart.Series(name: table.columns[ys[$0]], values: values[$0]) }
            return (xLabels, chartSeries)
        }
        let seriesLabels = labels(table, column: series)
        let categories = ordered(xLabels)
        let names = ordered(seriesLabels)
        var grid = Array(repeating: Array(repeating: Double.nan, count: categories.count), count: names.count)
        var filled: Set<[Int]> = []
        for row in table.rows.indices {
            let category = categories.firstIndex(of: xLabels[row])!
            let name = names.firstIndex(of: seriesLabels[row])!
            guard filled.insert([category, name]).inserted else {
                throw NotebookBlockError(
                    "two rows have \(table.columns[x])=\(xLabels[row]) and \(table.columns[series])="
                        + "\(seriesLabels[row]); one bar each needs one row each (GROUP BY both)"
                )
            }
            grid[name][category] = values[0][row]
        }
        return (categories, names.indices.map { BarChart.Series(name: names[$0], values: grid[$0]) })
    }

    private static func lineSeries(
        _ table: NotebookTable,
        xs: [Double],
        series: Int?,
        ys: [Int],
        values: [[Double]]
    ) -> [LineChart.Series] {
        func points(_ rows: [Int], _ column: Int) -> [LineChart.Point] {
            rows.sorted { xs[$0] < xs[$1] || (xs[$0] == xs[$1] && $0 < $1) }
                .map { LineChart.Point(x: xs[$0], y: values[column][$0]) }
        }
        let all = Array(table.rows.indices)
        guard let series else {
            return ys.indices.map { LineChart.Series(name: table.columns[ys[$0]], points: points(all, $0)) }
        }
        let seriesLabels = labels(table, column: series)
        return ordered(seriesLabels).map { name in
            LineChart.Series(name: name, points: points(all.filter { seriesLabels[$0] == name }, 0))
        }
    }

    /// Distinct values in order of first appearance.
    private static func ordered(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
