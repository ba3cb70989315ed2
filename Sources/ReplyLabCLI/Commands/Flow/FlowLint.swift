import FlowEngine
import Foundation
import JSONDocument

/// `replylab flow lint FILE…`: every finding with its JSON path and a fix; exit 1 when any is an error.
struct FlowLint: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "lint",
            abstract: "Check flows for mistakes before launch.",
            discussion: """
                Flags unreachable nodes, dead ends, waits without a timeout, loops without a wait, shadowed cases, \
                unused categories, carrier keywords offered as answers, costly or UCS-2 texts, a first text without \
                opt-out language, and placeholders the customer data does not provide. Exits 1 on any error.
                """,
            arguments: [ArgumentSpec("file", help: "Flow JSON files.", variadic: true)],
            options: [
                .flag("json", help: "Print findings as JSON lines."),
                .option("max-segments", value: "n", help: "Flag texts longer than this many segments (default 2)."),
                .option(
                    "field",
                    value: "path",
                    help: "Also accept this attribute path (e.g. loyalty.points).",
                    repeatable: true
                ),
            ]
        )
    }

    let files: [String]
    let json: Bool
    let linter: FlowLinter

    init(arguments: ParsedArguments) throws {
        files = arguments.arguments("file")
        json = arguments.flag("json")
        var linter = FlowLinter()
        linter.maxSegments = try arguments.integer("max-segments", in: 1...10) ?? 2
        linter.providedFields += arguments.values("field")
        self.linter = linter
    }

    func run(_ console: Console) throws -> Int32 {
        var errors = 0
        var warnings = 0
        for file in files {
            var findings: [LintFinding]
            do {
                findings = linter.lint(try FlowFile.load(file))
            } catch let error as FlowError {
                findings = [
                    LintFinding(
                        severity: .error,
                        rule: "invalid-flow",
                        path: error.path,
                        message: "found \(error.found); expected \(error.expected)",
                        hint: "fix the file so it can be read"
                    )
                ]
            }
            for finding in findings {
                if finding.severity == .error { errors += 1 } else { warnings += 1 }
                if json {
                    console.out(Self.jsonLine(file: file, finding))
                } else {
                    console.out(
                        "\(file): \(finding.severity.rawValue): \(finding.path): \(finding.message) [\(finding.rule)]"
                    )
                    console.out("    fix: \(finding.hint)")
                }
            }
            if !json, findings.isEmpty { console.out("\(file): ok") }
        }
        if !json {
            console.out(
                "\(files.count) file\(files.count == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            )
        }
        return errors > 0 ? ExitStatus.failure : ExitStatus.success
    }

    static func jsonLine(file: String, _ finding: LintFinding) -> String {
        let object: JSONValue = .object([
            ("file", .string(file)), ("hint", .string(finding.hint)), ("message", .string(finding.message)),
            ("path", .string(finding.path)), ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
        ])
        return object.jsonText
    }
}
