import Testing

@testable import FlowEngine

/// Issue 13 item 1: the three classes the linter judged wrong, on one-text flows written for them.
@Suite struct OptOutLanguageLintTests {
    /// A marketing flow whose first (and only) text is `text`.
    static func flow(_ text: String) throws -> Flow {
        var flow = try TestSupport.singleCaseFlow("any_word", ["1"])
        flow.nodes[0].actions = [.send(try Template(text), purpose: nil)]
        return flow
    }

    static func findings(_ text: String, rule: String) throws -> [LintFinding] {
        FlowLinter().lint(try flow(text)).filter { $0.rule == rule && $0.severity == .error }
    }

    /// An opt-out word anywhere in a list of choices, not only right after "reply": one error per such answer.
    static let menuLists: [(String, String)] = [
        (
            "Northwind club: Reply 1 to book, SKIP to skip this week, or QUIT to leave the club. Reply STOP to opt out",
            "QUIT"
        ),
        (
            "Glow Studio: Reply 1 to confirm, 2 to reschedule or CANCEL to cancel your visit. Reply STOP to opt out",
            "CANCEL"
        ),
        ("Want the new drop? Reply YES, NO or END. Txt STOP to end", "END"),
        ("Your table is booked. Reply 1 to confirm. CANCEL to cancel your booking. STOP to opt out", "CANCEL"),
        ("Reply 1 for sizes, 2 for shipping, or STOP to end your order. Reply STOP to opt out", "STOP"),
        ("Reply 1 to confirm and END to end the trial. Reply STOP to opt out", "END"),
    ]

    @Test(arguments: menuLists)
    func optOutWordInAListOfChoicesIsAnError(_ text: String, _ word: String) throws {
        let errors = try Self.findings(text, rule: "reserved-keyword-answer")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("\"\(word)\", a carrier opt-out keyword") == true)
        #expect(try Self.findings(text, rule: "missing-opt-out-language").isEmpty)
    }

    /// Standard opt-out instructions: opt-out language, never a reserved-answer error.
    static let instructions = [
        "New arrivals are in. Reply STOP to cancel",
        "New arrivals are in. Text STOP to end",
        "New arrivals are in. Txt STOP to quit",
        "New arrivals are in. STOP to unsubscribe",
        "New arrivals are in. Reply STOP or STOPALL to opt out",
        "New arrivals are in. Txt STOP to end, HELP for help",
        "New arrivals are in. To opt out, reply STOP",
        "New arrivals are in. Reply END to end texts from Northwind",
        "New arrivals are in. Reply STOP to stop receiving offers",
        "New arrivals are in. Reply 1 for sizes, 2 for shipping, STOP to unsubscribe",
        "New arrivals are in. Reply OPT OUT to opt out",
    ]

    @Test(arguments: instructions)
    func standardInstructionsAreOptOutLanguage(_ text: String) throws {
        #expect(try Self.findings(text, rule: "reserved-keyword-answer").isEmpty)
        #expect(try Self.findings(text, rule: "missing-opt-out-language").isEmpty)
    }

    /// "stop" that is no instruction: the first marketing text still lacks opt-out language.
    static let noInstruction = [
        "Stop by our store today for 20% off",
        "Don't stop now: 20% off ends tonight at midnight",
        "STOP BY OUR STORE TODAY FOR 20% OFF",
        "Nothing can stop you in the Trail Runner 3. Reply 1 to shop",
        "Text us your size and we will stop by with a pair",
        "Northwind: STOP! Don't miss 30% off",
        "Sale ends soon, shop now before we stop the offer",
        "Unsubscribe any time. New arrivals are in",
    ]

    @Test(arguments: noInstruction)
    func stopWithoutAnInstructionIsMissingOptOutLanguage(_ text: String) throws {
        let missing = try Self.findings(text, rule: "missing-opt-out-language")
        #expect(missing.map(\.path) == ["$.nodes[0].actions[0].text"])
        #expect(try Self.findings(text, rule: "reserved-keyword-answer").isEmpty)
    }

    @Test func theSameStopWordsPassOnceAnInstructionIsAdded() throws {
        let text = "Stop by our store today for 20% off. Reply STOP to opt out"
        #expect(FlowLinter().lint(try Self.flow(text)).filter { $0.severity == .error }.isEmpty)
    }
}
