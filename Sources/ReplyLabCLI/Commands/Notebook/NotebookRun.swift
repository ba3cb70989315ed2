/// `replylab notebook run FILE.md… [--db FILE] [--check]`: runs each notebook's blocks in document order and writes
/// their results in place, or checks that the committed results are what the code computes now.
struct NotebookRun: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "run",
            abstract: "Run notebooks block by block and write each result right below its block.",
            discussion: """
                Runs ```sql blocks on a read-only connection and ```replylab blocks (one of: \
                \(NotebookCommands.allowed.joined(separator: ", "))) in document order; re-running replaces the \
                earlier output. Paths in blocks are relative to the current directory: run from the repository \
                root. A failed block gets its error written in place, the other blocks still run, and the command \
                exits 1. With --check, everything runs in a scratch folder and nothing is written: exit 1 lists \
                each block whose committed output is stale.
                """,
            arguments: [ArgumentSpec("file", help: "Markdown notebooks (.md), run one after another.", variadic: true)],
            options: [
                .option(
                    "db",
                    value: "file",
                    help: "Database for sql blocks, and for replylab blocks that take --db and give none."
                ),
                .flag("check", help: "Run in a scratch folder, write nothing, exit 1 when committed output is stale."),
            ]
        )
    }

    let files: [String]
    let database: String?
    let check: Bool
    let tree: CommandConfiguration

    init(arguments: ParsedArguments) throws {
        files = arguments.arguments("file")
        if let other = files.first(where: { !$0.hasSuffix(".md") && !$0.hasSuffix(".markdown") }) {
            throw UsageError("notebooks are markdown files ending in .md; got '\(other)'")
        }
        database = arguments.value("db")
        if database?.isEmpty == true { throw UsageError("--db needs a file, e.g. --db runs.sqlite") }
        check = arguments.flag("check")
        tree = arguments.commandTree ?? ReplyLab.configuration
    }

    func run(_ console: Console) throws -> Int32 {
        let runner = NotebookRunner(root: tree, allowed: NotebookCommands.allowed, database: database, check: check)
        var succeeded = true
        for file in files {
            let outcome: NotebookRunner.Outcome
            do {
                outcome = try runner.run(file: file)
            } catch {
                console.err("error: \(ReplyLab.describe(error))")
                succeeded = false
                continue
            }
            for line in outcome.warnings + outcome.failures + outcome.stale { console.err(line) }
            if !outcome.failures.isEmpty || !outcome.stale.isEmpty { succeeded = false }
            console.out(summary(file, outcome))
        }
        return succeeded ? ExitStatus.success : ExitStatus.failure
    }

    private func summary(_ file: String, _ outcome: NotebookRunner.Outcome) -> String {
        let blocks = "\(outcome.blocks) block\(outcome.blocks == 1 ? "" : "s")"
        let failed = outcome.failures.isEmpty ? "" : ", \(outcome.failures.count) failed"
        if check {
            if outcome.stale.isEmpty { return "\(file): \(blocks)\(failed), output up to date." }
            return "\(file): \(blocks)\(failed), \(outcome.stale.count) stale; run 'replylab notebook run \(file)' "
                + "and commit the result."
        }
        let written =
            outcome.written.isEmpty ? "already up to date" : "wrote " + outcome.written.joined(separator: ", ")
        return "\(file): ran \(blocks)\(failed); \(written)."
    }
}
