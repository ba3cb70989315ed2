import Testing

@testable import FlowEngine

@Suite struct FlowLinterTests {
    @Test func brokenFlowGetsEveryFindingAtItsPath() throws {
        let flow = try Flow.decode(TestSupport.fixture("broken-flow.json"), file: "broken-flow.json")
        let findings = FlowLinter().lint(flow)
        let summary = findings.map { "\($0.severity.rawValue) \($0.rule) \($0.path)" }
        #expect(
            summary == [
                "error dead-end $.nodes[3]",
                "error loop-without-wait $.nodes[1]",
                "error reserved-keyword-answer $.nodes[0].actions[0].text",
                "error shadowed-case $.nodes[0].router.cases[1]",
                "error reserved-keyword-answer $.nodes[0].router.cases[2].arguments[0]",
                "error unknown-template-value $.nodes[1].actions[0].text",
                "error missing-opt-out-language $.nodes[0].actions[0].text",
                "warning wait-without-timeout $.nodes[0].router.wait",
                "warning unused-category $.nodes[0].router.categories[3]",
                "warning unreachable-node $.nodes[3]",
                "warning ucs2-character $.nodes[1].actions[0].text",
                "warning too-many-segments $.nodes[1].actions[0].text",
                "warning reserved-keyword-answer $.intents[0].phrases[0]",
            ]
        )
        let ucs2 = try #require(findings.first { $0.rule == "ucs2-character" })
        #expect(
            ucs2.message
                == "\"’\" (U+2019), \"–\" (U+2013) turn the whole text into UCS-2: 70 characters per segment instead of 160"
        )
        let menu = try #require(findings.first { $0.rule == "reserved-keyword-answer" })
        #expect(menu.message.contains("\"CANCEL\", a carrier opt-out keyword"))
        #expect(findings.allSatisfy { !$0.hint.isEmpty })
    }

    static let menuTexts: [(String, Bool)] = [
        ("Deals inside! Reply 1 for more. Reply STOP to opt out", false),
        ("New arrivals are in. Txt STOP to end, HELP for help", false),
        ("New arrivals are in. Reply STOP to end.", false),
        ("New arrivals are in. Text STOP to unsubscribe", false),
        ("New arrivals are in. Reply STOP to stop messages", false),
        ("Your visit is Tue. Reply CANCEL to cancel. Reply STOP to opt out", true),
        ("Your visit is Tue. Reply END to end your booking. STOP to opt out", true),
        ("Join the waitlist! Reply QUIT to leave it. STOP to opt out", true),
        ("Reply with CANCEL to cancel the order. STOP to opt out", true),
    ]

    @Test(arguments: menuTexts)
    func menuAnswersThatOptCustomersOutAreErrors(_ text: String, _ flagged: Bool) throws {
        var flow = try TestSupport.singleCaseFlow("any_word", ["1"])
        flow.nodes[0].actions = [.send(try Template(text), purpose: nil)]
        let errors = FlowLinter().lint(flow).filter { $0.rule == "reserved-keyword-answer" && $0.severity == .error }
        #expect(errors.count == (flagged ? 1 : 0))
    }

    @Test func everyArmOfASplitNeedsOptOutLanguage() throws {
        let flow = try Flow.decode(
            """
            {"format": "replylab-flow/1", "name": "ab", "use_case": "t", "mode": "one_way", "start": "split",
             "nodes": [{"id": "split", "router": {"type": "random", "categories": [{"name": "A", "next": "a", "weight": 1},
                                                                                  {"name": "B", "next": "b", "weight": 1}]}},
                       {"id": "a", "actions": [{"type": "send", "text": "New drop! Reply STOP to opt out"}], "next": "done"},
                       {"id": "b", "actions": [{"type": "send", "text": "New drop, 10% off today"}], "next": "done"},
                       {"id": "done", "actions": [{"type": "send", "text": "Second text needs no footer"}, {"type": "end", "outcome": "sent"}]}]}
            """
        )
        let findings = FlowLinter().lint(flow)
        #expect(findings.map { "\($0.rule) \($0.path)" } == ["missing-opt-out-language $.nodes[2].actions[0].text"])
    }

    @Test(arguments: try TestSupport.datasetNames())
    func bundledCampaignLintsClean(_ name: String) throws {
        let flow = try TestSupport.dataset(name)
        #expect(FlowLinter().lint(flow) == [])
    }

    @Test func bundledCampaignsComeInPairs() throws {
        let names = try TestSupport.datasetNames()
        #expect(names.count == 10)
        var useCases: [String: [Flow.Mode]] = [:]
        for name in names {
            let flow = try TestSupport.dataset(name)
            useCases[flow.useCase, default: []].append(flow.mode)
        }
        #expect(
            useCases.keys.sorted() == [
                "abandoned_cart", "appointment_reminder", "lead_qualification", "post_purchase", "product_launch",
            ]
        )
        #expect(useCases.values.allSatisfy { Set($0) == [.conversational, .oneWay] })
    }

    static let shadowRows: [(String, [String], String, [String], Bool)] = [
        ("any_word", ["yes", "y"], "any_word", ["y"], true),
        ("any_word", ["y"], "any_word", ["yes", "y"], false),
        ("any_word", ["ship"], "phrase", ["ship it"], true),
        ("any_word", ["ship"], "all_words", ["ship", "today"], true),
        ("all_words", ["red", "shoe"], "all_words", ["red", "shoe", "8"], true),
        ("phrase", ["how long"], "only_phrase", ["how long"], true),
        ("starts_with", ["ye"], "starts_with", ["yes"], true),
        ("starts_with", ["yes"], "starts_with", ["ye"], false),
        ("number_between", ["1", "10"], "number_between", ["2", "4"], true),
        ("number_between", ["1", "3"], "number_between", ["2", "4"], false),
        ("number", [], "number_greater", ["4"], true),
        ("number_less", ["5"], "number_between", ["1", "4"], true),
        ("number_greater", ["4"], "number_between", ["4", "9"], false),
        ("has_text", [], "any_word", ["yes"], true),
        ("regex", ["^a"], "regex", ["^a"], true),
    ]

    @Test(arguments: shadowRows)
    func earlierCaseShadowsLaterOne(
        _ first: String,
        _ firstArguments: [String],
        _ second: String,
        _ secondArguments: [String],
        _ expected: Bool
    ) throws {
        let earlier = try TestSupport.singleCaseFlow(first, firstArguments).nodes[0].router!.cases[0].matcher
        let later = try TestSupport.singleCaseFlow(second, secondArguments).nodes[0].router!.cases[0].matcher
        #expect(FlowLinter().shadows(earlier, later) == expected)
    }

    @Test func mermaidGraphPutsCategoriesOnEdges() throws {
        let diagram = MermaidGraph.render(try TestSupport.dataset("appointment-reminder.json"))
        let lines = diagram.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart TD")
        #expect(lines.contains("  start((start)) --> n0"))
        #expect(lines.contains("  n0 -->|\"Confirmed\"| n2"))
        #expect(lines.contains("  n0 -->|\"No reply ⏱ 6h\"| n1"))
        #expect(lines.contains("  n4 --> n5"))
        #expect(lines.contains { $0.hasPrefix("  n2([\"confirmed: You're all set for {{appointment.date}}") })
        #expect(!diagram.contains("\"\""))
    }

    /// Review F4: YES reaches the flow except from an opted-out customer, so it collides only where it is the
    /// sole way to pick a category; START and UNSTOP subscribe any customer without marketing consent.
    @Test(
        arguments: [
            (["yes"], "opt-in-keyword-answer"),
            (["yes", "y"], nil),
            (["1", "yes"], nil),
            (["start"], "reserved-keyword-answer"),
            (["unstop", "1"], "reserved-keyword-answer"),
        ] as [([String], String?)]
    )
    func optInWordsAsAnswers(_ answers: [String], _ rule: String?) throws {
        let findings = FlowLinter().lint(try TestSupport.singleCaseFlow("any_word", answers))
        let keywordRules = findings.map(\.rule).filter { $0.hasSuffix("keyword-answer") }
        #expect(keywordRules == (rule.map { [$0] } ?? []))
        #expect(findings.filter { $0.rule.hasSuffix("keyword-answer") }.allSatisfy { $0.severity == .warning })
    }
}
