import FlowEngine
import Foundation
import Messaging

/// `replylab flow test SUITE…`: scripted conversations with expected outcomes, paths, texts and goals.
struct FlowTest: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "test",
            abstract: "Run scripted conversations against a flow and check the results.",
            discussion: """
                A suite (format replylab-flow-tests/1) names its flow and lists tests: the customer's replies, \
                /wait DURATION and /agent OUTCOME steps, and the expected outcome, path, texts and goals. Exits 1 \
                when any test fails.
                """,
            arguments: [ArgumentSpec("suite", help: "Flow test suite JSON files.", variadic: true)],
            options: [
                .option(
                    "brand",
                    value: "name",
                    help: "Brand named in STOP/HELP replies (default: the flow's \"brand\", else ReplyLab Demo)."
                )
            ]
        )
    }

    let suites: [String]
    /// The --brand override; without it the flow's own brand signs the compliance replies.
    let brand: String?

    init(arguments: ParsedArguments) throws {
        suites = arguments.arguments("suite")
        brand = arguments.value("brand")
    }

    func run(_ console: Console) throws -> Int32 {
        var total = 0
        var failed = 0
        for path in suites {
            let suite = try FlowTestSuite.decode(FlowFile.text(path), file: path)
            let flowPath = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(suite.flow)
                .path
            let flow = try FlowFile.load(flowPath)
            let runtime = FlowRuntime(
                flow: flow,
                gate: .standard,
                replies: ComplianceReplies(brand: brand ?? flow.brand ?? "ReplyLab Demo", contact: "help@example.com")
            )
            console.out("\(path) (\(suite.flow))")
            for test in suite.tests {
                total += 1
                let failures = suite.run(test, runtime: runtime)
                if failures.isEmpty {
                    console.out("  ✔ \(test.name)")
                } else {
                    failed += 1
                    console.out("  ✘ \(test.name)")
                    for failure in failures { console.out("      \(failure)") }
                }
            }
        }
        console.out("\(total) test\(total == 1 ? "" : "s"), \(failed) failed")
        return failed > 0 ? ExitStatus.failure : ExitStatus.success
    }
}
