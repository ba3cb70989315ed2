import Analytics
import Foundation
import JSONDocument

/// `replylab stats means --a FILE --b FILE`: Welch's t-test on one number per line (order values, revenue per
/// recipient…).
struct StatsMeans: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "means",
            abstract: "Welch's t-test on two files of numbers (one per line).",
            discussion: """
                Example: replylab stats means --a control.txt --b variant.txt
                Blank lines and lines starting with # are skipped; '-' reads standard input (for one of the two).
                JSON keys: t, df, p_value, diff (mean b − mean a), diff_ci95, a and b (n, mean, sd), test.
                """,
            options: [
                .option("a", value: "file", help: "Control values, one number per line."),
                .option("b", value: "file", help: "Variant values, one number per line."),
                .flag("json", help: "Print one JSON object."),
            ]
        )
    }

    /// A line of a values file that is not a number.
    struct ValueFileError: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var text: String
        var description: String { "\(file):\(line): '\(text)' is not a number; put one number per line" }
    }

    let aPath: String
    let bPath: String
    let json: Bool

    init(arguments: ParsedArguments) throws {
        aPath = try Self.path(arguments, "a")
        bPath = try Self.path(arguments, "b")
        if aPath == "-" && bPath == "-" {
            throw UsageError("only one of --a and --b can read standard input ('-'); give the other as a file")
        }
        json = arguments.flag("json")
    }

    private static func path(_ arguments: ParsedArguments, _ name: String) throws -> String {
        guard let path = arguments.value(name), !path.isEmpty else {
            throw UsageError("missing --\(name); type --\(name) FILE with one number per line (or - for stdin)")
        }
        return path
    }

    /// The numbers in `text`, skipping blank and `#` lines.
    /// - Throws: `ValueFileError` naming the first line that is not a finite number.
    static func values(_ text: String, file: String) throws -> [Double] {
        var values: [Double] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let value = Double(line), value.isFinite else {
                throw ValueFileError(file: file, line: index + 1, text: line)
            }
            values.append(value)
        }
        return values
    }

    private func read(_ path: String, _ console: Console) throws -> [Double] {
        if path == "-" {
            var lines: [String] = []
            while let line = console.readLine() { lines.append(line) }
            return try Self.values(lines.joined(separator: "\n"), file: "<stdin>")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read '\(path)'; give a text file with one number per line")
        }
        return try Self.values(String(decoding: data, as: UTF8.self), file: path)
    }

    func run(_ console: Console) throws -> Int32 {
        let a = try read(aPath, console)
        let b = try read(bPath, console)
        for (name, values, path) in [("a", a, aPath), ("b", b, bPath)] where values.count < 2 {
            throw UsageError(
                "--\(name) \(path) has \(values.count) number(s); Welch's t-test needs at least 2 per side"
            )
        }
        let result: WelchTTest.Result
        do {
            result = try WelchTTest.test(a: a, b: b)
        } catch {
            throw UsageError("\(error.reason): every value in both files is the same, so there is nothing to test")
        }
        if json {
            func summary(_ s: WelchTTest.Summary) -> JSONValue {
                .object([
                    (key: "n", value: .number(Double(s.count))), (key: "mean", value: StatsOutput.number(s.mean)),
                    (key: "sd", value: StatsOutput.number(s.variance.squareRoot())),
                ])
            }
            console.out(
                StatsOutput.object([
                    ("t", StatsOutput.number(result.t)),
                    ("df", StatsOutput.number(result.degreesOfFreedom)),
                    ("p_value", StatsOutput.number(result.pValue)),
                    ("diff", StatsOutput.number(result.difference)),
                    ("diff_ci95", StatsOutput.interval(result.differenceInterval)),
                    ("a", summary(result.a)),
                    ("b", summary(result.b)),
                    ("test", .string(result.testName)),
                ])
            )
            return ExitStatus.success
        }
        console.out(result.testName)
        for (name, s) in [("a", result.a), ("b", result.b)] {
            console.out(
                "  \(name)  n = \(s.count)  mean = \(StatsOutput.decimal(s.mean))  "
                    + "sd = \(StatsOutput.decimal(s.variance.squareRoot()))"
            )
        }
        let interval = result.differenceInterval
        console.out(
            "  b − a  \(StatsOutput.decimal(result.difference))  \(StatsOutput.level(interval)) CI "
                + "[\(StatsOutput.decimal(interval.low)), \(StatsOutput.decimal(interval.high))]  (\(interval.method))"
        )
        console.out(
            "  t = \(StatsOutput.decimal(result.t))  df = \(StatsOutput.decimal(result.degreesOfFreedom, places: 2))  "
                + "p = \(StatsOutput.pValue(result.pValue))"
        )
        return ExitStatus.success
    }
}
