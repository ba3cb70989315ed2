/// Draws a flow as a Mermaid flowchart (GitHub renders it): one box per node, categories on the edges.
///
/// Shapes say what a node does: a rounded box waits for a reply, a parallelogram hands off to an agent, a
/// stadium ends the conversation, a hexagon is a random split; plain boxes run and move on.
public enum MermaidGraph {
    /// The diagram text, starting `flowchart TD`.
    /// - Complexity: O(*n* + *e*) in nodes and edges.
    public static func render(_ flow: Flow) -> String {
        var lines = ["flowchart TD", "  %% \(escape(flow.name)) (\(flow.useCase), \(flow.mode.rawValue))"]
        for (index, node) in flow.nodes.enumerated() {
            var label = node.id
            for case .send(let template, _) in node.actions {
                label +=
                    ": "
                    + summary(
                        template.parts.map {
                            switch $0 {
                            case .literal(let text): return text
                            case .value(let placeholder): return "{{" + placeholder.path + "}}"
                            }
                        }.joined()
                    )
                break
            }
            for case .end(let outcome) in node.actions { label += " ⏹ " + outcome }
            let text = "\"" + escape(label) + "\""
            let shape: String
            if node.actions.contains(where: { if case .end = $0 { true } else { false } }) {
                shape = "([\(text)])"
            } else if node.actions.contains(where: { if case .handoff = $0 { true } else { false } }) {
                shape = "[/\(text)/]"
            } else if node.router?.kind == .random {
                shape = "{{\(text)}}"
            } else if node.router?.wait != nil {
                shape = "(\(text))"
            } else {
                shape = "[\(text)]"
            }
            lines.append("  n\(index)\(shape)")
        }
        lines.append("  start((start)) --> n\(flow.start)")
        for (index, node) in flow.nodes.enumerated() {
            if let router = node.router {
                for (categoryIndex, category) in router.categories.enumerated() {
                    var label = category.name
                    if router.kind == .random { label += " \(category.weight)" }
                    if let timeout = router.wait?.timeoutSeconds, router.wait?.timeoutCategory == categoryIndex {
                        label += " ⏱ " + Flow.duration(timeout)
                    }
                    lines.append("  n\(index) -->|\"\(escape(label))\"| n\(category.next)")
                }
            } else if let next = node.next {
                lines.append("  n\(index) --> n\(next)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func summary(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 48 ? String(flat.prefix(45)) + "..." : flat
    }

    /// Mermaid labels take HTML entities; quotes and angle brackets would break the syntax.
    private static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\"": output += "#quot;"
            case "<": output += "#lt;"
            case ">": output += "#gt;"
            case "|": output += "#124;"
            default: output.append(character)
            }
        }
        return output
    }
}
