import JSONDocument
import Messaging

/// Finds the mistakes that cost money or consent before a flow goes live: unreachable and dead-end nodes, waits
/// that never time out, loops that never wait, cases that can never fire, menu answers that are carrier
/// keywords, texts that cost extra segments, a first text without opt-out language, and placeholders the
/// customer data does not provide.
public struct FlowLinter: Sendable {
    /// Attribute paths the population provides (`cart.items.N.name` style; `N` stands for any index).
    public var providedFields: [String]
    /// A text longer than this many segments is flagged.
    public var maxSegments: Int
    public var keywords: KeywordPolicy
    /// Customer attributes used to estimate rendered lengths.
    public var sampleContact: JSONValue
    /// Opt-in keywords the runtime takes as a subscription from any customer without marketing consent
    /// (`FlowRuntime.subscriptionKeywords`); other opt-in words (YES) reach the flow unless the customer opted out.
    public var subscriptionKeywords: [String] = ["START", "UNSTOP"]

    /// The attribute paths of the customer-attributes contract (documented in `datasets/flows/README.md`).
    public static let populationFields = [
        "first_name", "segment", "state", "time_zone", "consent_source",
        "cart.id", "cart.total", "cart.item_count", "cart.checkout_url",
        "cart.items.N.name", "cart.items.N.category", "cart.items.N.price", "cart.items.N.quantity",
        "cart.items.N.size",
        "last_order.id", "last_order.product", "last_order.category", "last_order.total", "last_order.days_ago",
        "appointment.service", "appointment.date", "appointment.time",
        "lead.company", "lead.interest",
    ]

    public init(
        providedFields: [String] = FlowLinter.populationFields,
        maxSegments: Int = 2,
        keywords: KeywordPolicy = .standard,
        sampleContact: JSONValue = SampleCustomer.attributes
    ) {
        self.providedFields = providedFields
        self.maxSegments = maxSegments
        self.keywords = keywords
        self.sampleContact = sampleContact
    }

    /// Every finding, errors first, then in document order.
    /// - Complexity: O(*n*²) in the number of nodes (loop search), fine for hand-written flows.
    public func lint(_ flow: Flow) -> [LintFinding] {
        var findings: [LintFinding] = []
        findings += structure(flow)
        findings += loops(flow)
        for (index, node) in flow.nodes.enumerated() {
            findings += texts(of: node, at: index, in: flow)
            if let router = node.router { findings += cases(of: router, at: "$.nodes[\(index)].router", in: flow) }
        }
        for (index, intent) in flow.intents.enumerated() {
            for (wordIndex, word) in intent.words.enumerated() {
                findings += keywordCollision(word, at: "$.intents[\(index)].words[\(wordIndex)]", intent: intent.name)
            }
            for (phraseIndex, phrase) in intent.phrases.enumerated() {
                findings += keywordCollision(
                    phrase.joined(separator: " "),
                    at: "$.intents[\(index)].phrases[\(phraseIndex)]",
                    intent: intent.name
                )
            }
        }
        findings += optOutLanguage(flow)
        return findings.enumerated().sorted {
            ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset)
        }.map(\.element)
    }

    // MARK: - Graph

    private func successors(_ node: Flow.Node) -> [Int] {
        if let router = node.router { return router.categories.map(\.next) }
        return node.next.map { [$0] } ?? []
    }

    private func structure(_ flow: Flow) -> [LintFinding] {
        var findings: [LintFinding] = []
        var reached = [Bool](repeating: false, count: flow.nodes.count)
        var queue = [flow.start]
        reached[flow.start] = true
        while let next = queue.popLast() {
            for successor in successors(flow.nodes[next]) where !reached[successor] {
                reached[successor] = true
                queue.append(successor)
            }
        }
        for (index, node) in flow.nodes.enumerated() {
            let path = "$.nodes[\(index)]"
            if !reached[index] {
                findings.append(
                    LintFinding(
                        severity: .warning,
                        rule: "unreachable-node",
                        path: path,
                        message: "node \"\(node.id)\" is never reached from the start node",
                        hint: "point a category or \"next\" at it, or delete it"
                    )
                )
            }
            let ends = node.actions.last.map { if case .end = $0 { true } else { false } } ?? false
            if node.router == nil, node.next == nil, !ends {
                findings.append(
                    LintFinding(
                        severity: .error,
                        rule: "dead-end",
                        path: path,
                        message:
                            "node \"\(node.id)\" leads nowhere and does not end: the conversation stops without an outcome",
                        hint: "add {\"type\": \"end\", \"outcome\": \"…\"} as its last action, or a \"next\""
                    )
                )
            }
            guard let router = node.router else { continue }
            if let wait = router.wait {
                if wait.timeoutSeconds == nil {
                    findings.append(
                        LintFinding(
                            severity: .warning,
                            rule: "wait-without-timeout",
                            path: "\(path).router.wait",
                            message:
                                "node \"\(node.id)\" waits with no timeout: a silent customer sits here until the flow expires (\(flow.expireAfterSeconds / 3_600) h)",
                            hint: "add \"timeout\": \"4h\" and a \"timeout_category\" that nudges once or ends politely"
                        )
                    )
                }
                if flow.mode == .oneWay {
                    findings.append(
                        LintFinding(
                            severity: .warning,
                            rule: "one-way-waits",
                            path: "\(path).router.wait",
                            message: "a one_way flow waits for a reply at node \"\(node.id)\"",
                            hint: "set \"mode\": \"conversational\", or remove the wait"
                        )
                    )
                }
            }
            if router.kind == .switch {
                for (categoryIndex, category) in router.categories.enumerated() {
                    let used =
                        router.cases.contains { $0.category == categoryIndex }
                        || router.defaultCategory == categoryIndex
                        || router.wait?.timeoutCategory == categoryIndex
                    if !used {
                        findings.append(
                            LintFinding(
                                severity: .warning,
                                rule: "unused-category",
                                path: "\(path).router.categories[\(categoryIndex)]",
                                message: "no case, default or timeout leads to category \"\(category.name)\"",
                                hint: "add a case for it or remove it"
                            )
                        )
                    }
                }
            }
        }
        return findings
    }

    /// Groups of nodes that can cycle without a wait, a hand-off or an end: each pass sends again at once.
    private func loops(_ flow: Flow) -> [LintFinding] {
        let count = flow.nodes.count
        func pauses(_ node: Flow.Node) -> Bool {
            node.router?.wait != nil
                || node.actions.contains {
                    switch $0 {
                    case .handoff, .end: return true
                    default: return false
                    }
                }
        }
        var reach = [[Bool]](repeating: [Bool](repeating: false, count: count), count: count)
        for start in 0..<count where !pauses(flow.nodes[start]) {
            var stack = successors(flow.nodes[start])
            while let next = stack.popLast() {
                guard !reach[start][next] else { continue }
                reach[start][next] = true
                if !pauses(flow.nodes[next]) { stack.append(contentsOf: successors(flow.nodes[next])) }
            }
        }
        var reported = [Bool](repeating: false, count: count)
        var findings: [LintFinding] = []
        for index in 0..<count where reach[index][index] && !reported[index] {
            let members = (0..<count).filter { reach[index][$0] && reach[$0][index] }
            for member in members { reported[member] = true }
            findings.append(
                LintFinding(
                    severity: .error,
                    rule: "loop-without-wait",
                    path: "$.nodes[\(index)]",
                    message: "nodes " + members.map { "\"\(flow.nodes[$0].id)\"" }.joined(separator: " → ")
                        + " loop without waiting for the customer: each pass sends again at once until the step budget stops it",
                    hint: "put a router with a \"wait\" inside the loop, or leave it after a set number of tries"
                )
            )
        }
        return findings
    }

    // MARK: - Texts

    private func texts(of node: Flow.Node, at index: Int, in flow: Flow) -> [LintFinding] {
        var findings: [LintFinding] = []
        var setFields: [String] = []
        for flowNode in flow.nodes {
            for case .setField(let name, _) in flowNode.actions { setFields.append(name) }
        }
        for (actionIndex, action) in node.actions.enumerated() {
            let path = "$.nodes[\(index)].actions[\(actionIndex)]"
            var templates: [(Template, String)] = []
            switch action {
            case .send(let template, _): templates.append((template, "\(path).text"))
            case .setField(_, let value): templates.append((value, "\(path).value"))
            case .goal(_, let value?): templates.append((value, "\(path).value"))
            case .handoff(_, _, let note?): templates.append((note, "\(path).note"))
            default: break
            }
            findings += unknownValues(in: templates, setFields: setFields)
            if case .send(let template, _) = action {
                findings += segments(of: template, at: "\(path).text")
                findings += menuAnswers(in: template, at: "\(path).text")
            }
        }
        if case .template(let operand)? = node.router?.operand {
            findings += unknownValues(in: [(operand, "$.nodes[\(index)].router.operand")], setFields: setFields)
        }
        return findings
    }

    private func unknownValues(in templates: [(Template, String)], setFields: [String]) -> [LintFinding] {
        var findings: [LintFinding] = []
        for (template, templatePath) in templates {
            for placeholder in template.placeholders where !provides(placeholder.path, setFields: setFields) {
                findings.append(
                    LintFinding(
                        severity: .error,
                        rule: "unknown-template-value",
                        path: templatePath,
                        message: "{{\(placeholder.path)}} is not provided by the customer data or the flow",
                        hint:
                            "use one of the documented attributes (datasets/flows/README.md), set it with set_field, or add | default: \"…\""
                    )
                )
            }
        }
        return findings
    }

    private func provides(_ path: String, setFields: [String]) -> Bool {
        if ["reply", "reply_number", "handoff_outcome"].contains(path) { return true }
        if path.hasPrefix("fields.") { return setFields.contains(String(path.dropFirst(7))) }
        let normalised = path.split(separator: ".").map { $0.allSatisfy(\.isNumber) ? "N" : String($0) }.joined(
            separator: "."
        )
        return providedFields.contains(normalised)
    }

    /// The text as a typical customer would receive it, for segment counting.
    func sampleRendering(_ template: Template) -> String {
        let context = TemplateContext(contact: sampleContact, reply: "yes", handoffOutcome: "resolved")
        var output = ""
        for part in template.parts {
            switch part {
            case .literal(let text): output += text
            case .value(let placeholder): output += placeholder.value(in: context) ?? "xxxxxxxx"
            }
        }
        return output
    }

    private func segments(of template: Template, at path: String) -> [LintFinding] {
        var findings: [LintFinding] = []
        let literal = SegmentCount.of(template.literalText)
        if literal.encoding == .ucs2, !literal.nonGSMCharacters.isEmpty {
            let named = literal.nonGSMCharacters.map { character in
                "\"\(character)\" (" + character.unicodeScalars.map { "U+" + hex($0.value) }.joined(separator: " ")
                    + ")"
            }.joined(separator: ", ")
            findings.append(
                LintFinding(
                    severity: .warning,
                    rule: "ucs2-character",
                    path: path,
                    message:
                        "\(named) \(literal.nonGSMCharacters.count == 1 ? "turns" : "turn") the whole text into UCS-2: 70 characters per segment instead of 160",
                    hint: "replace it with a plain character (' for ’, - for –, ... for …) or accept the higher cost"
                )
            )
        }
        let rendered = SegmentCount.of(sampleRendering(template))
        if rendered.segments > maxSegments {
            findings.append(
                LintFinding(
                    severity: .warning,
                    rule: "too-many-segments",
                    path: path,
                    message:
                        "this text is about \(rendered.segments) segments (\(rendered.totalUnits) \(rendered.encoding.rawValue) units with sample data); the limit is \(maxSegments)",
                    hint: "shorten it: one idea and one next step per text"
                )
            )
        }
        return findings
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// "Reply CANCEL to cancel", or QUIT anywhere in a list of choices: a menu answer that the carrier keyword
    /// layer intercepts. Opt-out instructions ("Reply STOP to cancel", "Txt STOP to end") are not menu answers.
    private func menuAnswers(in template: Template, at path: String) -> [LintFinding] {
        var findings: [LintFinding] = []
        for answer in OfferedAnswers(template.literalText, keywords: keywords).answers {
            switch keywords.reservedClass(of: answer.word) {
            case .optOutExact?:
                if OfferedAnswers.isOptOutInstruction(answer) { continue }
                findings.append(
                    LintFinding(
                        severity: .error,
                        rule: "reserved-keyword-answer",
                        path: path,
                        message:
                            "the text asks customers to reply \"\(answer.word.uppercased())\", a carrier opt-out keyword: replying opts them out of every message",
                        hint: "offer a number or another word (\"Reply 2 to cancel your booking\")"
                    )
                )
            case .help?:
                guard answer.byVerb, answer.word != "help", !answer.purpose.contains("help") else { continue }
                findings.append(
                    LintFinding(
                        severity: .warning,
                        rule: "reserved-keyword-answer",
                        path: path,
                        message:
                            "the text asks customers to reply \"\(answer.word.uppercased())\", a carrier help keyword: they get the help reply, not your menu",
                        hint: "offer a number or another word"
                    )
                )
            default:
                continue
            }
        }
        return findings
    }

    // MARK: - Cases

    private func cases(of router: Flow.Router, at path: String, in flow: Flow) -> [LintFinding] {
        var findings: [LintFinding] = []
        for (index, candidate) in router.cases.enumerated() {
            let casePath = "\(path).cases[\(index)]"
            if let earlier = router.cases[..<index].firstIndex(where: { shadows($0.matcher, candidate.matcher) }) {
                findings.append(
                    LintFinding(
                        severity: .error,
                        rule: "shadowed-case",
                        path: casePath,
                        message:
                            "this \(candidate.type) case can never match: every reply it accepts is taken first by cases[\(earlier)] (\(router.cases[earlier].type) \(router.cases[earlier].arguments.joined(separator: ", ")))",
                        hint: "move it above cases[\(earlier)], or narrow the earlier case"
                    )
                )
            }
            switch candidate.matcher {
            case .anyWord, .allWords, .phrase, .onlyPhrase, .startsWith:
                for (argumentIndex, argument) in candidate.arguments.enumerated() {
                    let answers =
                        candidate.type == "any_word" || candidate.type == "all_words"
                        ? TokenizedText(argument).tokens : [argument]
                    for answer in answers {
                        findings += keywordCollision(answer, at: "\(casePath).arguments[\(argumentIndex)]")
                    }
                }
            default:
                break
            }
        }
        findings += optInOnlyCategories(of: router, at: path)
        return findings
    }

    /// A category reachable only by YES-type answers: a customer who opted out (perhaps in another campaign)
    /// and sends YES is re-subscribed by the keyword layer and can never pick it.
    /// - Complexity: O(categories × cases).
    private func optInOnlyCategories(of router: Flow.Router, at path: String) -> [LintFinding] {
        var findings: [LintFinding] = []
        for (categoryIndex, category) in router.categories.enumerated() {
            let feeding = router.cases.indices.filter { router.cases[$0].category == categoryIndex }
            guard let first = feeding.first else { continue }
            let onlyOptIn = feeding.allSatisfy { index in
                let candidate = router.cases[index]
                switch candidate.matcher {
                case .anyWord, .allWords, .phrase, .onlyPhrase, .startsWith:
                    return !candidate.arguments.isEmpty
                        && candidate.arguments.allSatisfy { argument in
                            let match = keywords.classify(argument)
                            // START and UNSTOP already get their own warning.
                            return match.keywordClass == .optIn
                                && !subscriptionKeywords.contains(match.keyword ?? "")
                        }
                default:
                    return false
                }
            }
            guard onlyOptIn else { continue }
            findings.append(
                LintFinding(
                    severity: .warning,
                    rule: "opt-in-keyword-answer",
                    path: "\(path).cases[\(first)].arguments",
                    message:
                        "category \"\(category.name)\" is picked only by opt-in keywords: from a customer who opted out, the keyword layer takes them as a re-subscription and the flow never sees them",
                    hint: "also accept a number or another word (\"1\", \"confirm\")"
                )
            )
        }
        return findings
    }

    /// An answer the keyword layer takes before the flow: opt-out words are errors; help, review and subscription
    /// words (START, UNSTOP) warnings. YES reaches the flow unless the customer opted out (see
    /// `optInOnlyCategories`).
    private func keywordCollision(_ answer: String, at path: String, intent: String? = nil) -> [LintFinding] {
        let keywordClass = keywords.classify(answer).keywordClass
        let owner = intent.map { " (intent \"\($0)\")" } ?? ""
        switch keywordClass {
        case .optOutExact, .optOutPhrase:
            return [
                LintFinding(
                    severity: .error,
                    rule: "reserved-keyword-answer",
                    path: path,
                    message:
                        "\"\(answer)\"\(owner) is a carrier opt-out keyword: a customer who sends it is opted out before the flow sees it",
                    hint: "accept a number or another word instead"
                )
            ]
        case .help, .needsReview:
            return [
                LintFinding(
                    severity: .warning,
                    rule: "reserved-keyword-answer",
                    path: path,
                    message:
                        "\"\(answer)\"\(owner) is taken by the keyword layer (\(keywordClass.rawValue)) before the flow sees it",
                    hint: "remove it from the answers; the keyword layer already handles it"
                )
            ]
        case .optIn where subscriptionKeywords.contains(keywords.classify(answer).keyword ?? ""):
            return [
                LintFinding(
                    severity: .warning,
                    rule: "reserved-keyword-answer",
                    path: path,
                    message:
                        "\"\(answer)\"\(owner) is a subscription keyword: from a customer without marketing consent the keyword layer takes it as an opt-in before the flow sees it",
                    hint: "accept a number or another word instead"
                )
            ]
        case .optIn, .none:
            return []
        }
    }

    /// True when every reply `later` accepts is already accepted by `earlier`.
    func shadows(_ earlier: Matcher, _ later: Matcher) -> Bool {
        if earlier == later { return true }
        switch (earlier, later) {
        case (.anyText, .anyWord), (.anyText, .allWords), (.anyText, .phrase), (.anyText, .onlyPhrase),
            (.anyText, .startsWith), (.anyText, .intent):
            return true
        case (.anyWord(let words), .anyWord(let others)):
            return others.allSatisfy(words.contains)
        case (.anyWord(let words), .allWords(let others)), (.anyWord(let words), .phrase(let others)),
            (.anyWord(let words), .onlyPhrase(let others)):
            return others.contains(where: words.contains)
        case (.allWords(let words), .allWords(let others)), (.allWords(let words), .phrase(let others)),
            (.allWords(let words), .onlyPhrase(let others)):
            return words.allSatisfy(others.contains)
        case (.phrase(let words), .phrase(let others)), (.phrase(let words), .onlyPhrase(let others)):
            return Matcher.containsRun(words, in: others)
        case (.startsWith(let prefix), .startsWith(let other)):
            return other.hasPrefix(prefix)
        case (.anyNumber, .numberBetween), (.anyNumber, .numberLess), (.anyNumber, .numberGreater):
            return true
        case (.numberBetween(let low, let high), .numberBetween(let otherLow, let otherHigh)):
            return low <= otherLow && otherHigh <= high
        case (.numberLess(let limit), .numberLess(let other)):
            return other <= limit
        case (.numberLess(let limit), .numberBetween(_, let high)):
            return high < limit
        case (.numberGreater(let limit), .numberGreater(let other)):
            return other >= limit
        case (.numberGreater(let limit), .numberBetween(let low, _)):
            return low > limit
        default:
            return false
        }
    }

    // MARK: - Opt-out language

    /// True when `text` binds an opt-out keyword to a reply verb or to an opt-out purpose ("Reply STOP to opt out",
    /// "STOP to unsubscribe"); the word STOP alone ("Stop by our store today") is no instruction.
    static func saysHowToOptOut(_ text: String, keywords: KeywordPolicy) -> Bool {
        OfferedAnswers(text, keywords: keywords).answers.contains { answer in
            keywords.reservedClass(of: answer.word) == .optOutExact && OfferedAnswers.isOptOutInstruction(answer)
                && (answer.byVerb || answer.preposition != nil)
        }
    }

    /// The first marketing text a campaign sends must tell customers how to opt out (CTIA guidelines); every
    /// path from the start up to its first wait is checked, so each arm of a random split is too.
    private func optOutLanguage(_ flow: Flow) -> [LintFinding] {
        var findings: [LintFinding] = []
        var seen = [Bool](repeating: false, count: flow.nodes.count)
        var stack = [flow.start]
        while let index = stack.popLast() {
            guard !seen[index] else { continue }
            seen[index] = true
            let node = flow.nodes[index]
            var sent = false
            for (actionIndex, action) in node.actions.enumerated() {
                guard case .send(let template, let purpose) = action else { continue }
                sent = true
                if purpose == .transactional { break }
                if !Self.saysHowToOptOut(template.literalText, keywords: keywords) {
                    findings.append(
                        LintFinding(
                            severity: .error,
                            rule: "missing-opt-out-language",
                            path: "$.nodes[\(index)].actions[\(actionIndex)].text",
                            message: "the first marketing text does not say how to opt out",
                            hint: "end it with \"Reply STOP to opt out\" (or \"Txt STOP to end\")"
                        )
                    )
                }
                break
            }
            if sent || node.router?.wait != nil { continue }
            stack.append(contentsOf: successors(node).reversed())
        }
        return findings
    }
}
