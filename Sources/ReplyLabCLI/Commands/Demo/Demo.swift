import Foundation

/// `replylab demo [--customers N]`: the whole pipeline on the bundled experiment, in one command.
///
/// It runs the same `simulate` and `analyze` a user would type, in-process, so the demo can never show
/// something the real commands do not do.
struct Demo: Command {
    static let defaultExperiment = "datasets/experiments/cart-recovery.json"
    static let defaultFolder = "reports/demo"

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "demo",
            abstract: "Simulate the bundled cart-recovery experiment, analyse it and write reports/demo/index.html.",
            discussion: """
                Generates the experiment's synthetic customers, runs one-way and conversational cart recovery \
                (and a holdout) through the real flow engine, the Messaging gate, the carrier and the agent pool \
                into a fresh event log (FOLDER/demo.sqlite), then writes the report (index.html and one CSV per \
                table) into FOLDER and prints the verdict. The same seed gives the same bytes. Run it from the \
                repository root, where datasets/ is.
                """,
            options: [
                .option(
                    "customers",
                    short: "n",
                    value: "n",
                    help: "How many customers (default: the experiment's 50,000)."
                ),
                .option("seed", value: "seed", help: "Random seed (default: the experiment's)."),
                .option(
                    "jobs",
                    short: "j",
                    value: "n",
                    help: "Shards simulated at once (default: the processor count)."
                ),
                .option("experiment", value: "file", help: "Another experiment file (default: \(defaultExperiment))."),
                .option(
                    "out",
                    short: "o",
                    value: "dir",
                    help: "Folder for the report and its event log (default: \(defaultFolder))."
                ),
            ]
        )
    }

    let experiment: String
    let folder: String
    let passedOn: [String]

    init(arguments: ParsedArguments) throws {
        experiment = arguments.value("experiment") ?? Self.defaultExperiment
        folder = arguments.value("out") ?? Self.defaultFolder
        guard !folder.isEmpty else { throw UsageError("give a folder for the report: --out reports/demo") }
        var passedOn: [String] = []
        if let customers = try arguments.integer("customers", in: 1...50_000_000) {
            passedOn += ["--customers", String(customers)]
        }
        if let seed = arguments.value("seed") { passedOn += ["--seed", seed] }
        if let jobs = try arguments.integer("jobs", in: 1...256) { passedOn += ["--jobs", String(jobs)] }
        self.passedOn = passedOn
    }

    func run(_ console: Console) throws -> Int32 {
        guard FileManager.default.fileExists(atPath: experiment) else {
            console.err(
                "error: \(experiment) not found: run 'replylab demo' from the repository root (where datasets/ is), "
                    + "or name an experiment with --experiment FILE"
            )
            return ExitStatus.failure
        }
        let database = (folder as NSString).appendingPathComponent("demo.sqlite")
        try clearEarlierOutput()

        console.err("simulating \(experiment) into \(database)")
        let simulated = ReplyLab.run(["simulate", experiment, "--db", database] + passedOn, console: console)
        guard simulated == ExitStatus.success else { return simulated }

        console.out()
        return ReplyLab.run(["analyze", "--db", database, "--out", folder], console: console)
    }

    /// A demo always starts from an empty log, and files an earlier demo wrote (a table that no longer exists)
    /// must not linger beside the new report. Only the kinds of file the demo writes are removed.
    private func clearEarlierOutput() throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: folder) {
            let isOurs = name.hasSuffix(".csv") || name.hasSuffix(".html") || name.hasPrefix("demo.sqlite")
            if isOurs { try fileManager.removeItem(atPath: (folder as NSString).appendingPathComponent(name)) }
        }
    }
}
