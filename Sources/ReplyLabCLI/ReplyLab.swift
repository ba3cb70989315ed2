/// The `replylab` program: scans the arguments, runs one command, and maps every outcome to an exit status.
public enum ReplyLab {
    /// The tool version recorded in `runs.tool_version` and printed by `--version`.
    public static let version = "0.1.0"

    /// The root of the command tree; subcommands come from `CommandRegistry`.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "replylab",
            abstract: "Test and measure conversational (two-way) SMS campaigns before and after launch.",
            discussion: """
                Lint and chat with flows, generate synthetic customers, simulate campaigns through the real flow \
                engine, import message logs, and read the lift with honest statistics.
                """,
            options: [.flag("version", help: "Show the version.")],
            subcommands: CommandRegistry.commands
        )
    }

    /// Runs `replylab` with `arguments` (without the program name) and returns the exit status.
    ///
    /// Usage mistakes print one line and the usage on stderr and return 64; any other error prints one line,
    /// no stack trace, and returns 1.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        run(arguments, console: console, root: configuration)
    }

    /// Runs against any command tree; tests use it with fixture commands.
    static func run(_ arguments: [String], console: Console, root: CommandConfiguration) -> Int32 {
        let scanner = ArgumentScanner(root: root)
        let outcome: ArgumentScanner.Outcome
        do {
            outcome = try scanner.scan(arguments)
        } catch {
            reportUsage(error.error, path: error.path, usage: error.usage, console: console)
            return ExitStatus.usage
        }
        switch outcome {
        case .version:
            console.out("replylab \(version)")
            return ExitStatus.success
        case .help(let path, let configuration):
            console.write(Help.render(path: path, configuration: configuration))
            return ExitStatus.success
        case .run(let type, let parsed):
            return execute(type, parsed, console: console)
        }
    }

    /// Validates and runs one scanned command, mapping its errors to exit statuses as `run` promises.
    static func execute(_ type: any Command.Type, _ parsed: ParsedArguments, console: Console) -> Int32 {
        do {
            let command = try type.init(arguments: parsed)
            return try command.run(console)
        } catch let error as UsageError {
            reportUsage(
                error,
                path: parsed.commandPath,
                usage: Help.usage(path: parsed.commandPath, configuration: type.configuration),
                console: console
            )
            return ExitStatus.usage
        } catch {
            console.err("error: \(describe(error))")
            return ExitStatus.failure
        }
    }

    private static func reportUsage(
        _ error: UsageError,
        path: [String],
        usage: String,
        console: Console
    ) {
        console.err("error: \(error.message)")
        console.err("usage: \(usage)")
        console.err("  See 'replylab help\(path.isEmpty ? "" : " " + path.joined(separator: " "))' for more.")
    }

    /// One line for any error: its own description when it has one, never a dump of its fields.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " — ")
    }
}
