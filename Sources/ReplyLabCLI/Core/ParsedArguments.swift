/// What the scanner read for one command, with typed accessors whose errors say what to type instead.
public struct ParsedArguments {
    /// The command path as typed, e.g. `["flow", "lint"]`; used in messages and usage lines.
    public let commandPath: [String]
    var flags: Set<String> = []
    var options: [String: [String]] = [:]
    var positionals: [String: [String]] = [:]
    /// The command tree these arguments were scanned against, so `notebook run` runs its blocks in the same tree
    /// (the real one, or a test's fixture tree); nil for arguments built directly.
    var commandTree: CommandConfiguration?

    init(commandPath: [String]) {
        self.commandPath = commandPath
    }

    /// An empty argument set, for commands built directly in tests.
    public static func empty(commandPath: [String] = []) -> ParsedArguments {
        ParsedArguments(commandPath: commandPath)
    }

    /// True when the boolean flag `--name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of `--name`, or nil when absent (the last one if repeatable).
    public func value(_ name: String) -> String? { options[name]?.last }

    /// Every value given to a repeatable `--name`, in the order typed.
    public func values(_ name: String) -> [String] { options[name] ?? [] }

    /// The positional argument `name` (the first value of a variadic one), or nil when absent.
    public func argument(_ name: String) -> String? { positionals[name]?.first }

    /// Every value of the variadic positional argument `name`.
    public func arguments(_ name: String) -> [String] { positionals[name] ?? [] }

    /// The value of `--name`, or a usage error saying it is needed.
    public func required(_ name: String) throws -> String {
        guard let value = value(name) else { throw UsageError("missing --\(name); type --\(name) <value>") }
        return value
    }

    /// `--name` read as a whole number within `range`; a usage error names the option and what was typed.
    public func integer(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text.replacingUnderscores()), range.contains(number) else {
            throw UsageError("--\(name) expects a whole number\(range.describedForUsage), got '\(text)'")
        }
        return number
    }

    /// `--name` read as an unsigned 64-bit number (seeds); accepts decimal or 0x-prefixed hexadecimal.
    public func unsigned64(_ name: String) throws -> UInt64? {
        guard let text = value(name) else { return nil }
        let cleaned = text.replacingUnderscores()
        let parsed = cleaned.hasPrefix("0x") ? UInt64(cleaned.dropFirst(2), radix: 16) : UInt64(cleaned)
        guard let number = parsed else {
            throw UsageError("--\(name) expects a number from 0 to \(UInt64.max), got '\(text)'")
        }
        return number
    }

    /// `--name` read as a decimal number.
    public func decimal(_ name: String) throws -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), number.isFinite else {
            throw UsageError("--\(name) expects a number such as 0.5, got '\(text)'")
        }
        return number
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

extension ClosedRange where Bound == Int {
    fileprivate var describedForUsage: String {
        switch (lowerBound, upperBound) {
        case (Int.min, Int.max): return ""
        case (_, Int.max): return " of at least \(lowerBound)"
        case (Int.min, _): return " of at most \(upperBound)"
        default: return " from \(lowerBound) to \(upperBound)"
        }
    }
}
