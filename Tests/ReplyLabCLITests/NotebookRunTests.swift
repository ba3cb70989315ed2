import Foundation
import Store
import Testing

@testable import ReplyLabCLI

/// Stands in for `replylab simulate`: appends a run of two arms to --db, as the real simulator appends a run.
private struct FixtureSimulate: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "simulate",
            abstract: "Write two arms to an event log.",
            options: [
                .option("db", value: "file", help: "Event log."),
                .option("seed", value: "n", help: "Seed."),
                .option("out", value: "dir", help: "Report folder."),
                .flag("json", help: "Print JSON rows."),
                .flag("fail", help: "Fail as a broken experiment would."),
            ]
        )
    }

    let database: String
    let seed: Int64
    let out: String?
    let json: Bool
    let fail: Bool

    init(arguments: ParsedArguments) throws {
        database = try arguments.required("db")
        seed = Int64(try arguments.integer("seed", in: 0...99) ?? 1)
        out = arguments.value("out")
        json = arguments.flag("json")
        fail = arguments.flag("fail")
    }

    func run(_ console: Console) throws -> Int32 {
        if fail {
            console.out("Read the experiment.")
            console.err("error: the experiment has no arms")
            return ExitStatus.failure
        }
        let db = try Database(path: database)
        try db.execute("CREATE TABLE IF NOT EXISTS arms (run INTEGER, variant TEXT, sent INTEGER, replied INTEGER)")
        let run = try db.integer("SELECT coalesce(max(run), 0) + 1 FROM arms")
        let arms: [(String, Int64, Int64)] = [("one-way", 1_000, 80 + seed), ("two-way", 1_000, 180 + 2 * seed)]
        let insert = try db.prepare("INSERT INTO arms VALUES (?, ?, ?, ?)")
        for (variant, sent, replied) in arms {
            try insert.bind(run, at: 1)
            try insert.bind(variant, at: 2)
            try insert.bind(sent, at: 3)
            try insert.bind(replied, at: 4)
            try insert.execute()
        }
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try Data("run \(run)\n".utf8).write(to: URL(fileURLWithPath: out + "/summary.txt"))
        }
        if json {
            let rows = arms.map { #"{"variant":"\#($0.0)","sent":\#($0.1),"replied":\#($0.2)}"# }
            console.out("[" + rows.joined(separator: ",") + "]")
        } else {
            console.out(
                "Simulated run \(run) (seed \(seed)) into \(database)"
                    + (out.map { " and wrote \($0)/summary.txt" } ?? "")
            )
        }
        return ExitStatus.success
    }
}

/// Stands in for `replylab analyze`: reads --db and warns on standard error, as a command with a caveat would.
private struct FixtureAnalyze: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "analyze",
            abstract: "Count what an event log holds.",
            options: [.option("db", value: "file", help: "Event log."), .flag("verbose", help: "More.")]
        )
    }

    let database: String

    init(arguments: ParsedArguments) throws {
        database = try arguments.required("db")
    }

    func run(_ console: Console) throws -> Int32 {
        let db = try Database(path: database, mode: .readOnly)
        console.out(
            "\(try db.integer("SELECT count(DISTINCT run) FROM arms")) runs, \(try db.integer("SELECT sum(sent) FROM arms")) sent"
        )
        console.err("warning: no holdout arm")
        return ExitStatus.success
    }
}

/// A command notebooks must not run.
private struct FixtureExport: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "export",
            abstract: "Write files.",
            options: [.option("out", value: "file", help: "File.")]
        )
    }
    let out: String
    init(arguments: ParsedArguments) throws { out = try arguments.required("out") }
    func run(_ console: Console) throws -> Int32 {
        try Data("exported".utf8).write(to: URL(fileURLWithPath: out))
        return ExitStatus.success
    }
}

/// `replylab notebook run` end to end on a fixture command tree and real SQLite files in a temporary folder.
@Suite struct NotebookRunTests {
    static var root: CommandConfiguration {
        CommandConfiguration(
            name: "replylab",
            abstract: "Fixture tree.",
            subcommands: [
                NotebookCommand.self, FixtureSimulate.self, FixtureAnalyze.self, FixtureExport.self,
                DatabaseCommand.self,
            ]
        )
    }

    let folder: String

    init() throws {
        folder =
            FileManager.default.temporaryDirectory.appendingPathComponent("notebook-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(["notebook", "run"] + arguments, console: console, root: Self.root)
        return (status, console.output, console.errors)
    }

    func files() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
    }

    var arms: String {
        """
        # Arms

        ```replylab fresh
        replylab simulate --db \(folder)/arms.sqlite --seed 3 \\
          --out \(folder)/report
        ```

        ```sql chart=bar x=variant y=replied name=replies title="Replies"
        SELECT variant, sent, replied, round(1.0 * replied / sent, 4) AS reply_rate
        FROM arms ORDER BY variant
        ```

        Prose the runner leaves alone.

        ```replylab table
        replylab simulate --seed 4 --json
        ```

        ```replylab
        replylab analyze
        ```

        """
    }

    @Test func runWritesEveryResultInPlaceAndASecondRunChangesNothing() throws {
        let notebook = try write("arms.md", arms)
        let first = run([notebook])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == "\(notebook): ran 4 blocks; wrote \(notebook), \(folder)/arms-replies.svg.\n")
        #expect(
            first.errors
                == "\(notebook):19: block 4 (replylab analyze) wrote to standard error:\nwarning: no holdout arm\n"
        )
        let text = try read(notebook)
        #expect(
            text.contains(
                """
                ```

                <!-- replylab:output -->

                ```text
                Simulated run 1 (seed 3) into \(folder)/arms.sqlite and wrote \(folder)/report/summary.txt
                ```

                <!-- /replylab:output -->
                """
            )
        )
        #expect(
            text.contains(
                """
                <!-- replylab:output -->

                ![Replies](arms-replies.svg)

                | variant | sent | replied | reply\\_rate |
                | :--- | ---: | ---: | ---: |
                | one-way | 1000 | 83 | 0.083 |
                | two-way | 1000 | 186 | 0.186 |

                <!-- /replylab:output -->

                Prose the runner leaves alone.
                """
            )
        )
        // The JSON block has no --db: it gets the notebook's database, the one the first block named.
        #expect(
            text.contains(
                """
                | variant | sent | replied |
                | :--- | ---: | ---: |
                | one-way | 1000 | 84 |
                | two-way | 1000 | 188 |
                """
            )
        )
        #expect(text.contains("```text\n2 runs, 4000 sent\n```"))
        #expect(!text.contains("warning"))
        let svg = try read(folder + "/arms-replies.svg")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">Replies</text>"))

        let second = run([notebook])
        #expect(second.status == 0)
        #expect(second.output == "\(notebook): ran 4 blocks; already up to date.\n")
        #expect(try read(notebook) == text)
        #expect(try read(folder + "/arms-replies.svg") == svg)
    }

    @Test func checkPassesOnFreshOutputInAScratchFolderAndWritesNothing() throws {
        let notebook = try write("arms.md", arms)
        #expect(run([notebook]).status == 0)
        try FileManager.default.removeItem(atPath: folder + "/arms.sqlite")
        try FileManager.default.removeItem(atPath: folder + "/report")
        let before = try files()
        let committed = try read(notebook)

        let check = run([notebook, "--check"])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output == "\(notebook): 4 blocks, output up to date.\n")
        #expect(try files() == before)
        #expect(!FileManager.default.fileExists(atPath: folder + "/arms.sqlite"))
        #expect(try read(notebook) == committed)
        #expect(!check.errors.contains(FileManager.default.temporaryDirectory.path + "/replylab-notebook-"))
    }

    @Test func checkListsEachStaleBlockAndChartWithoutWriting() throws {
        let notebook = try write("arms.md", arms + "```sql\nSELECT count(*) AS n FROM arms\n```\n")
        #expect(run([notebook]).status == 0)
        let edited = try read(notebook).replacingOccurrences(
            of: "| two-way | 1000 | 186 | 0.186 |",
            with: "| two-way | 1000 | 190 | 0.190 |"
        )
        .replacingOccurrences(
            of: "\n\n<!-- replylab:output -->\n\n| n |\n| ---: |\n| 4 |\n\n<!-- /replylab:output -->",
            with: ""
        )
        try Data(edited.utf8).write(to: URL(fileURLWithPath: notebook))
        try FileManager.default.removeItem(atPath: folder + "/arms-replies.svg")

        let check = run([notebook, "--check"])
        #expect(check.status == 1)
        #expect(
            check.errors.contains(
                "\(notebook):16: block 2 (sql): output is stale; line 28 reads '| two-way | 1000 | 190 | 0.190 |' "
                    + "but the code now gives '| two-way | 1000 | 186 | 0.186 |'\n"
            )
        )
        #expect(check.errors.contains("\(notebook):58: block 5 (sql): no output committed yet\n"))
        #expect(check.errors.contains("\(folder)/arms-replies.svg: chart not committed yet\n"))
        #expect(!check.errors.contains("block 1"))
        #expect(check.output.contains("3 stale; run 'replylab notebook run \(notebook)' and commit the result."))
        #expect(try read(notebook) == edited)
        #expect(!FileManager.default.fileExists(atPath: folder + "/arms-replies.svg"))
    }

    @Test func checkRunsOnACopyOfAnExistingDatabaseAndPrintsPathsAsWritten() throws {
        let database = folder + "/shared.sqlite"
        let seedRun = Console.captured()
        #expect(ReplyLab.run(["simulate", "--db", database], console: seedRun, root: Self.root) == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: database))
        let notebook = try write(
            "shared.md",
            "```replylab\nreplylab simulate --seed 5\n```\n\n```sql\nSELECT count(DISTINCT run) AS runs FROM arms\n```\n"
        )

        let unrun = run([notebook, "--db", database, "--check"])
        #expect(unrun.status == 1)
        #expect(unrun.errors.contains("\(notebook):1: block 1 (replylab simulate): no output committed yet"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == original)

        #expect(run([notebook, "--db", database]).status == 0)
        let text = try read(notebook)
        #expect(text.contains("```text\nSimulated run 2 (seed 5) into \(database)\n```"))
        #expect(text.contains("| runs |\n| ---: |\n| 2 |"))

        // Back to the one-run file the notebook was written against: the check appends run 2 to its own copy.
        try original.write(to: URL(fileURLWithPath: database))
        try? FileManager.default.removeItem(atPath: database + "-wal")
        let check = run([notebook, "--db", database, "--check"])
        #expect(check.status == 0, "\(check.errors)")
        #expect(try Database(path: database, mode: .readOnly).integer("SELECT count(DISTINCT run) FROM arms") == 1)
    }

    @Test func chartsAreNamedByTheirOrderOrTheirNameAndNamesDoNotCollide() throws {
        let database = folder + "/n.sqlite"
        try Database(path: database).execute(
            "CREATE TABLE t (k TEXT, v INTEGER); INSERT INTO t VALUES ('a', 1), ('b', 3)"
        )
        let notebook = try write(
            "charts.md",
            """
            ```sql chart=bar
            SELECT k, v FROM t ORDER BY k
            ```

            ```sql
            SELECT 1 AS plain
            ```

            ```sql chart=line x=v y=v
            SELECT v FROM t ORDER BY v
            ```

            ```sql chart=bar name=2
            SELECT k, v FROM t
            ```

            """
        )
        let result = run([notebook, "--db", database])
        #expect(result.status == 1)
        #expect(try files().filter { $0.hasSuffix(".svg") } == ["charts-1.svg", "charts-2.svg"])
        let text = try read(notebook)
        #expect(text.contains("![v by k](charts-1.svg)"))
        #expect(text.contains("![v by v](charts-2.svg)"))
        #expect(text.contains("> **Error:** name=2 is already the chart of block 3; give this chart its own name"))
    }

    @Test func helpInABlockShowsTheCommandsHelp() throws {
        let notebook = try write("help.md", "```replylab\nreplylab simulate --help\n```\n")
        #expect(run([notebook]).status == 0)
        #expect(
            try read(notebook).contains(
                "```text\nOVERVIEW: Write two arms to an event log.\n\nUSAGE: replylab simulate"
            )
        )
    }

    @Test func disallowedCommandsAndShellTricksAreRefusedInPlaceAndTheRestStillRuns() throws {
        let notebook = try write(
            "refused.md",
            """
            ```replylab
            replylab export --out \(folder)/exported.txt
            ```

            ```replylab
            replylab db init \(folder)/new.sqlite
            ```

            ```replylab
            replylab simulate --db \(folder)/a.sqlite; replylab export --out x
            ```

            ```replylab
            replylab simulate --db \(folder)/a.sqlite
            replylab analyze --db \(folder)/a.sqlite
            ```

            ```replylab
            replylab simulate --db \(folder)/b.sqlite --seed 2
            ```

            """
        )
        let result = run([notebook])
        #expect(result.status == 1)
        let text = try read(notebook)
        #expect(
            text.contains(
                "> **Error:** refused: replylab export cannot run in a notebook; a replylab block may run simulate, "
                    + "analyze, audit, stats, power, staffing, import"
            )
        )
        #expect(text.contains("> **Error:** refused: replylab db init cannot run in a notebook"))
        #expect(text.contains("> **Error:** refused: ';' would start a second command"))
        #expect(text.contains("> **Error:** a replylab block holds one command"))
        #expect(text.contains("Simulated run 1 (seed 2) into \(folder)/b.sqlite"))
        #expect(result.errors.contains("\(notebook):1: block 1 (replylab export): refused: replylab export cannot run"))
        #expect(result.output == "\(notebook): ran 5 blocks, 4 failed; wrote \(notebook).\n")
        for never in ["exported.txt", "new.sqlite", "a.sqlite"] {
            #expect(!FileManager.default.fileExists(atPath: folder + "/" + never), "\(never)")
        }
    }

    @Test func sqlThatWouldWriteIsRefusedAndTheDatabaseIsUntouched() throws {
        let database = folder + "/arms.sqlite"
        let setup = try Database(path: database)
        try setup.execute("CREATE TABLE arms (run INTEGER, variant TEXT, sent INTEGER, replied INTEGER)")
        try setup.execute("INSERT INTO arms VALUES (1, 'one-way', 10, 1)")
        let notebook = try write(
            "writes.md",
            """
            ```sql
            DELETE FROM arms
            ```

            ```sql
            ATTACH '\(folder)/other.sqlite' AS other
            ```

            ```sql
            SELECT 1; DROP TABLE arms
            ```

            ```sql
            SELECT count(*) AS n FROM arms
            ```

            """
        )
        let result = run([notebook, "--db", database])
        #expect(result.status == 1)
        let text = try read(notebook)
        #expect(
            text.contains(
                "> **Error:** refused: sql blocks only read the database (DELETE from arms is not a query); change "
                    + "data with a replylab block such as replylab simulate or replylab import"
            )
        )
        #expect(text.contains("(ATTACH of another database is not a query)"))
        #expect(text.contains("(DROP TABLE arms is not a query)"))
        #expect(text.contains("| n |\n| ---: |\n| 1 |"))
        #expect(try Database(path: database, mode: .readOnly).integer("SELECT count(*) FROM arms") == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/other.sqlite"))
    }

    @Test func failuresAreWrittenInPlaceWithWhatTheCommandSaid() throws {
        let ok = folder + "/ok.sqlite"
        try Database(path: ok).execute("CREATE TABLE t (x INTEGER)")
        let notebook = try write(
            "failures.md",
            """
            ```replylab
            replylab simulate --db \(folder)/x.sqlite --fail
            ```

            ```replylab
            replylab simulate --db \(folder)/x.sqlite --sed 3
            ```

            ```sql db=\(ok)
            SELEC 1
            ```

            ```replylab table
            replylab analyze --db \(folder)/x.sqlite
            ```

            ```replylab fresh
            replylab analyze
            ```

            ```sql chart=line db=\(ok)
            SELECT 'a' AS day, 1 AS n
            ```

            ```replylab table
            replylab simulate --db \(folder)/y.sqlite
            ```

            """
        )
        let result = run([notebook])
        #expect(result.status == 1)
        let text = try read(notebook)
        #expect(
            text.contains(
                """
                ```text
                Read the experiment.
                ```

                > **Error:** replylab simulate exited with status 1

                ```text
                error: the experiment has no arms
                ```
                """
            )
        )
        #expect(
            text.contains(
                """
                > **Error:** unknown option '--sed'; did you mean '--seed'?

                ```text
                usage: replylab simulate [--db <file>] [--seed <n>] [--out <dir>] [--json] [--fail]
                ```
                """
            )
        )
        #expect(text.contains(#"> **Error:** SQLite: near "SELEC": syntax error"#))
        #expect(
            text.contains(
                "> **Error:** replylab analyze exited with status 1\n\n```text\nerror: no database at '\(folder)/x.sqlite'"
            )
        )
        #expect(
            text.contains(
                "> **Error:** fresh deletes the block's own --db file before it runs; give the command --db FILE"
            )
        )
        #expect(text.contains("> **Error:** chart=line needs numbers in x=day, and row 1 holds 'a'"))
        #expect(text.contains("| day | n |\n| :--- | ---: |\n| a | 1 |"))
        #expect(
            text.contains(
                "> **Error:** table and chart= need the command to print JSON rows (often its --json flag); line 1 of "
                    + "the output is not a JSON object\n\n```text\nSimulated run 1 (seed 1) into \(folder)/y.sqlite\n```"
            )
        )
        #expect(result.output == "\(notebook): ran 7 blocks, 7 failed; wrote \(notebook).\n")
        #expect(
            result.errors.contains(
                "\(notebook):13: block 4 (replylab analyze): replylab analyze exited with status 1\n"
            )
        )
    }

    @Test func sqlBlocksNeedADatabaseAndCanNameTheirOwn() throws {
        let other = folder + "/other.sqlite"
        try Database(path: other).execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)")
        let notebook = try write(
            "dbs.md",
            "```sql\nSELECT 1 AS x\n```\n\n```sql db=\(other)\nSELECT x FROM t\n```\n"
        )
        #expect(run([notebook]).status == 1)
        let text = try read(notebook)
        #expect(text.contains("> **Error:** this sql block has no database: run the notebook with --db FILE"))
        #expect(text.contains("| x |\n| ---: |\n| 7 |"))
    }

    @Test func aNotebookThatCannotBeRunSafelyIsLeftAlone() throws {
        let text = "```sql\nSELECT 1\n```\n\n<!-- replylab:output -->\nhand-written notes\n"
        let notebook = try write("broken.md", text)
        let result = run([notebook, "--db", ":memory:"])
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix("error: \(notebook):5: <!-- replylab:output --> has no <!-- /replylab:output -->")
        )
        #expect(result.errors.contains("the notebook was not run"))
        #expect(try read(notebook) == text)
    }

    @Test func usageMistakesSayWhatToType() {
        let wrongFile = run([folder + "/notes.txt"])
        #expect(wrongFile.status == 64)
        #expect(
            wrongFile.errors.hasPrefix("error: notebooks are markdown files ending in .md; got '\(folder)/notes.txt'")
        )
        #expect(run([]).status == 64)
        let missing = run([folder + "/none.md"])
        #expect(missing.status == 1)
        #expect(missing.errors.hasPrefix("error: cannot read \(folder)/none.md"))
    }

    @Test func theRealTreeHasTheCommandAndItsHelp() {
        let console = Console.captured()
        #expect(ReplyLab.run(["notebook", "run", "--help"], console: console) == 0)
        #expect(console.output.contains("USAGE: replylab notebook run [--db <file>] [--check] <file> ..."))
        #expect(console.output.contains("simulate, analyze, audit, stats, power, staffing, import"))
    }
}
