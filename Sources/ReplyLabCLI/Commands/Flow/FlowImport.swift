import FlowEngine
import Foundation

/// `replylab flow import STUDIO.json`: a Twilio Studio flow in format v1, ready to lint, chat with and simulate.
struct FlowImport: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "import",
            abstract: "Convert a Twilio Studio flow to ReplyLab's flow format.",
            discussion: """
                Converts trigger, send-message, send-and-wait-for-reply, split-based-on, set-variables and \
                send-to-flex widgets; refuses anything it cannot run offline, naming the widget. Notes about small \
                behaviour differences go to standard error.
                """,
            arguments: [ArgumentSpec("file", help: "A Twilio Studio flow definition (JSON).")],
            options: [
                .option("out", short: "o", value: "file", help: "Write the flow here instead of standard output."),
                .option("use-case", value: "name", help: "The use_case to record (default: imported)."),
            ]
        )
    }

    let file: String
    let output: String?
    let useCase: String

    init(arguments: ParsedArguments) throws {
        guard let file = arguments.argument("file") else {
            throw UsageError("missing <file>; type replylab flow import STUDIO.json")
        }
        self.file = file
        output = arguments.value("out")
        useCase = arguments.value("use-case") ?? "imported"
    }

    func run(_ console: Console) throws -> Int32 {
        let result = try StudioImporter.convert(FlowFile.text(file), file: file, useCase: useCase)
        for note in result.notes { console.err("note: \(note)") }
        guard let output else {
            console.write(result.flow.jsonText)
            return ExitStatus.success
        }
        do {
            try result.flow.jsonText.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw FlowError(
                kind: .unreadable,
                file: output,
                path: "$",
                found: "a file that cannot be written",
                expected: "a writable path"
            )
        }
        console.out("wrote \(output) (\(result.flow.nodes.count) nodes); next: replylab flow lint \(output)")
        return ExitStatus.success
    }
}
