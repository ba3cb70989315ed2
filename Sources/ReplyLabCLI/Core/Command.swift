/// One subcommand of `replylab`: its name, help text beside each option, validation and work.
///
/// A command validates in `init(arguments:)` (throw `UsageError` saying what to type instead) and does its
/// work in `run(_:)`. A command with `subcommands` is a group: it only routes (`replylab db info`).
public protocol Command {
    /// Name, abstract, arguments, options and subcommands; drives scanning and help alike.
    static var configuration: CommandConfiguration { get }

    /// Reads and validates the scanned arguments; throws `UsageError` (exit 64) when they make no sense.
    init(arguments: ParsedArguments) throws

    /// Does the work; returns the process exit status (0 success, 1 failure found, e.g. lint errors).
    func run(_ console: Console) throws -> Int32
}

/// A command that only groups subcommands; running it prints its help.
public protocol CommandGroup: Command {
    init()
}

extension CommandGroup {
    public init(arguments: ParsedArguments) throws { self.init() }
    public func run(_ console: Console) throws -> Int32 {
        console.out(Help.render(path: [], configuration: Self.configuration))
        return 0
    }
}

/// What `--help` prints and what the scanner accepts for one command.
public struct CommandConfiguration {
    public var name: String
    public var abstract: String
    public var discussion: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var subcommands: [any Command.Type]

    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        subcommands: [any Command.Type] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
    }
}

/// A positional argument. At most the last one is variadic.
public struct ArgumentSpec: Sendable {
    public var name: String
    public var help: String
    public var isOptional: Bool
    public var isVariadic: Bool

    public init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isVariadic = variadic
    }
}

/// A named option: a boolean flag when `valueName` is nil, otherwise it takes a value.
public struct OptionSpec: Sendable {
    public var name: String
    public var short: Character?
    public var valueName: String?
    public var help: String
    public var isRepeatable: Bool

    /// A boolean flag such as `--json`.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help, isRepeatable: false)
    }

    /// An option with a value such as `--seed 7` or `--seed=7`; `repeatable` collects every occurrence.
    public static func option(
        _ name: String,
        short: Character? = nil,
        value: String,
        help: String,
        repeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: value, help: help, isRepeatable: repeatable)
    }

    public var isFlag: Bool { valueName == nil }
}
