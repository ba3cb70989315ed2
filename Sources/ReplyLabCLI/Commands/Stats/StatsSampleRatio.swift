import Analytics
import Foundation
import JSONDocument

/// `replylab stats srm --observed 5000,5210 --ratios 1,1`: the chi-square sample-ratio check.
struct StatsSampleRatio: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "srm",
            abstract: "Sample-ratio mismatch: chi-square test of units per arm against the planned shares.",
            discussion: """
                Example: replylab stats srm --observed 5000,5210 --ratios 1,1
                A mismatch (p < 0.001) means assignment or logging is broken: do not read the comparison. Exit \
                status 0 either way; read "mismatch" in the output. JSON keys: chi2, df, p_value, mismatch, \
                expected, threshold, test.
                """,
            options: [
                .option("observed", value: "n,n,…", help: "Units per arm, comma-separated, e.g. 5000,5210."),
                .option("ratios", value: "w,w,…", help: "Planned shares in the same order, e.g. 1,1 or 90,10."),
                .flag("json", help: "Print one JSON object."),
            ]
        )
    }

    let observed: [Int]
    let ratios: [Double]
    let json: Bool

    init(arguments: ParsedArguments) throws {
        guard let observedText = arguments.value("observed") else {
            throw UsageError("missing --observed; type --observed 5000,5210 (units per arm)")
        }
        let counts = observedText.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard counts.count >= 2, counts.allSatisfy({ ($0 ?? -1) >= 0 }) else {
            throw UsageError(
                "--observed expects two or more whole numbers ≥ 0 separated by commas, e.g. 5000,5210; "
                    + "got '\(observedText)'"
            )
        }
        observed = counts.compactMap { $0 }
        if let ratioText = arguments.value("ratios") {
            let shares = ratioText.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard shares.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0).isFinite }) else {
                throw UsageError("--ratios expects positive numbers separated by commas, e.g. 1,1; got '\(ratioText)'")
            }
            guard shares.count == observed.count else {
                throw UsageError(
                    "--ratios has \(shares.count) share(s) but --observed has \(observed.count) arm(s); give one "
                        + "share per arm, e.g. --ratios \(Array(repeating: "1", count: observed.count).joined(separator: ","))"
                )
            }
            ratios = shares.compactMap { $0 }
        } else {
            throw UsageError(
                "missing --ratios; type the planned shares, e.g. --ratios "
                    + Array(repeating: "1", count: observed.count).joined(separator: ",")
            )
        }
        json = arguments.flag("json")
    }

    func run(_ console: Console) throws -> Int32 {
        let result = try SampleRatioMismatch.test(observed: observed, ratios: ratios)
        if json {
            console.out(
                StatsOutput.object([
                    ("chi2", StatsOutput.number(result.chiSquare)),
                    ("df", .number(Double(result.degreesOfFreedom))),
                    ("p_value", StatsOutput.number(result.pValue)),
                    ("mismatch", .bool(result.mismatch)),
                    ("threshold", .number(SampleRatioMismatch.threshold)),
                    ("observed", .array(observed.map { .number(Double($0)) })),
                    ("expected", .array(result.expected.map { StatsOutput.number($0) })),
                    ("test", .string(result.testName)),
                ])
            )
            return ExitStatus.success
        }
        console.out(result.testName)
        for (index, (count, expected)) in zip(observed, result.expected).enumerated() {
            console.out("  arm \(index + 1)  observed \(count)  expected \(StatsOutput.decimal(expected, places: 1))")
        }
        console.out(
            "  chi2 = \(StatsOutput.decimal(result.chiSquare))  df = \(result.degreesOfFreedom)  "
                + "p = \(StatsOutput.pValue(result.pValue))"
        )
        console.out(
            result.mismatch
                ? "  MISMATCH (p < 0.001): the split does not match the plan; fix assignment before reading results"
                : "  no mismatch at p < 0.001"
        )
        return ExitStatus.success
    }
}
