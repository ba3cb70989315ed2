/// Renders `--help` pages in the headings users know from swift-argument-parser.
public enum Help {
    static let program = "replylab"

    /// The full help page of the command at `path` (names after `replylab`).
    public static func render(path: [String], configuration: CommandConfiguration) -> String {
        var lines: [String] = []
        lines.append("OVERVIEW: \(configuration.abstract)")
        if !configuration.discussion.isEmpty {
            lines.append("")
            lines.append(configuration.discussion)
        }
        lines.append("")
        lines.append("USAGE: \(usage(path: path, configuration: configuration))")

        if !configuration.arguments.isEmpty {
            lines.append("")
            lines.append("ARGUMENTS:")
            for argument in configuration.arguments {
                lines.append(row("<\(argument.name)>\(argument.isVariadic ? " ..." : "")", argument.help))
            }
        }
        lines.append("")
        lines.append("OPTIONS:")
        for option in configuration.options {
            lines.append(row(spelling(option), option.help))
        }
        lines.append(row("-h, --help", "Show help information."))

        if !configuration.subcommands.isEmpty {
            lines.append("")
            lines.append("SUBCOMMANDS:")
            for subcommand in configuration.subcommands {
                lines.append(row(subcommand.configuration.name, subcommand.configuration.abstract))
            }
            lines.append("")
            let prefix = ([program, "help"] + path).joined(separator: " ")
            lines.append("  See '\(prefix) <subcommand>' for detailed help.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One usage line, e.g. `replylab flow lint [--json] <file> ...`.
    public static func usage(path: [String], configuration: CommandConfiguration) -> String {
        var parts = [program] + path
        if !configuration.subcommands.isEmpty {
            parts.append("<subcommand>")
            return parts.joined(separator: " ")
        }
        for option in configuration.options {
            let shown = option.isFlag ? "--\(option.name)" : "--\(option.name) <\(option.valueName!)>"
            parts.append(option.isRepeatable ? "[\(shown) ...]" : "[\(shown)]")
        }
        for argument in configuration.arguments {
            let shown = "<\(argument.name)>" + (argument.isVariadic ? " ..." : "")
            parts.append(argument.isOptional ? "[\(shown)]" : shown)
        }
        return parts.joined(separator: " ")
    }

    private static func spelling(_ option: OptionSpec) -> String {
        var text = option.short.map { "-\($0), " } ?? ""
        text += "--\(option.name)"
        if let value = option.valueName { text += " <\(value)>" }
        return text
    }

    private static func row(_ left: String, _ right: String) -> String {
        let padded = "  " + left
        if padded.count >= 26 { return padded + "\n" + String(repeating: " ", count: 26) + right }
        return padded + String(repeating: " ", count: 26 - padded.count) + right
    }
}
