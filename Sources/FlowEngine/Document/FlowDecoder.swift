import JSONDocument
import Messaging

extension Flow {
    /// The case types a router accepts, in the order the documentation lists them.
    public static let caseTypes = [
        "any_word", "all_words", "phrase", "only_phrase", "starts_with", "number", "number_between", "number_less",
        "number_greater", "regex", "intent", "has_text",
    ]

    /// The action types a node accepts.
    public static let actionTypes = ["send", "set_field", "tag", "goal", "handoff", "capture_consent", "end"]

    /// Reads a flow from JSON text; every mistake names `file`, the JSON path, what was found and what was expected.
    /// - Complexity: O(*n*) in the size of the document plus O(*k* × *n*) to resolve *k* node references.
    public static func decode(_ text: String, file: String = "<input>") throws(FlowError) -> Flow {
        try decode(FlowReader(parsing: text, file: file).value, file: file)
    }

    /// Reads a flow from an already parsed document.
    public static func decode(_ document: JSONValue, file: String = "<input>") throws(FlowError) -> Flow {
        var decoding = FlowDecoding(file: file)
        return try decoding.flow(FlowReader(document, file: file))
    }
}

extension Flow: Decodable {
    /// Decodes through the same reader as `Flow.decode`, so `JSONDecoder` callers get the same checks; the
    /// thrown `FlowError` names "<decoder>" as the file.
    public init(from decoder: any Decoder) throws {
        self = try Flow.decode(JSONValue(from: decoder), file: "<decoder>")
    }
}

/// The reading of one document; keeps the node ids so references resolve to indexes as they are read.
private struct FlowDecoding {
    let file: String
    var nodeIDs: [String] = []
    var intentNames: [String] = []

    init(file: String) {
        self.file = file
    }

    mutating func flow(_ root: FlowReader) throws(FlowError) -> Flow {
        try root.requireObject(allowed: [
            "format", "name", "use_case", "description", "mode", "subject", "brand", "start", "expire_after", "intents",
            "nodes",
        ])
        let format = try root.required("format", "\"\(Flow.format)\"")
        guard try format.string() == Flow.format else {
            throw format.error(.invalidValue, found: format.value.described, expected: "\"\(Flow.format)\"")
        }
        let name = try root.required("name", "the campaign's name").nonEmptyString()
        let useCase = try root.required("use_case", "what the campaign is for, e.g. \"abandoned_cart\"")
            .nonEmptyString()
        let description = try root.child("description")?.string() ?? ""
        let mode = try Flow.Mode(
            rawValue: root.required("mode", "\"conversational\" or \"one_way\"")
                .choice(Flow.Mode.allCases.map(\.rawValue))
        )!
        let subject = try root.child("subject")?.nonEmptyString() ?? name
        let brand = try root.child("brand")?.nonEmptyString()
        let expiry = try root.child("expire_after")?.durationSeconds() ?? 3 * 86_400

        let nodesReader = try root.required("nodes", "an array of nodes")
        let nodeReaders = try nodesReader.array()
        guard !nodeReaders.isEmpty else {
            throw nodesReader.error(.invalidValue, found: "an empty array", expected: "at least one node")
        }
        for reader in nodeReaders {
            try reader.requireObject(allowed: ["id", "actions", "router", "next"])
            let idReader = try reader.required("id", "a unique node id such as \"ask_size\"")
            let id = try idReader.nonEmptyString()
            if let earlier = nodeIDs.firstIndex(of: id) {
                throw idReader.error(
                    .duplicate,
                    found: "the id \"\(id)\" again",
                    expected: "ids unique across nodes ($.nodes[\(earlier)] has it)"
                )
            }
            nodeIDs.append(id)
        }

        var intents: [Intent] = []
        if let intentsReader = root.child("intents") {
            for reader in try intentsReader.array() {
                let intent = try self.intent(reader)
                if intentNames.contains(intent.name) {
                    throw reader.error(
                        .duplicate,
                        found: "the intent \"\(intent.name)\" again",
                        expected: "intent names unique",
                        at: "\(reader.path).name"
                    )
                }
                intentNames.append(intent.name)
                intents.append(intent)
            }
        }

        let start = try reference(root.required("start", "the id of the first node"))
        var nodes: [Flow.Node] = []
        for reader in nodeReaders { nodes.append(try node(reader)) }
        return Flow(
            name: name,
            useCase: useCase,
            description: description,
            mode: mode,
            subject: subject,
            brand: brand,
            start: start,
            expireAfterSeconds: expiry,
            nodes: nodes,
            intents: intents
        )
    }

    func reference(_ reader: FlowReader) throws(FlowError) -> Int {
        let id = try reader.nonEmptyString()
        guard let index = nodeIDs.firstIndex(of: id) else {
            var expected = "the id of a node (" + nodeIDs.joined(separator: ", ") + ")"
            if let near = SpellingSuggestion.closest(to: id, among: nodeIDs) { expected = "\"\(near)\"? " + expected }
            throw reader.error(.unknownReference, found: "\"\(id)\", which no node has", expected: expected)
        }
        return index
    }

    func intent(_ reader: FlowReader) throws(FlowError) -> Intent {
        try reader.requireObject(allowed: ["name", "words", "phrases"])
        let name = try reader.required("name", "the intent's name").nonEmptyString()
        var words: [String] = []
        if let wordsReader = reader.child("words") {
            for item in try wordsReader.array() {
                let tokens = TokenizedText(try item.nonEmptyString()).tokens
                guard tokens.count == 1 else {
                    throw item.error(
                        .invalidValue,
                        found: item.value.described,
                        expected: "a single word (put several words under \"phrases\")"
                    )
                }
                words.append(tokens[0])
            }
        }
        var phrases: [[String]] = []
        if let phrasesReader = reader.child("phrases") {
            for item in try phrasesReader.array() {
                let tokens = TokenizedText(try item.nonEmptyString()).tokens
                guard !tokens.isEmpty else {
                    throw item.error(.invalidValue, found: item.value.described, expected: "a phrase with words")
                }
                phrases.append(tokens)
            }
        }
        guard !words.isEmpty || !phrases.isEmpty else {
            throw reader.error(
                .missingKey,
                found: "neither \"words\" nor \"phrases\"",
                expected: "keywords that signal the intent"
            )
        }
        return Intent(name: name, words: words, phrases: phrases)
    }

    func template(_ reader: FlowReader) throws(FlowError) -> Template {
        try Template(reader.nonEmptyString(), file: file, path: reader.path)
    }

    func node(_ reader: FlowReader) throws(FlowError) -> Flow.Node {
        let id = try reader.required("id", "a node id").string()
        var actions: [Flow.Action] = []
        if let actionsReader = reader.child("actions") {
            for actionReader in try actionsReader.array() { actions.append(try action(actionReader)) }
        }
        let router = try reader.child("router").map { (routerReader) throws(FlowError) in try self.router(routerReader)
        }
        let next = try reader.child("next").map { (nextReader) throws(FlowError) in try reference(nextReader) }
        if router != nil, next != nil {
            throw reader.error(
                .invalidValue,
                found: "both \"router\" and \"next\"",
                expected: "one of them: a router's categories say where to go",
                at: "\(reader.path).next"
            )
        }
        if let endIndex = actions.firstIndex(where: { if case .end = $0 { true } else { false } }) {
            if endIndex != actions.count - 1 || router != nil || next != nil {
                throw reader.error(
                    .invalidValue,
                    found: "an \"end\" action followed by more work",
                    expected: "\"end\" as the node's last action, with no router or next",
                    at: "\(reader.path).actions[\(endIndex)]"
                )
            }
        }
        return Flow.Node(id: id, actions: actions, router: router, next: next)
    }

    func action(_ reader: FlowReader) throws(FlowError) -> Flow.Action {
        let type = try reader.required("type", "one of " + Flow.actionTypes.joined(separator: ", ")).choice(
            Flow.actionTypes
        )
        switch type {
        case "send":
            try reader.requireObject(allowed: ["type", "text", "purpose"])
            let text = try template(reader.required("text", "the message text"))
            let purpose = try reader.child("purpose").map { (purposeReader) throws(FlowError) in
                MessagePurpose(rawValue: try purposeReader.choice(["marketing", "transactional"]))!
            }
            return .send(text, purpose: purpose)
        case "set_field":
            try reader.requireObject(allowed: ["type", "field", "value"])
            let field = try reader.required("field", "the field's name")
            let name = try field.nonEmptyString()
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw field.error(.invalidValue, found: field.value.described, expected: "letters, digits and _ only")
            }
            return .setField(
                name: name,
                value: try template(reader.required("value", "a template such as \"{{reply}}\""))
            )
        case "tag":
            try reader.requireObject(allowed: ["type", "tag"])
            return .tag(try reader.required("tag", "the tag text").nonEmptyString())
        case "goal":
            try reader.requireObject(allowed: ["type", "name", "value"])
            let name = try reader.required("name", "the goal's name").nonEmptyString()
            return .goal(
                name: name,
                value: try reader.child("value").map { (valueReader) throws(FlowError) in try template(valueReader) }
            )
        case "handoff":
            try reader.requireObject(allowed: ["type", "queue", "priority", "note"])
            let queue = try reader.required("queue", "the agent queue's name").nonEmptyString()
            let priority = try reader.child("priority").map { (priorityReader) throws(FlowError) in
                Flow.HandoffPriority(
                    rawValue: try priorityReader.choice(Flow.HandoffPriority.allCases.map(\.rawValue))
                )!
            }
            let note = try reader.child("note").map { (noteReader) throws(FlowError) in try template(noteReader) }
            return .handoff(queue: queue, priority: priority ?? .normal, note: note)
        case "capture_consent":
            try reader.requireObject(allowed: ["type", "source"])
            let source = try reader.required("source", "how consent was given")
                .choice(["keyword", "web_form", "checkout", "import"])
            return .captureConsent(ConsentSource(rawValue: source)!)
        default:
            try reader.requireObject(allowed: ["type", "outcome"])
            return .end(outcome: try reader.required("outcome", "a name such as \"recovered\"").nonEmptyString())
        }
    }

    func router(_ reader: FlowReader) throws(FlowError) -> Flow.Router {
        try reader.requireObject(allowed: ["type", "operand", "wait", "cases", "categories", "default"])
        let kind = try Flow.Router.Kind(rawValue: reader.child("type")?.choice(["switch", "random"]) ?? "switch")!

        let categoriesReader = try reader.required("categories", "an array of {\"name\", \"next\"}")
        var categories: [Flow.Category] = []
        for categoryReader in try categoriesReader.array() {
            try categoryReader.requireObject(allowed: kind == .random ? ["name", "next", "weight"] : ["name", "next"])
            let nameReader = try categoryReader.required("name", "the category's name")
            let name = try nameReader.nonEmptyString()
            if categories.contains(where: { $0.name == name }) {
                throw nameReader.error(
                    .duplicate,
                    found: "the category \"\(name)\" again",
                    expected: "category names unique within a router"
                )
            }
            let next = try reference(categoryReader.required("next", "the id of the node this category leads to"))
            var weight = 1
            if kind == .random {
                weight = Int(
                    try categoryReader.required("weight", "a whole-number share such as 50").integer(in: 1...1_000_000)
                )
            }
            categories.append(Flow.Category(name: name, next: next, weight: weight))
        }
        guard !categories.isEmpty else {
            throw categoriesReader.error(.invalidValue, found: "an empty array", expected: "at least one category")
        }
        func category(_ nameReader: FlowReader) throws(FlowError) -> Int {
            let name = try nameReader.nonEmptyString()
            guard let index = categories.firstIndex(where: { $0.name == name }) else {
                throw nameReader.error(
                    .unknownReference,
                    found: "\"\(name)\", which is not a category of this router",
                    expected: "one of " + categories.map { "\"\($0.name)\"" }.joined(separator: ", ")
                )
            }
            return index
        }

        if kind == .random {
            for key in ["operand", "wait", "cases", "default"] where reader.has(key) {
                throw reader.error(
                    .invalidValue,
                    found: "\"\(key)\" on a random router",
                    expected: "only \"type\" and weighted \"categories\" (a random split needs no reply)",
                    at: "\(reader.path).\(key)"
                )
            }
            return Flow.Router(
                kind: .random,
                operand: .reply,
                wait: nil,
                cases: [],
                categories: categories,
                defaultCategory: nil
            )
        }

        var operand = Flow.Operand.reply
        if let operandReader = reader.child("operand") {
            let text = try operandReader.nonEmptyString()
            switch text {
            case "reply", "{{reply}}": operand = .reply
            case "handoff_outcome", "{{handoff_outcome}}": operand = .handoffOutcome
            default: operand = .template(try template(operandReader))
            }
        }
        var wait: Flow.Wait?
        if let waitReader = reader.child("wait") {
            try waitReader.requireObject(allowed: ["timeout", "timeout_category"])
            let timeout = try waitReader.child("timeout")?.durationSeconds()
            let timeoutCategory = try waitReader.child("timeout_category").map { (nameReader) throws(FlowError) in
                try category(nameReader)
            }
            if timeout != nil, timeoutCategory == nil {
                throw waitReader.error(
                    .missingKey,
                    found: "a timeout without \"timeout_category\"",
                    expected: "\"timeout_category\": the category taken when nobody replies"
                )
            }
            if timeout == nil, timeoutCategory != nil {
                throw waitReader.error(
                    .missingKey,
                    found: "\"timeout_category\" without \"timeout\"",
                    expected: "\"timeout\": how long to wait, e.g. \"4h\""
                )
            }
            wait = Flow.Wait(timeoutSeconds: timeout, timeoutCategory: timeoutCategory)
        }
        var cases: [Flow.Case] = []
        if let casesReader = reader.child("cases") {
            for caseReader in try casesReader.array() { cases.append(try self.case(caseReader, category: category)) }
        }
        let defaultCategory = try category(reader.required("default", "the category for a reply no case matches"))
        return Flow.Router(
            kind: .switch,
            operand: operand,
            wait: wait,
            cases: cases,
            categories: categories,
            defaultCategory: defaultCategory
        )
    }

    func `case`(_ reader: FlowReader, category: (FlowReader) throws(FlowError) -> Int) throws(FlowError) -> Flow.Case {
        try reader.requireObject(allowed: ["type", "arguments", "category"])
        let typeReader = try reader.required("type", "one of " + Flow.caseTypes.joined(separator: ", "))
        let type = try typeReader.choice(Flow.caseTypes)
        var arguments: [String] = []
        let argumentsReader = reader.child("arguments")
        if let argumentsReader {
            for item in try argumentsReader.array() {
                switch item.value {
                case .number(let number): arguments.append(JSONValue.format(number))
                default: arguments.append(try item.nonEmptyString())
                }
            }
        }
        let where_ = argumentsReader ?? reader
        func count(_ expected: ClosedRange<Int>, _ what: String) throws(FlowError) {
            guard expected.contains(arguments.count) else {
                throw where_.error(
                    .invalidValue,
                    found: "\(arguments.count) argument\(arguments.count == 1 ? "" : "s")",
                    expected: what
                )
            }
        }
        func number(_ index: Int) throws(FlowError) -> Double {
            guard let value = Double(arguments[index]), value.isFinite else {
                throw where_.error(
                    .invalidValue,
                    found: "\"\(arguments[index])\"",
                    expected: "a number",
                    at: "\(where_.path)[\(index)]"
                )
            }
            return value
        }
        func words() throws(FlowError) -> [String] {
            var tokens: [String] = []
            for (index, argument) in arguments.enumerated() {
                let parts = TokenizedText(argument).tokens
                guard !parts.isEmpty else {
                    throw where_.error(
                        .invalidValue,
                        found: "\"\(argument)\", which has no words",
                        expected: "words or emoji",
                        at: "\(where_.path)[\(index)]"
                    )
                }
                tokens.append(contentsOf: parts)
            }
            return tokens
        }
        let matcher: Matcher
        switch type {
        case "any_word":
            try count(1...1_000, "one or more words")
            matcher = .anyWord(try words())
        case "all_words":
            try count(1...1_000, "one or more words")
            matcher = .allWords(try words())
        case "phrase":
            try count(1...1, "exactly one phrase")
            matcher = .phrase(try words())
        case "only_phrase":
            try count(1...1, "exactly one phrase")
            matcher = .onlyPhrase(try words())
        case "starts_with":
            try count(1...1, "exactly one beginning")
            matcher = .startsWith(TextFolding.fold(arguments[0].trimmingSpaces))
        case "number":
            try count(0...0, "no arguments (any number matches)")
            matcher = .anyNumber
        case "number_between":
            try count(2...2, "two numbers, the lowest and the highest (both included)")
            let low = try number(0)
            let high = try number(1)
            guard low <= high else {
                throw where_.error(
                    .invalidValue,
                    found: "\(arguments[0]) above \(arguments[1])",
                    expected: "the lower number first"
                )
            }
            matcher = .numberBetween(low, high)
        case "number_less":
            try count(1...1, "one number")
            matcher = .numberLess(try number(0))
        case "number_greater":
            try count(1...1, "one number")
            matcher = .numberGreater(try number(0))
        case "regex":
            try count(1...1, "exactly one pattern")
            guard let pattern = Matcher.Pattern(arguments[0]) else {
                throw where_.error(
                    .invalidValue,
                    found: "the pattern \"\(arguments[0])\", which does not compile",
                    expected: "an ICU regular expression",
                    at: "\(where_.path)[0]"
                )
            }
            matcher = .regex(pattern)
        case "intent":
            try count(1...1, "the name of one intent")
            guard let index = intentNames.firstIndex(of: arguments[0]) else {
                throw where_.error(
                    .unknownReference,
                    found: "the intent \"\(arguments[0])\", which $.intents does not define",
                    expected: intentNames.isEmpty
                        ? "an intent declared under $.intents" : "one of " + intentNames.joined(separator: ", "),
                    at: "\(where_.path)[0]"
                )
            }
            matcher = .intent(index)
        default:
            try count(0...0, "no arguments (any text matches)")
            matcher = .anyText
        }
        let categoryIndex = try category(reader.required("category", "the category this case picks"))
        return Flow.Case(type: type, arguments: arguments, matcher: matcher, category: categoryIndex)
    }
}
