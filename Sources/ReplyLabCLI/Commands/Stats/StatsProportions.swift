import Analytics
import JSONDocument

/// `replylab stats proportions --a S/T --b S/T`: pooled z-test, Wilson intervals and the Newcombe difference.
struct StatsProportions: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "proportions",
            abstract: "Two-proportion z-test with Wilson and Newcombe 95% intervals.",
            discussion: """
                Example: replylab stats proportions --a 120/1000 --b 150/1000
                JSON keys: z, p_value, diff (b − a), diff_ci95 [low, high] (Newcombe), a_ci95, b_ci95 (Wilson), \
                test, diff_method, ci_method.
                """,
            options: [
                .option("a", value: "successes/trials", help: "Control: successes out of trials, e.g. 120/1000."),
                .option("b", value: "successes/trials", help: "Variant: successes out of trials, e.g. 150/1000."),
                .flag("json", help: "Print one JSON object."),
            ]
        )
    }

    let a: Proportion
    let b: Proportion
    let json: Bool

    init(arguments: ParsedArguments) throws {
        a = try Self.proportion(arguments, "a")
        b = try Self.proportion(arguments, "b")
        json = arguments.flag("json")
    }

    /// Reads `--name S/T`, saying what to type when it is missing or malformed.
    static func proportion(_ arguments: ParsedArguments, _ name: String) throws -> Proportion {
        guard let text = arguments.value(name) else {
            throw UsageError("missing --\(name); type --\(name) SUCCESSES/TRIALS, e.g. --\(name) 120/1000")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let successes = Int(parts[0]), let trials = Int(parts[1]) else {
            throw UsageError("--\(name) expects SUCCESSES/TRIALS as two whole numbers, e.g. 120/1000; got '\(text)'")
        }
        guard trials > 0 else { throw UsageError("--\(name) needs at least one trial; got '\(text)'") }
        guard successes >= 0, successes <= trials else {
            throw UsageError(
                "--\(name) needs 0 ≤ successes ≤ trials; got \(successes) of \(trials) (did you swap them? "
                    + "type --\(name) \(min(abs(successes), abs(trials)))/\(max(abs(successes), abs(trials))))"
            )
        }
        return try Proportion(successes: successes, trials: trials)
    }

    func run(_ console: Console) throws -> Int32 {
        let result = TwoProportionZTest.test(a: a, b: b)
        if json {
            console.out(
                StatsOutput.object([
                    ("z", StatsOutput.number(result.z)),
                    ("p_value", StatsOutput.number(result.pValue)),
                    ("diff", StatsOutput.number(result.difference)),
                    ("diff_ci95", StatsOutput.interval(result.differenceInterval)),
                    ("a_ci95", StatsOutput.interval(result.aInterval)),
                    ("b_ci95", StatsOutput.interval(result.bInterval)),
                    ("a", .array([.number(Double(a.successes)), .number(Double(a.trials))])),
                    ("b", .array([.number(Double(b.successes)), .number(Double(b.trials))])),
                    ("test", .string(result.testName)),
                    ("diff_method", .string(result.differenceInterval.method)),
                    ("ci_method", .string(result.aInterval.method)),
                ])
            )
            return ExitStatus.success
        }
        let level = StatsOutput.level(result.aInterval)
        console.out(result.testName)
        for (name, proportion, interval) in [("a", a, result.aInterval), ("b", b, result.bInterval)] {
            console.out(
                "  \(name)  \(proportion)  \(StatsOutput.percent(proportion.estimate))  "
                    + "\(level) CI \(StatsOutput.percentInterval(interval))  (\(interval.method))"
            )
        }
        let interval = result.differenceInterval
        console.out(
            "  b − a  \(Self.points(result.difference)) percentage points  \(level) CI "
                + "[\(Self.points(interval.low)), \(Self.points(interval.high))]  (\(interval.method))"
        )
        console.out("  z = \(StatsOutput.decimal(result.z))  p = \(StatsOutput.pValue(result.pValue))")
        if result.z.isNaN {
            console.out("  no test: both arms are all successes or all failures, so there is no variation to compare")
        }
        return ExitStatus.success
    }

    /// A difference of rates in signed percentage points: "+20.00", "-3.10".
    private static func points(_ difference: Double) -> String {
        (difference >= 0 ? "+" : "") + StatsOutput.decimal(difference * 100, places: 2)
    }
}
