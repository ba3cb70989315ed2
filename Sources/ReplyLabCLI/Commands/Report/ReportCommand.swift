/// `replylab report …`: render and check HTML/CSV reports.
struct ReportCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "report",
            abstract: "Render and check HTML/CSV reports.",
            discussion: """
                A report is one self-contained HTML file (inline CSS and SVG, no network, no JavaScript) with a CSV \
                twin of every table and a side-car naming each column's unit. `replylab analyze` writes them for a run.
                """,
            subcommands: [ReportSample.self]
        )
    }
}
