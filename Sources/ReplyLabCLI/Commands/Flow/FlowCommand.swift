import FlowEngine
import Foundation

/// `replylab flow …`: the tools a campaign author uses before launch.
struct FlowCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "flow",
            abstract: "Lint, chat with, test, graph and import conversational flows.",
            discussion: "The flow format is documented in datasets/flows/README.md.",
            subcommands: [FlowLint.self, FlowChat.self, FlowTest.self, FlowGraph.self, FlowImport.self]
        )
    }
}

/// Reading a flow file for any `flow` subcommand, with errors that name the file.
enum FlowFile {
    /// The file's text, or an error naming it and the reason.
    static func text(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw FlowError(
                kind: .unreadable,
                file: path,
                path: "$",
                found: "no such file",
                expected: "a readable flow JSON file"
            )
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw FlowError(
                kind: .unreadable,
                file: path,
                path: "$",
                found: "unreadable or non-UTF-8 contents",
                expected: "a UTF-8 JSON file"
            )
        }
        return text
    }

    /// The decoded flow; a `FlowError` names the file, JSON path, what was found and what was expected.
    static func load(_ path: String) throws -> Flow {
        try Flow.decode(text(path), file: path)
    }
}
