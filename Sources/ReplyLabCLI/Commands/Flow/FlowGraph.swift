import FlowEngine

/// `replylab flow graph FILE`: the flow as a Mermaid diagram, categories on the edges.
struct FlowGraph: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "graph",
            abstract: "Draw a flow as a Mermaid diagram (renders on GitHub).",
            arguments: [ArgumentSpec("file", help: "A flow JSON file.")],
            options: [.flag("markdown", help: "Wrap the diagram in a ```mermaid block for a README.")]
        )
    }

    let file: String
    let markdown: Bool

    init(arguments: ParsedArguments) throws {
        guard let file = arguments.argument("file") else {
            throw UsageError("missing <file>; type replylab flow graph FLOW.json")
        }
        self.file = file
        markdown = arguments.flag("markdown")
    }

    func run(_ console: Console) throws -> Int32 {
        let diagram = MermaidGraph.render(try FlowFile.load(file))
        console.write(markdown ? "```mermaid\n" + diagram + "```\n" : diagram)
        return ExitStatus.success
    }
}
