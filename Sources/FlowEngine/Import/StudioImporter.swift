import JSONDocument

/// Converts a Twilio Studio flow definition (`{description, states[], initial_state, flags}`) into format v1, so
/// a Studio flow can be linted, chatted with and simulated offline, which Studio itself cannot do.
///
/// Supported widgets: trigger, send-message, send-and-wait-for-reply, split-based-on, set-variables and
/// send-to-flex (a hand-off). Anything else (HTTP requests, functions, subflows, voice) is refused with the
/// state's path, because silently skipping it would simulate a different flow. Differences that change
/// behaviour a little are returned as `notes`.
public enum StudioImporter {
    /// The converted flow and what the author should know about the conversion.
    public struct Result: Sendable {
        public var flow: Flow
        public var notes: [String]
    }

    /// The widget types the importer converts.
    public static let supportedWidgets = [
        "trigger", "send-message", "send-and-wait-for-reply", "split-based-on", "set-variables", "send-to-flex",
    ]

    /// Reads a Studio flow from JSON text; errors name `file`, the Studio JSON path and what was expected.
    public static func convert(
        _ text: String,
        file: String = "<input>",
        useCase: String = "imported"
    ) throws(FlowError)
        -> Result
    {
        var conversion = StudioConversion(file: file)
        let document = try conversion.document(
            FlowReader(parsing: text, file: file),
            useCase: useCase
        )
        return Result(flow: try Flow.decode(document, file: file), notes: conversion.notes)
    }
}

private struct StudioConversion {
    let file: String
    var notes: [String] = []
    var needsEnd = false
    static let endNode = "studio_end"

    init(file: String) {
        self.file = file
    }

    /// A transition's target, or the shared end node when it has none (Studio ends the execution there).
    mutating func target(_ transitions: [FlowReader], event: String) throws(FlowError) -> String {
        for transition in transitions where try transition.child("event")?.string() == event {
            if let next = transition.child("next"), case .string(let name) = next.value, !name.isEmpty { return name }
        }
        needsEnd = true
        return Self.endNode
    }

    mutating func document(_ root: FlowReader, useCase: String) throws(FlowError) -> JSONValue {
        let statesReader = try root.required("states", "the Studio widgets")
        let states = try statesReader.array()
        let initial = try root.required("initial_state", "the name of the trigger widget").nonEmptyString()
        var names: [String] = []
        for state in states { names.append(try state.required("name", "the widget's name").nonEmptyString()) }
        var start: String?
        var waits = 0
        var nodes: [JSONValue] = []

        for state in states {
            let name = try state.required("name", "the widget's name").string()
            let typeReader = try state.required("type", "a widget type")
            let type = try typeReader.string()
            let properties =
                state.child("properties") ?? FlowReader(.object([]), path: "\(state.path).properties", file: file)
            let transitions = try state.child("transitions")?.array() ?? []
            var node: [(key: String, value: JSONValue)] = [("id", .string(name))]
            switch type {
            case "trigger":
                guard name == initial else {
                    throw typeReader.error(
                        .invalidValue,
                        found: "a second trigger \"\(name)\"",
                        expected: "one trigger, the initial_state \"\(initial)\""
                    )
                }
                let request = try target(transitions, event: "incomingRequest")
                let message = try target(transitions, event: "incomingMessage")
                start = request != Self.endNode ? request : message
                if request != Self.endNode, message != Self.endNode, request != message {
                    notes.append(
                        "the trigger starts at \"\(request)\" (incomingRequest, an outbound campaign); incomingMessage → \"\(message)\" is not imported"
                    )
                }
                continue
            case "send-message":
                node.append(("actions", .array([try send(properties, at: "\(properties.path).body")])))
                node.append(("next", .string(try target(transitions, event: "sent"))))
            case "send-and-wait-for-reply":
                waits += 1
                var timeout: Int64 = 3_600
                if let timeoutReader = properties.child("timeout") {
                    switch timeoutReader.value {
                    case .string(let text):
                        guard let seconds = Int64(text), seconds > 0 else {
                            throw timeoutReader.error(
                                .invalidValue,
                                found: timeoutReader.value.described,
                                expected: "seconds as text, e.g. \"3600\""
                            )
                        }
                        timeout = seconds
                    default:
                        timeout = try timeoutReader.integer(in: 1...31_536_000)
                    }
                }
                node.append(("actions", .array([try send(properties, at: "\(properties.path).body")])))
                node.append(
                    (
                        "router",
                        .object([
                            (
                                "wait",
                                .object([
                                    ("timeout", .number(Double(timeout))), ("timeout_category", .string("Timeout")),
                                ])
                            ),
                            (
                                "categories",
                                .array([
                                    .object([
                                        ("name", .string("Reply")),
                                        ("next", .string(try target(transitions, event: "incomingMessage"))),
                                    ]),
                                    .object([
                                        ("name", .string("Timeout")),
                                        ("next", .string(try target(transitions, event: "timeout"))),
                                    ]),
                                ])
                            ),
                            ("default", .string("Reply")),
                        ])
                    )
                )
            case "split-based-on":
                node.append(("router", try split(properties, transitions)))
            case "set-variables":
                var actions: [JSONValue] = []
                if let variables = properties.child("variables") {
                    for variable in try variables.array() {
                        let key = try variable.required("key", "the variable's name").nonEmptyString()
                        let field = String(key.map { $0.isLetter || $0.isNumber ? $0 : "_" })
                        let value = try variable.required("value", "the value").string()
                        let converted = try liquid(value, at: "\(variable.path).value")
                        actions.append(
                            .object([
                                ("type", .string("set_field")), ("field", .string(field)),
                                ("value", .string(converted)),
                            ])
                        )
                    }
                }
                if actions.isEmpty {
                    actions.append(.object([("type", .string("tag")), ("tag", .string("studio:\(name)"))]))
                }
                node.append(("actions", .array(actions)))
                node.append(("next", .string(try target(transitions, event: "next"))))
            case "send-to-flex":
                let workflow = try properties.child("workflow")?.string() ?? "flex"
                node.append(
                    (
                        "actions",
                        .array([
                            .object([
                                ("type", .string("handoff")), ("queue", .string(workflow.isEmpty ? "flex" : workflow)),
                                ("priority", .string("normal")),
                            ])
                        ])
                    )
                )
                node.append(("next", .string(try target(transitions, event: "callComplete"))))
                notes.append(
                    "\"\(name)\" (send-to-flex) becomes a hand-off to queue \"\(workflow)\"; failedToEnqueue and callFailure are not simulated"
                )
            default:
                throw typeReader.error(
                    .invalidValue,
                    found: "the widget type \"\(type)\", which has no offline equivalent",
                    expected: "one of " + StudioImporter.supportedWidgets.joined(separator: ", ")
                )
            }
            nodes.append(.object(node))
        }
        guard let start, start != Self.endNode else {
            throw root.error(
                .missingKey,
                found: "no trigger transition with a next widget",
                expected: "initial_state \"\(initial)\" leading to the first widget"
            )
        }
        if needsEnd {
            nodes.append(
                .object([
                    ("id", .string(Self.endNode)),
                    ("actions", .array([.object([("type", .string("end")), ("outcome", .string("completed"))])])),
                ])
            )
        }
        let description = try root.child("description")?.string() ?? ""
        let name = description.isEmpty ? file.split(separator: "/").last.map(String.init) ?? "Studio flow" : description
        return .object([
            ("format", .string(Flow.format)), ("name", .string(name)), ("use_case", .string(useCase)),
            ("description", .string("Imported from Twilio Studio (\(file)).")),
            ("mode", .string(waits > 0 ? "conversational" : "one_way")), ("start", .string(start)),
            ("expire_after", .string("30d")), ("nodes", .array(nodes)),
        ])
    }

    mutating func send(_ properties: FlowReader, at path: String) throws(FlowError) -> JSONValue {
        let body = try properties.required("body", "the message text").string()
        if properties.has("media_url") { notes.append("\(path): media_url is not simulated; only the text is sent") }
        return .object([("type", .string("send")), ("text", .string(try liquid(body, at: path)))])
    }

    /// Studio's split: ordered `match` transitions (all conditions must hold), then `noMatch`.
    mutating func split(_ properties: FlowReader, _ transitions: [FlowReader]) throws(FlowError) -> JSONValue {
        var operand = JSONValue.string("reply")
        if let input = properties.child("input") {
            let text = try input.string().trimmingSpaces
            if !StudioConversion.isReply(text) { operand = .string(try liquid(text, at: input.path)) }
        }
        var cases: [JSONValue] = []
        var categories: [JSONValue] = []
        var categoryNames: [String] = []
        for transition in transitions where try transition.child("event")?.string() == "match" {
            let next = try target([transition], event: "match")
            let conditions = try transition.required("conditions", "the match conditions").array()
            guard conditions.count == 1, let condition = conditions.first else {
                throw transition.error(
                    .invalidValue,
                    found: "\(conditions.count) conditions in one transition",
                    expected: "exactly one condition per transition (format v1 has no AND of cases)",
                    at: "\(transition.path).conditions"
                )
            }
            var name = try condition.child("friendly_name")?.string() ?? ""
            if name.isBlank { name = "Match \(categoryNames.count + 1)" }
            var unique = name
            var suffix = 2
            while categoryNames.contains(unique) {
                unique = "\(name) (\(suffix))"
                suffix += 1
            }
            categoryNames.append(unique)
            categories.append(.object([("name", .string(unique)), ("next", .string(next))]))
            for (type, arguments) in try self.cases(condition) {
                var fields: [(key: String, value: JSONValue)] = [("type", .string(type))]
                if !arguments.isEmpty { fields.append(("arguments", .array(arguments.map(JSONValue.string)))) }
                fields.append(("category", .string(unique)))
                cases.append(.object(fields))
            }
        }
        var otherName = "No match"
        while categoryNames.contains(otherName) { otherName += " (other)" }
        categories.append(
            .object([("name", .string(otherName)), ("next", .string(try target(transitions, event: "noMatch")))])
        )
        return .object([
            ("operand", operand), ("cases", .array(cases)), ("categories", .array(categories)),
            ("default", .string(otherName)),
        ])
    }

    /// One Studio condition as v1 cases (several for `matches_any_of`, one per comma-separated option).
    mutating func cases(_ condition: FlowReader) throws(FlowError) -> [(String, [String])] {
        let typeReader = try condition.required("type", "a condition type")
        let type = try typeReader.string()
        let value = try condition.child("value")?.string().trimmingSpaces ?? ""
        func needValue() throws(FlowError) {
            if value.isEmpty {
                throw condition.error(
                    .missingKey,
                    found: "no \"value\"",
                    expected: "the value the condition compares with"
                )
            }
        }
        switch type {
        case "equal_to":
            try needValue()
            return [("only_phrase", [value])]
        case "matches_any_of":
            try needValue()
            let options = value.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            notes.append(
                "\(condition.path): matches_any_of \"\(value)\" is split at commas into \(options.count) options, as Studio does"
            )
            return options.map { ("only_phrase", [$0]) }
        case "contains":
            try needValue()
            notes.append(
                "\(condition.path): contains \"\(value)\" becomes a word phrase match (Studio matches substrings, so \"yes\" also hit \"yesterday\")"
            )
            return [("phrase", [value])]
        case "starts_with":
            try needValue()
            return [("starts_with", [value])]
        case "regex":
            try needValue()
            return [("regex", ["^(?:\(value))$"])]
        case "less_than":
            try needValue()
            return [("number_less", [value])]
        case "greater_than":
            try needValue()
            return [("number_greater", [value])]
        case "is_not_blank":
            return [("has_text", [])]
        default:
            throw typeReader.error(
                .invalidValue,
                found: "the condition \"\(type)\", which format v1 cannot express",
                expected:
                    "equal_to, matches_any_of, contains, starts_with, regex, less_than, greater_than or is_not_blank"
            )
        }
    }

    static func isReply(_ input: String) -> Bool {
        guard input.hasPrefix("{{"), input.hasSuffix("}}") else { return false }
        let path = input.dropFirst(2).dropLast(2).trimmingSpaces
        return path == "trigger.message.Body" || (path.hasPrefix("widgets.") && path.hasSuffix(".inbound.Body"))
    }

    /// Liquid as Studio writes it, in v1 template terms: the inbound body is `reply`, `flow.variables.x` is
    /// `fields.x`, and `flow.data.x` (the REST trigger's parameters) is the customer attribute `x`.
    mutating func liquid(_ text: String, at path: String) throws(FlowError) -> String {
        if text.contains("{%") {
            throw FlowError(
                kind: .invalidValue,
                file: file,
                path: path,
                found: "a Liquid tag ({% … %})",
                expected: "plain text with {{ placeholders }}; rewrite the branch as a split"
            )
        }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let inside = rest[open.upperBound..<close.lowerBound]
            let pieces = inside.split(separator: "|", maxSplits: 1)
            let variable = pieces.first.map { $0.trimmingSpaces } ?? ""
            let filters = pieces.count > 1 ? " |" + pieces[1] : ""
            let mapped: String
            if StudioConversion.isReply("{{\(variable)}}") {
                mapped = "reply"
            } else if variable.hasPrefix("flow.variables.") {
                mapped = "fields." + variable.dropFirst("flow.variables.".count)
            } else if variable.hasPrefix("flow.data.") {
                mapped = String(variable.dropFirst("flow.data.".count))
            } else {
                throw FlowError(
                    kind: .invalidValue,
                    file: file,
                    path: path,
                    found: "the Liquid variable {{\(variable)}}",
                    expected: "widgets.X.inbound.Body, trigger.message.Body, flow.variables.X or flow.data.X"
                )
            }
            output += "{{" + mapped + filters + "}}"
            rest = rest[close.upperBound...]
        }
        output += rest
        _ = try Template(output, file: file, path: path)
        return output
    }
}
