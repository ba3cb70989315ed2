import Foundation

/// Standalone SVG charts for notebooks: the same drawings as the HTML report, as files that render on their own
/// (GitHub shows them as images): a white background, the chart stylesheet inside, no external references.
public enum SVGChart {
    /// A horizontal bar chart; `variants` fixes colours as a report's variant order does.
    public static func bar(
        _ chart: BarChart,
        width: Double = 720,
        variants: [String] = [],
        options: ReportOptions = ReportOptions()
    ) -> String {
        BarChartSVG.render(
            chart,
            width: width,
            safety: TextSafety(showNumbers: options.showNumbers),
            palette: Palette(variants: variants),
            standalone: true
        ) + "\n"
    }

    /// A line chart over time or a number.
    public static func line(
        _ chart: LineChart,
        width: Double = 720,
        variants: [String] = [],
        options: ReportOptions = ReportOptions()
    ) -> String {
        LineChartSVG.render(
            chart,
            width: width,
            safety: TextSafety(showNumbers: options.showNumbers),
            palette: Palette(variants: variants),
            standalone: true
        ) + "\n"
    }

    /// A forest plot of lifts.
    public static func forest(
        _ plot: ForestPlot,
        width: Double = 720,
        options: ReportOptions = ReportOptions()
    )
        -> String
    {
        ForestPlotSVG.render(plot, width: width, safety: TextSafety(showNumbers: options.showNumbers), standalone: true)
            + "\n"
    }

    /// A histogram or ECDF with its markers.
    public static func distribution(
        _ chart: DistributionChart,
        width: Double = 720,
        variants: [String] = [],
        options: ReportOptions = ReportOptions()
    ) -> String {
        DistributionSVG.render(
            chart,
            width: width,
            safety: TextSafety(showNumbers: options.showNumbers),
            palette: Palette(variants: variants),
            standalone: true
        ) + "\n"
    }

    /// Writes `svg` to `path` as UTF-8.
    public static func write(_ svg: String, to path: String) throws(ReportError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(svg.utf8)) else {
            throw .cannotWrite(path: path, reason: "the file cannot be created (does the folder exist?)")
        }
    }
}
