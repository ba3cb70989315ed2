/// Turns `CommandLine.arguments` into a command to run, a help page to print, or a usage error.
///
/// Accepted forms: subcommands and sub-subcommands (`db info`), `--opt value`, `--opt=value`, `-o value` for
/// declared short names, boolean flags, repeated options where declared, and `--` to end options. `-h`/`--help`
/// anywhere before `--` asks for help on the command typed so far; `help COMMAND…` does the same.
struct ArgumentScanner {
    enum Outcome {
        case run(any Command.Type, ParsedArguments)
        case help(path: [String], configuration: CommandConfiguration)
        case version
    }

    /// A usage error together with the command it concerns, so its usage can be printed beside it.
    struct Failure: Error {
        var error: UsageError
        var path: [String]
        var usage: String

        init(error: UsageError, path: [String], configuration: CommandConfiguration) {
            self.error = error
            self.path = path
            self.usage = Help.usage(path: path, configuration: configuration)
        }
    }

    let root: CommandConfiguration

    func scan(_ arguments: [String]) throws(Failure) -> Outcome {
        var path: [String] = []
        var configuration = root
        var command: (any Command.Type)?
        var index = 0

        while index < arguments.count, !configuration.subcommands.isEmpty {
            let token = arguments[index]
            if token == "--help" || token == "-h" { return .help(path: path, configuration: configuration) }
            if path.isEmpty, token == "--version" { return .version }
            if path.isEmpty, token == "help" {
                return try helpOutcome(for: Array(arguments[(index + 1)...]))
            }
            if token.hasPrefix("-") {
                let names = configuration.options.map { "--\($0.name)" } + ["--help"]
                throw fail(unknown: "option", token, among: names, path, configuration)
            }
            guard let next = configuration.subcommands.first(where: { $0.configuration.name == token }) else {
                let names = configuration.subcommands.map { $0.configuration.name } + (path.isEmpty ? ["help"] : [])
                throw fail(unknown: "command", token, among: names, path, configuration)
            }
            path.append(token)
            configuration = next.configuration
            command = next
            index += 1
        }
        guard let command, configuration.subcommands.isEmpty else {
            return .help(path: path, configuration: configuration)
        }
        return try scanLeaf(Array(arguments[index...]), command: command, path: path, configuration: configuration)
    }

    private func scanLeaf(
        _ tokens: [String],
        command: any Command.Type,
        path: [String],
        configuration: CommandConfiguration
    ) throws(Failure) -> Outcome {
        var parsed = ParsedArguments(commandPath: path)
        parsed.commandTree = root
        var positional: [String] = []
        var optionsEnded = false
        var index = 0
        func failure(_ message: String) -> Failure {
            Failure(error: UsageError(message), path: path, configuration: configuration)
        }

        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if optionsEnded || !looksLikeOption(token) {
                positional.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            if token == "--help" || token == "-h" { return .help(path: path, configuration: configuration) }

            let (spelled, inlineValue) = splitOption(token)
            let spec: OptionSpec?
            if spelled.hasPrefix("--") {
                spec = configuration.options.first { "--\($0.name)" == spelled }
            } else {
                spec = configuration.options.first { $0.short.map { "-\($0)" } == spelled }
            }
            guard let spec else {
                let names = configuration.options.map { "--\($0.name)" } + ["--help"]
                throw fail(unknown: "option", spelled, among: names, path, configuration)
            }
            if spec.isFlag {
                if inlineValue != nil {
                    throw failure("--\(spec.name) is a flag and takes no value; type --\(spec.name)")
                }
                parsed.flags.insert(spec.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < tokens.count, !isKnownOption(tokens[index], configuration) {
                value = tokens[index]
                index += 1
            } else {
                throw failure("--\(spec.name) needs a value; type --\(spec.name) <\(spec.valueName ?? "value")>")
            }
            if !spec.isRepeatable, parsed.options[spec.name] != nil {
                throw failure("--\(spec.name) was given more than once; give it once")
            }
            parsed.options[spec.name, default: []].append(value)
        }

        var remaining = positional[...]
        for spec in configuration.arguments {
            if spec.isVariadic {
                if remaining.isEmpty, !spec.isOptional { throw failure("missing <\(spec.name)>") }
                parsed.positionals[spec.name] = Array(remaining)
                remaining = []
            } else if let first = remaining.first {
                parsed.positionals[spec.name] = [first]
                remaining = remaining.dropFirst()
            } else if !spec.isOptional {
                throw failure("missing <\(spec.name)>")
            }
        }
        if let extra = remaining.first {
            throw failure("unexpected argument '\(extra)'")
        }
        return .run(command, parsed)
    }

    private func helpOutcome(for names: [String]) throws(Failure) -> Outcome {
        var path: [String] = []
        var configuration = root
        for name in names {
            guard let next = configuration.subcommands.first(where: { $0.configuration.name == name }) else {
                let candidates = configuration.subcommands.map { $0.configuration.name }
                throw fail(unknown: "command", name, among: candidates, path, configuration)
            }
            path.append(name)
            configuration = next.configuration
        }
        return .help(path: path, configuration: configuration)
    }

    /// `-x`, `--x` and `--x=v` are options; `-` (standard input) and negative numbers are positional.
    private func looksLikeOption(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token != "-" else { return false }
        let rest = token.dropFirst()
        return !(rest.first.map { $0.isNumber || $0 == "." } ?? false)
    }

    private func isKnownOption(_ token: String, _ configuration: CommandConfiguration) -> Bool {
        guard looksLikeOption(token) else { return false }
        if token == "--" || token == "--help" || token == "-h" { return true }
        let spelled = splitOption(token).name
        return configuration.options.contains { "--\($0.name)" == spelled || $0.short.map { "-\($0)" } == spelled }
    }

    private func splitOption(_ token: String) -> (name: String, value: String?) {
        guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }

    private func fail(
        unknown kind: String,
        _ typed: String,
        among candidates: [String],
        _ path: [String],
        _ configuration: CommandConfiguration
    ) -> Failure {
        var message = "unknown \(kind) '\(typed)'"
        if let suggestion = Suggestion.closest(to: typed, in: candidates) {
            message += "; did you mean '\(suggestion)'?"
        }
        return Failure(error: UsageError(message), path: path, configuration: configuration)
    }
}
