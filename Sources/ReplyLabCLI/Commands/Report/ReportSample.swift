import Reports

/// `replylab report sample --out DIR [--show-numbers]`: writes the built-in sample report, every block in use.
struct ReportSample: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "sample",
            abstract: "Write a sample report from built-in made-up numbers, to check how reports look.",
            discussion: """
                Uses every kind of block (health banner, results table, forest plot, funnel, distributions, charts, \
                confusion table, audit, methods) with cart-recovery-shaped numbers that are not measured. Open \
                DIR/index.html in a browser, or screenshot it with scripts/screenshot-report.sh. Also writes two \
                standalone SVG charts and a markdown table as notebooks embed them. Same bytes every run.
                """,
            options: [
                .option("out", short: "o", value: "dir", help: "Folder for index.html and the CSV files (created)."),
                .flag("show-numbers", help: "Show phone numbers found in text instead of masking them."),
            ]
        )
    }

    let folder: String
    let showNumbers: Bool

    init(arguments: ParsedArguments) throws {
        folder = try arguments.required("out")
        showNumbers = arguments.flag("show-numbers")
    }

    func run(_ console: Console) throws -> Int32 {
        let options = ReportOptions(showNumbers: showNumbers)
        let report = ReportBundle.files(SampleReport.document(), options: options)
        let pieces = SampleReport.notebookPieces(options: options)
        let paths = try ReportBundle.write(report + pieces, to: folder)
        let names = pieces.map(\.name).joined(separator: ", ")
        console.out("Wrote \(paths.first ?? folder), \(report.count - 1) CSV files and notebook pieces (\(names)).")
        return ExitStatus.success
    }
}
