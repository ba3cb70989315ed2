import Testing

@testable import FlowEngine

@Suite struct StudioImporterTests {
    @Test func studioCartBecomesARunnableFlow() throws {
        let result = try StudioImporter.convert(TestSupport.fixture("studio-cart.json"), file: "studio-cart.json")
        let flow = result.flow
        #expect(flow.name == "Studio cart nudge")
        #expect(flow.mode == .conversational)
        #expect(flow.nodes.map(\.id) == ["Nudge", "Route", "Link", "Sizing", "Mark", "Agent", "studio_end"])
        #expect(flow.nodes[flow.start].id == "Nudge")
        let route = try #require(flow.nodes[1].router)
        #expect(route.categories.map(\.name) == ["If value equal_to yes", "Sizing", "No match"])
        #expect(route.cases.map(\.type) == ["only_phrase", "only_phrase", "only_phrase", "only_phrase"])
        #expect(route.cases.map(\.arguments) == [["yes"], ["size"], ["sizing"], ["fit"]])
        #expect(result.notes.count == 2)

        let runtime = TestSupport.runtime(flow)
        let started = runtime.start(TestSupport.session(), at: TestSupport.morning)
        #expect(
            started.texts == [
                "Hi Maya, your cart is waiting. Reply YES for the link or SIZE for sizing help. Reply STOP to opt out"
            ]
        )
        #expect(started.session.timeoutAt == TestSupport.morning.adding(seconds: 14_400))
        let yes = runtime.resume(started.session, with: .message("Yes!"), at: TestSupport.morning.adding(seconds: 60))
        #expect(yes.routes == ["Nudge → Reply", "Route → If value equal_to yes"])
        #expect(yes.texts == ["Here you go: https://shop.example/c/10442"])
        #expect(yes.endedOutcome == "completed")
        let fit = runtime.resume(started.session, with: .message("fit"), at: TestSupport.morning.adding(seconds: 60))
        #expect(fit.routes == ["Nudge → Reply", "Route → Sizing"])
        let silent = runtime.resume(started.session, with: .timeout, at: TestSupport.morning.adding(seconds: 14_400))
        #expect(silent.events.contains(.fieldSet(name: "outcome", value: "no_reply")))
    }

    @Test func importedFlowWritesOutAndLints() throws {
        let flow = try StudioImporter.convert(TestSupport.fixture("studio-cart.json"), file: "studio-cart.json").flow
        #expect(try Flow.decode(flow.jsonText) == flow)
        // Studio's "equal_to yes" is the only way to the link: an opted-out customer's YES re-subscribes instead.
        #expect(FlowLinter().lint(flow).map(\.rule) == ["opt-in-keyword-answer"])
    }

    static let refused: [(String, String, String)] = [
        (
            #"{"name": "Route", "type": "split-based-on""#, #"{"name": "Route", "type": "make-http-request""#,
            "studio-cart.json: $.states[2].type: found the widget type \"make-http-request\", which has no offline equivalent; "
                + "expected one of trigger, send-message, send-and-wait-for-reply, split-based-on, set-variables, send-to-flex"
        ),
        (
            #""type": "equal_to", "value": "yes""#, #""type": "not_equal_to", "value": "yes""#,
            "studio-cart.json: $.states[2].transitions[1].conditions[0].type: found the condition \"not_equal_to\", which "
                + "format v1 cannot express; expected equal_to, matches_any_of, contains, starts_with, regex, less_than, greater_than or is_not_blank"
        ),
        (
            "Here you go: {{flow.data.cart.checkout_url}}", "{% if x %}Here{% endif %}",
            "studio-cart.json: $.states[3].properties.body: found a Liquid tag ({% … %}); expected plain text with {{ placeholders }}; rewrite the branch as a split"
        ),
        (
            "Here you go: {{flow.data.cart.checkout_url}}", "Here you go: {{contact.channel.address}}",
            "studio-cart.json: $.states[3].properties.body: found the Liquid variable {{contact.channel.address}}; "
                + "expected widgets.X.inbound.Body, trigger.message.Body, flow.variables.X or flow.data.X"
        ),
    ]

    @Test(arguments: refused)
    func unsupportedStudioFeaturesAreRefusedWithTheirPath(_ old: String, _ new: String, _ message: String) throws {
        let text = try TestSupport.fixture("studio-cart.json")
        #expect(text.contains(old))
        let error = #expect(throws: FlowError.self) {
            try StudioImporter.convert(text.replacingOccurrences(of: old, with: new), file: "studio-cart.json")
        }
        #expect(error?.description == message)
    }
}
