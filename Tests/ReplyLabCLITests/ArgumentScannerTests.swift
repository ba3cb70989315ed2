import Testing

@testable import ReplyLabCLI

/// A fixture command tree shaped like the real one: a group with leaves, and a top-level leaf.
private struct Simulate: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "simulate",
            abstract: "Run an experiment.",
            arguments: [ArgumentSpec("experiment", help: "Experiment JSON.")],
            options: [
                .option("seed", short: "s", value: "n", help: "Random seed."),
                .option("variant", value: "name", help: "Only this arm.", repeatable: true),
                .option("offset", value: "hours", help: "Shift the start."),
                .flag("json", help: "Print JSON."),
            ]
        )
    }
    let parsed: ParsedArguments
    init(arguments: ParsedArguments) throws {
        parsed = arguments
        if let seed = try arguments.unsigned64("seed"), seed == 13 {
            throw UsageError("seed 13 is unlucky; pick another")
        }
    }
    func run(_ console: Console) throws -> Int32 {
        console.out("experiment=\(parsed.argument("experiment") ?? "-")")
        console.out("seed=\(parsed.value("seed") ?? "-") json=\(parsed.flag("json"))")
        console.out("variants=\(parsed.values("variant").joined(separator: ","))")
        console.out("offset=\(parsed.value("offset") ?? "-")")
        return 0
    }
}

private struct Lint: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "lint",
            abstract: "Check flows.",
            arguments: [ArgumentSpec("file", help: "Flow files.", variadic: true)],
            options: [.flag("json", help: "Print JSON.")]
        )
    }
    let files: [String]
    init(arguments: ParsedArguments) throws { files = arguments.arguments("file") }
    func run(_ console: Console) throws -> Int32 {
        console.out(files.joined(separator: "|"))
        return files.contains("bad.json") ? 1 : 0
    }
}

private struct Explode: Command {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "cannot open 'x.db': unable to open database file (code 14)" }
    }
    static var configuration: CommandConfiguration { CommandConfiguration(name: "explode", abstract: "Fails.") }
    init(arguments: ParsedArguments) throws {}
    func run(_ console: Console) throws -> Int32 { throw Failure() }
}

private struct Flow: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(name: "flow", abstract: "Work with flows.", subcommands: [Lint.self])
    }
}

private var root: CommandConfiguration {
    CommandConfiguration(
        name: "replylab",
        abstract: "Fixture root.",
        options: [.flag("version", help: "Show the version.")],
        subcommands: [Simulate.self, Flow.self, Explode.self]
    )
}

private func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    let console = Console.captured()
    let status = ReplyLab.run(arguments, console: console, root: root)
    return (status, console.output, console.errors)
}

@Suite struct ArgumentScannerTests {
    @Test func separateAndInlineValuesAreTheSame() {
        let separate = run(["simulate", "exp.json", "--seed", "7"])
        let inline = run(["simulate", "exp.json", "--seed=7"])
        let short = run(["simulate", "-s", "7", "exp.json"])
        #expect(separate.status == 0)
        #expect(separate.out.contains("experiment=exp.json"))
        #expect(separate.out.contains("seed=7 json=false"))
        #expect(inline.out == separate.out)
        #expect(short.out == separate.out)
    }

    @Test func flagsAndRepeatedOptions() {
        let result = run(["simulate", "--json", "--variant", "a", "e.json", "--variant=b"])
        #expect(result.status == 0)
        #expect(result.out.contains("json=true"))
        #expect(result.out.contains("variants=a,b"))
    }

    @Test func inlineValueMayContainEqualsAndNegativeNumbersAreValues() {
        let result = run(["simulate", "e.json", "--variant=x=y", "--offset", "-5"])
        #expect(result.status == 0)
        #expect(result.out.contains("variants=x=y"))
        #expect(result.out.contains("offset=-5"))
    }

    @Test func doubleDashEndsOptions() {
        let result = run(["flow", "lint", "--", "--json", "-x.json"])
        #expect(result.status == 0)
        #expect(result.out == "--json|-x.json\n")
    }

    @Test func subSubcommandWithVariadicArguments() {
        let result = run(["flow", "lint", "a.json", "b.json", "bad.json"])
        #expect(result.status == 1)
        #expect(result.out == "a.json|b.json|bad.json\n")
    }

    @Test(arguments: [
        (["simulat"], "unknown command 'simulat'; did you mean 'simulate'?"),
        (["smiulate"], "unknown command 'smiulate'; did you mean 'simulate'?"),
        (["flow", "lnt"], "unknown command 'lnt'; did you mean 'lint'?"),
        (["simulate", "e.json", "--seeds", "1"], "unknown option '--seeds'; did you mean '--seed'?"),
        (["flow", "lint", "--jsno", "a"], "unknown option '--jsno'; did you mean '--json'?"),
        (["--verison"], "unknown option '--verison'; did you mean '--version'?"),
    ])
    func unknownNamesSuggestTheClosestAndExit64(arguments: [String], message: String) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("error: \(message)\nusage: replylab"))
    }

    @Test func farOffNamesGetNoSuggestion() {
        let result = run(["zebra"])
        #expect(result.status == 64)
        #expect(result.err.hasPrefix("error: unknown command 'zebra'\n"))
    }

    @Test(arguments: [
        (["simulate"], "missing <experiment>"),
        (["simulate", "e.json", "extra"], "unexpected argument 'extra'"),
        (["simulate", "e.json", "--seed"], "--seed needs a value; type --seed <n>"),
        (["simulate", "e.json", "--seed", "--json"], "--seed needs a value; type --seed <n>"),
        (["simulate", "e.json", "--json=yes"], "--json is a flag and takes no value; type --json"),
        (["simulate", "e.json", "--seed", "1", "--seed", "2"], "--seed was given more than once; give it once"),
        (["simulate", "e.json", "--seed", "abc"], "--seed expects a number from 0 to 18446744073709551615, got 'abc'"),
        (["simulate", "e.json", "--seed", "13"], "seed 13 is unlucky; pick another"),
    ])
    func usageMistakesExit64WithUsage(arguments: [String], message: String) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.err.contains("error: \(message)\n"))
        #expect(
            result.err.contains(
                "usage: replylab simulate [--seed <n>] [--variant <name> ...] [--offset <hours>] [--json] <experiment>"
            )
        )
    }

    @Test func lowerLayerErrorsPrintOneLineAndExit1() {
        let result = run(["explode"])
        #expect(result.status == 1)
        #expect(result.err == "error: cannot open 'x.db': unable to open database file (code 14)\n")
    }

    @Test func helpInEveryForm() {
        let forms = [
            ["simulate", "--help"], ["simulate", "-h"], ["help", "simulate"], ["simulate", "e.json", "--help"],
        ]
        let pages = forms.map { run($0) }
        for page in pages {
            #expect(page.status == 0)
            #expect(page.out == pages[0].out)
        }
        #expect(pages[0].out.hasPrefix("OVERVIEW: Run an experiment.\n\nUSAGE: replylab simulate"))
        #expect(pages[0].out.contains("  -s, --seed <n>          Random seed.\n"))
        #expect(pages[0].out.contains("  <experiment>            Experiment JSON.\n"))
    }

    @Test func groupsListTheirSubcommands() {
        let help = run(["help", "flow"])
        let bare = run(["flow"])
        #expect(help.status == 0)
        #expect(bare.out == help.out)
        #expect(help.out.contains("SUBCOMMANDS:\n  lint                    Check flows.\n"))
        #expect(help.out.contains("See 'replylab help flow <subcommand>' for detailed help."))
        #expect(run(["help", "flow", "lint"]).out.hasPrefix("OVERVIEW: Check flows."))
        #expect(run(["help", "flwo"]).status == 64)
    }

    @Test func versionAndRootHelp() {
        #expect(run(["--version"]).out == "replylab \(ReplyLab.version)\n")
        let help = run(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("  simulate                Run an experiment.\n"))
        #expect(run([]).out == help.out)
    }

    @Test(
        arguments: [
            ("simulat", "simulate"), ("lnit", "lint"), ("sed", "seed"), ("z", nil), ("database", nil),
        ] as [(String, String?)]
    )
    func suggestionIsTheNearestPlausibleName(typed: String, expected: String?) {
        #expect(Suggestion.closest(to: typed, in: ["simulate", "lint", "seed", "db"]) == expected)
    }
}
