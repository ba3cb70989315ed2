import JSONDocument

/// Writes a flow back in format v1, so imported flows (e.g. from Twilio Studio) become files people can edit.
///
/// Decoding the output gives an equal `Flow`; intent words come back folded (lower-case, no accents), which is
/// how they were compared anyway.
extension Flow {
    /// The flow as a JSON document in format v1, keys in the documented order.
    /// - Complexity: O(*n*) in the size of the flow.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(Flow.format)), ("name", .string(name)), ("use_case", .string(useCase)),
        ]
        if !description.isEmpty { members.append(("description", .string(description))) }
        members.append(("mode", .string(mode.rawValue)))
        members.append(("subject", .string(subject)))
        if let brand { members.append(("brand", .string(brand))) }
        members.append(("start", .string(nodes[start].id)))
        members.append(("expire_after", .string(Flow.duration(expireAfterSeconds))))
        if !intents.isEmpty {
            members.append(
                (
                    "intents",
                    .array(
                        intents.map { intent in
                            var fields: [(key: String, value: JSONValue)] = [("name", .string(intent.name))]
                            if !intent.words.isEmpty {
                                fields.append(("words", .array(intent.words.map(JSONValue.string))))
                            }
                            if !intent.phrases.isEmpty {
                                fields.append(
                                    ("phrases", .array(intent.phrases.map { .string($0.joined(separator: " ")) }))
                                )
                            }
                            return .object(fields)
                        }
                    )
                )
            )
        }
        members.append(("nodes", .array(nodes.map(encode))))
        return .object(members)
    }

    /// The flow as indented JSON text, one node per block, for files people edit.
    public var jsonText: String { Flow.pretty(jsonValue, indent: "") + "\n" }

    private func encode(_ node: Node) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(node.id))]
        if !node.actions.isEmpty { members.append(("actions", .array(node.actions.map(encode)))) }
        if let router = node.router { members.append(("router", encode(router))) }
        if let next = node.next { members.append(("next", .string(nodes[next].id))) }
        return .object(members)
    }

    private func encode(_ action: Action) -> JSONValue {
        switch action {
        case .send(let text, let purpose):
            var members: [(key: String, value: JSONValue)] = [("type", .string("send"))]
            if let purpose { members.append(("purpose", .string(purpose.rawValue))) }
            members.append(("text", .string(text.source)))
            return .object(members)
        case .setField(let name, let value):
            return .object([("type", .string("set_field")), ("field", .string(name)), ("value", .string(value.source))])
        case .tag(let tag):
            return .object([("type", .string("tag")), ("tag", .string(tag))])
        case .goal(let name, let value):
            var members: [(key: String, value: JSONValue)] = [("type", .string("goal")), ("name", .string(name))]
            if let value { members.append(("value", .string(value.source))) }
            return .object(members)
        case .handoff(let queue, let priority, let note):
            var members: [(key: String, value: JSONValue)] = [
                ("type", .string("handoff")), ("queue", .string(queue)), ("priority", .string(priority.rawValue)),
            ]
            if let note { members.append(("note", .string(note.source))) }
            return .object(members)
        case .captureConsent(let source):
            return .object([("type", .string("capture_consent")), ("source", .string(source.rawValue))])
        case .end(let outcome):
            return .object([("type", .string("end")), ("outcome", .string(outcome))])
        }
    }

    private func encode(_ router: Router) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if router.kind == .random {
            members.append(("type", .string("random")))
            members.append(
                (
                    "categories",
                    .array(
                        router.categories.map {
                            .object([
                                ("name", .string($0.name)), ("next", .string(nodes[$0.next].id)),
                                ("weight", .number(Double($0.weight))),
                            ])
                        }
                    )
                )
            )
            return .object(members)
        }
        switch router.operand {
        case .reply: break
        case .handoffOutcome: members.append(("operand", .string("handoff_outcome")))
        case .template(let template): members.append(("operand", .string(template.source)))
        }
        if let wait = router.wait {
            var fields: [(key: String, value: JSONValue)] = []
            if let timeout = wait.timeoutSeconds { fields.append(("timeout", .string(Flow.duration(timeout)))) }
            if let category = wait.timeoutCategory {
                fields.append(("timeout_category", .string(router.categories[category].name)))
            }
            members.append(("wait", .object(fields)))
        }
        if !router.cases.isEmpty {
            members.append(
                (
                    "cases",
                    .array(
                        router.cases.map { item in
                            var fields: [(key: String, value: JSONValue)] = [("type", .string(item.type))]
                            if !item.arguments.isEmpty {
                                fields.append(("arguments", .array(item.arguments.map(JSONValue.string))))
                            }
                            fields.append(("category", .string(router.categories[item.category].name)))
                            return .object(fields)
                        }
                    )
                )
            )
        }
        members.append(
            (
                "categories",
                .array(
                    router.categories.map {
                        .object([("name", .string($0.name)), ("next", .string(nodes[$0.next].id))])
                    }
                )
            )
        )
        if let defaultCategory = router.defaultCategory {
            members.append(("default", .string(router.categories[defaultCategory].name)))
        }
        return .object(members)
    }

    /// "4h", "3d", "90s": the largest unit that divides the seconds exactly.
    static func duration(_ seconds: Int64) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    /// Objects holding objects go one member per line; everything else stays on one line, as people write it.
    static func pretty(_ value: JSONValue, indent: String) -> String {
        let inner = indent + "  "
        func holdsObjects(_ value: JSONValue) -> Bool {
            switch value {
            case .object: return true
            case .array(let items): return items.contains { if case .object = $0 { true } else { false } }
            default: return false
            }
        }
        switch value {
        case .object(let members) where members.contains(where: { holdsObjects($0.value) }):
            let lines = members.map {
                inner + JSONValue.string($0.key).jsonText + ": " + pretty($0.value, indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items) where holdsObjects(value):
            return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent
                + "]"
        case .object(let members):
            return "{"
                + members.map { JSONValue.string($0.key).jsonText + ": " + pretty($0.value, indent: inner) }.joined(
                    separator: ", "
                ) + "}"
        case .array(let items):
            return "[" + items.map { pretty($0, indent: inner) }.joined(separator: ", ") + "]"
        default:
            return value.jsonText
        }
    }
}
