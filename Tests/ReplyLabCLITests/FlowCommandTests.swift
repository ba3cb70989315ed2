import Foundation
import Testing

@testable import ReplyLabCLI

@Suite struct FlowCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let cart = path("datasets/flows/abandoned-cart.json")
    static let broken = path("Tests/FlowEngineTests/Fixtures/broken-flow.json")

    func run(_ arguments: [String], input: String = "") -> (status: Int32, output: String, errors: String) {
        let console = Console.captured(input: input)
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    @Test func lintPassesTheBundledCampaigns() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.path("datasets/flows"))
            .filter { $0.hasSuffix(".json") }.sorted().map { Self.path("datasets/flows/\($0)") }
        let result = run(["flow", "lint"] + files)
        #expect(result.status == 0)
        #expect(result.output.hasSuffix("10 files, 0 errors, 0 warnings\n"))
    }

    @Test func lintFailsOnErrorsAndPrintsPathAndFix() {
        let result = run(["flow", "lint", Self.broken])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "broken-flow.json: error: $.nodes[0].actions[0].text: the text asks customers to reply \"CANCEL\", a carrier "
                    + "opt-out keyword: replying opts them out of every message [reserved-keyword-answer]\n"
                    + "    fix: offer a number or another word (\"Reply 2 to cancel your booking\")\n"
            )
        )
        #expect(result.output.hasSuffix("1 file, 7 errors, 6 warnings\n"))
    }

    @Test func lintJSONLinesParseAndCarryEveryField() throws {
        let result = run(["flow", "lint", "--json", Self.broken])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 13)
        let first = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String]
        )
        #expect(first["severity"] == "error")
        #expect(first["rule"] == "dead-end")
        #expect(first["path"] == "$.nodes[3]")
        #expect(first["file"] == Self.broken)
        #expect(first.keys.sorted() == ["file", "hint", "message", "path", "rule", "severity"])
    }

    @Test func lintReportsAnUnreadableFlowAsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replylab-bad-\(UUID().uuidString).json"
        )
        try #"{"format": "replylab-flow/1", "name": "x", "use_case": "x", "mode": "sideways"}"#.write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        defer { try? FileManager.default.removeItem(at: file) }
        let result = run(["flow", "lint", file.path])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "error: $.mode: found the string \"sideways\"; expected one of conversational, one_way [invalid-flow]"
            )
        )
    }

    @Test func lintMaxSegmentsIsValidated() {
        let result = run(["flow", "lint", "--max-segments", "0", Self.cart])
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: --max-segments expects a whole number from 1 to 10, got '0'"))
    }

    @Test func chatIsDrivenThroughStandardInput() {
        let script = """
            does it run small?
            HELP
            8
            /state
            /quit
            """
        let result = run(["flow", "chat", Self.cart], input: script)
        #expect(result.status == 0)
        let expected = """
            Chatting with "Abandoned cart recovery" as Maya at 2026-12-01T17:00:00Z. Type replies; /help lists commands.
            bot: Northwind: Hi Maya, you left the Trail Runner 2 in your cart ($84.50). Questions on sizing or shipping? Just reply. https://shop.example/c/10442 Reply STOP to opt out
              · 2 segments, GSM-7
              · waiting at nudge (timeout at 2026-12-01T21:00:00Z, expires 2026-12-04T17:00:00Z)
            > does it run small?
              · nudge → Sizing
              · tagged asked-sizing
            bot: The Trail Runner 2 runs true to size; between sizes, go half a size up. Text us your usual size and we'll check it's in stock.
              · waiting at sizing (timeout at 2026-12-01T21:00:00Z, expires 2026-12-04T17:00:00Z)
            > HELP
              · help answered; the conversation keeps its place
            bot: Northwind: Help at help@example.com. Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out.
            > 8
              · sizing → Size given
              · field size = 8
            bot: Good news: size 8 is in stock. It's yours here: https://shop.example/c/10442
              · goal checkout_link_sent ($84.50)
              · ended: checkout_link_sent

            """
        #expect(result.output.hasPrefix(expected))
        #expect(result.output.contains("\"outcome\" : \"checkout_link_sent\""))
        #expect(result.output.hasSuffix("conversation ended: checkout_link_sent\n"))
    }

    @Test func chatWaitFiresTimeoutsAndAgentClosesHandOffs() {
        let script = """
            /wait 5h
            can I talk to someone
            /agent ordered
            """
        let result = run(
            [
                "flow", "chat", Self.cart, "--customer",
                #"{"first_name": "Ana", "cart": {"id": "C-1", "total": 12000, "checkout_url": "https://shop.example/c/1", "items": [{"name": "Rain Jacket", "price": 12000, "quantity": 1}]}, "state": "NY", "time_zone": "America/New_York"}"#,
            ],
            input: script
        )
        #expect(result.status == 0)
        #expect(
            result.output.contains(
                "  · 2026-12-01T21:00:00Z: the timeout fires\n  · nudge → No reply\nbot: Ana, we're holding your cart for 24 more hours: https://shop.example/c/1 Any questions, just reply.\n"
            )
        )
        #expect(result.output.contains("  · the time is now 2026-12-01T22:00:00Z\n"))
        #expect(
            result.output.contains(
                "  · handed off to the sales queue (high priority): Cart C-1 ($120.00). Customer said: can I talk to someone; /agent done closes it\n"
            )
        )
        #expect(
            result.output.contains(
                "  · agent → Ordered\n  · goal recovered_by_agent ($120.00)\n  · ended: recovered_by_agent\n"
            )
        )
        #expect(result.output.hasSuffix("conversation ended: recovered_by_agent\n"))
    }

    @Test func chatStopConfirmsOnceAndEnds() {
        let result = run(["flow", "chat", Self.cart, "--brand", "Northwind"], input: "STOP\nstop\n")
        #expect(result.output.components(separatedBy: "You are unsubscribed").count == 2)
        #expect(result.output.contains("  · ignored: already opted out; no second confirmation\n"))
        #expect(result.output.hasSuffix("conversation ended: opted_out\n"))
    }

    /// Review F1 and F8 as the reviewer ran them: STOP at night withdraws the deferred nudge, signed by the flow's brand.
    @Test func chatStopAtNightCancelsTheDeferredNudgeInTheFlowsBrand() {
        let result = run(["flow", "chat", Self.cart, "--at", "2026-12-02T06:00:00Z"], input: "STOP\n")
        #expect(result.output.contains("  · cancelled \"Northwind: Hi Maya, you left the Trail Runner 2"))
        #expect(result.output.contains("(was due 2026-12-02T16:00:00Z): the customer opted out by \"STOP\"\n"))
        #expect(result.output.contains("bot: Northwind: You are unsubscribed"))
        #expect(!result.output.contains("ReplyLab Demo"))
    }

    @Test func chatRefusesABadStartTimeAndMissingFile() {
        let badTime = run(["flow", "chat", Self.cart, "--at", "tomorrow"])
        #expect(badTime.status == 64)
        #expect(badTime.errors.hasPrefix("error: --at expects a UTC time such as 2026-12-01T17:00:00Z, got 'tomorrow'"))
        let missing = run(["flow", "chat", "/nonexistent/flow.json"])
        #expect(missing.status == 1)
        #expect(
            missing.errors
                == "error: /nonexistent/flow.json: $: found no such file; expected a readable flow JSON file\n"
        )
    }

    @Test func graphPrintsMermaid() {
        let result = run(["flow", "graph", "--markdown", Self.cart])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("```mermaid\nflowchart TD\n"))
        #expect(result.output.contains("  n0 -->|\"No reply ⏱ 4h\"| n1\n"))
        #expect(result.output.hasSuffix("```\n"))
    }

    @Test func importTurnsAStudioFlowIntoOneThatLintsAndChats() throws {
        let studio = Self.path("Tests/FlowEngineTests/Fixtures/studio-cart.json")
        let printed = run(["flow", "import", studio])
        #expect(printed.status == 0)
        #expect(printed.output.hasPrefix("{\n  \"format\": \"replylab-flow/1\",\n  \"name\": \"Studio cart nudge\",\n"))
        #expect(printed.errors.contains("note: \"Agent\" (send-to-flex) becomes a hand-off to queue \"WW0123\""))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replylab-import-\(UUID().uuidString).json"
        )
        defer { try? FileManager.default.removeItem(at: file) }
        let written = run(["flow", "import", studio, "--out", file.path, "--use-case", "abandoned_cart"])
        #expect(written.status == 0)
        #expect(written.output == "wrote \(file.path) (7 nodes); next: replylab flow lint \(file.path)\n")
        #expect(
            try String(contentsOf: file, encoding: .utf8)
                == printed.output.replacingOccurrences(
                    of: "\"use_case\": \"imported\"",
                    with: "\"use_case\": \"abandoned_cart\""
                )
        )
        #expect(run(["flow", "lint", file.path]).status == 0)
        let chat = run(["flow", "chat", file.path], input: "size\n")
        #expect(
            chat.output.contains(
                "  · Route → Sizing\nbot: It runs true to size. Reply with your size and we'll check stock.\n"
            )
        )
    }

    @Test func importRefusesWhatItCannotRun() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replylab-studio-\(UUID().uuidString).json"
        )
        defer { try? FileManager.default.removeItem(at: file) }
        try
            #"{"initial_state": "T", "states": [{"name": "T", "type": "trigger", "transitions": [{"event": "incomingMessage", "next": "F"}]}, {"name": "F", "type": "run-function", "transitions": []}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = run(["flow", "import", file.path])
        #expect(result.status == 1)
        #expect(
            result.errors.hasPrefix(
                "error: \(file.path): $.states[1].type: found the widget type \"run-function\", which has no offline equivalent"
            )
        )
    }

    @Test func testRunsTheBundledSuitesAndFailsOnABrokenExpectation() throws {
        let suites = ["abandoned-cart", "appointment-reminder"].map {
            Self.path("datasets/flows/tests/\($0).tests.json")
        }
        let passing = run(["flow", "test"] + suites)
        #expect(passing.status == 0)
        #expect(passing.output.contains("  ✔ a sizing question and a size get the checkout link\n"))
        #expect(passing.output.hasSuffix("12 tests, 0 failed\n"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replylab-suite-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.cart, toPath: directory.appendingPathComponent("cart.json").path)
        let suite = directory.appendingPathComponent("cart.tests.json")
        try
            #"{"format": "replylab-flow-tests/1", "flow": "cart.json", "tests": [{"name": "wrong", "steps": ["8"], "expect": {"outcome": "declined"}}]}"#
            .write(to: suite, atomically: true, encoding: .utf8)
        let failing = run(["flow", "test", suite.path])
        #expect(failing.status == 1)
        #expect(failing.output.contains("  ✘ wrong\n      expected outcome \"declined\", got \"waiting\"\n"))
        #expect(failing.output.hasSuffix("1 test, 1 failed\n"))
    }

    @Test func flowHelpListsTheSubcommands() {
        let result = run(["flow", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("  lint                    Check flows for mistakes before launch.\n"))
        #expect(result.output.contains("  chat                    Talk to a flow in the terminal on virtual time.\n"))
        #expect(
            result.output.contains("  graph                   Draw a flow as a Mermaid diagram (renders on GitHub).\n")
        )
        #expect(
            result.output.contains(
                "  import                  Convert a Twilio Studio flow to ReplyLab's flow format.\n"
            )
        )
    }
}
