import JSONDocument
import Messaging

/// Scripted conversations with expected results, run before launch: "a customer who asks about sizing and
/// replies 9 gets the checkout link" as a test that fails when someone edits the flow and breaks it.
///
/// The file (format `replylab-flow-tests/1`) names the flow relative to itself and lists tests; each gives an
/// optional customer and start time, the customer's side as steps (a reply, `/wait 4h`, `/agent OUTCOME`) and
/// what must hold at the end. See `datasets/flows/README.md`.
public struct FlowTestSuite: Sendable, Equatable {
    public static let format = "replylab-flow-tests/1"

    /// The flow file, relative to the suite file.
    public var flow: String
    public var tests: [Test]

    /// One scripted conversation and what must hold when it is over.
    public struct Test: Sendable, Equatable {
        public var name: String
        public var customer: JSONValue?
        public var start: Instant?
        public var steps: [Step]
        public var expect: Expectation
    }

    /// The customer's (or the clock's, or the agent's) next move.
    public enum Step: Sendable, Equatable {
        case reply(String)
        case wait(seconds: Int64)
        case closeHandoff(outcome: String)
    }

    /// What must hold when the steps are done; absent fields are not checked.
    public struct Expectation: Sendable, Equatable {
        /// The final outcome, or "waiting" / "handed_off" when the conversation is still open.
        public var outcome: String?
        /// Every routing, in order, as "node → category".
        public var path: [String]?
        /// Each must appear in some text the customer received.
        public var textsContain: [String]
        /// How many texts the customer received (compliance replies included).
        public var sent: Int?
        /// Goal names reached, in order.
        public var goals: [String]?
    }

    /// 2026-12-01 17:00 UTC, the default start: inside every US quiet-hours window.
    public static let defaultStart = Instant(epochSeconds: 1_796_144_400)

    /// Reads a suite; errors name the file and JSON path like flow errors do.
    public static func decode(_ text: String, file: String = "<input>") throws(FlowError) -> FlowTestSuite {
        let root = try FlowReader(parsing: text, file: file)
        try root.requireObject(allowed: ["format", "flow", "tests"])
        let format = try root.required("format", "\"\(Self.format)\"")
        guard try format.string() == Self.format else {
            throw format.error(.invalidValue, found: format.value.described, expected: "\"\(Self.format)\"")
        }
        let flow = try root.required("flow", "the flow file, relative to this file").nonEmptyString()
        var tests: [Test] = []
        for reader in try root.required("tests", "an array of tests").array() {
            try reader.requireObject(allowed: ["name", "customer", "at", "steps", "expect"])
            let name = try reader.required("name", "what the test checks").nonEmptyString()
            var customer: JSONValue?
            if let customerReader = reader.child("customer") {
                guard case .object = customerReader.value else {
                    throw customerReader.error(
                        .wrongType,
                        found: customerReader.value.described,
                        expected: "an object of customer attributes"
                    )
                }
                customer = customerReader.value
            }
            let start = try reader.child("at").map { (atReader) throws(FlowError) in try instant(atReader) }
            var steps: [Step] = []
            for stepReader in try reader.required("steps", "the customer's side, e.g. [\"yes\", \"/wait 4h\"]").array()
            {
                steps.append(try step(stepReader))
            }
            let expectReader = try reader.required("expect", "what must hold at the end")
            try expectReader.requireObject(allowed: ["outcome", "path", "texts_contain", "sent", "goals"])
            let expectation = Expectation(
                outcome: try expectReader.child("outcome")?.nonEmptyString(),
                path: try expectReader.child("path")?.stringArray(),
                textsContain: try expectReader.child("texts_contain")?.stringArray() ?? [],
                sent: try expectReader.child("sent").map { (sentReader) throws(FlowError) in
                    Int(try sentReader.integer(in: 0...10_000))
                },
                goals: try expectReader.child("goals")?.stringArray()
            )
            tests.append(Test(name: name, customer: customer, start: start, steps: steps, expect: expectation))
        }
        return FlowTestSuite(flow: flow, tests: tests)
    }

    private static func step(_ reader: FlowReader) throws(FlowError) -> Step {
        let text = try reader.nonEmptyString()
        if text.hasPrefix("/wait ") {
            return .wait(
                seconds: try FlowReader(.string(String(text.dropFirst(6))), path: reader.path, file: reader.file)
                    .durationSeconds()
            )
        }
        if text == "/agent" || text.hasPrefix("/agent ") {
            let outcome = text.dropFirst(6).trimmingSpaces
            return .closeHandoff(outcome: outcome.isEmpty || outcome == "done" ? "resolved" : outcome)
        }
        if text.hasPrefix("/") {
            throw reader.error(
                .invalidValue,
                found: reader.value.described,
                expected: "a reply, \"/wait DURATION\" or \"/agent [OUTCOME]\""
            )
        }
        return .reply(text)
    }

    /// `YYYY-MM-DDTHH:MM[:SS]Z`.
    private static func instant(_ reader: FlowReader) throws(FlowError) -> Instant {
        let text = try reader.string()
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard text.hasSuffix("Z"), parts.count == 5 || parts.count == 6, (1...12).contains(parts[1]),
            (1...31).contains(parts[2]), (0...23).contains(parts[3]), (0...59).contains(parts[4])
        else {
            throw reader.error(
                .invalidValue,
                found: reader.value.described,
                expected: "a UTC time such as \"2026-12-01T17:00:00Z\""
            )
        }
        return Instant(
            year: parts[0],
            month: parts[1],
            day: parts[2],
            hour: parts[3],
            minute: parts[4],
            second: parts.count == 6 ? parts[5] : 0
        )
    }

    /// Plays one test against `runtime`; returns what did not hold (empty when it passed).
    public func run(
        _ test: Test,
        runtime: FlowRuntime,
        defaultCustomer: JSONValue = SampleCustomer.attributes
    )
        -> [String]
    {
        let contact = test.customer ?? defaultCustomer
        let start = test.start ?? Self.defaultStart
        var conversation = Conversation(
            runtime: runtime,
            session: FlowSession(
                contact: contact,
                recipient: Conversation.sampleRecipient(for: contact, optedInBefore: start)
            ),
            start: start
        )
        _ = conversation.start()
        for step in test.steps {
            switch step {
            case .reply(let text): _ = conversation.reply(text)
            case .wait(let seconds): _ = conversation.wait(seconds: seconds)
            case .closeHandoff(let outcome): _ = conversation.closeHandoff(outcome: outcome)
            }
        }
        var failures: [String] = []
        let session = conversation.session
        let outcome = session.status == .ended ? session.outcome ?? "ended" : session.status.rawValue
        if let expected = test.expect.outcome, expected != outcome {
            failures.append("expected outcome \"\(expected)\", got \"\(outcome)\"")
        }
        let path = conversation.transcript.compactMap {
            if case .routed(let node, let category) = $0 { "\(node) → \(category)" } else { nil }
        }
        if let expected = test.expect.path, expected != path {
            failures.append(
                "expected path [\(expected.joined(separator: ", "))], got [\(path.joined(separator: ", "))]"
            )
        }
        let texts = conversation.transcript.compactMap { if case .sent(let text) = $0 { text.text } else { nil } }
        for fragment in test.expect.textsContain where !texts.contains(where: { $0.contains(fragment) }) {
            failures.append("no text contains \"\(fragment)\"")
        }
        if let expected = test.expect.sent, expected != texts.count {
            failures.append("expected \(expected) texts sent, got \(texts.count)")
        }
        let goals = conversation.transcript.compactMap { if case .goal(let name, _) = $0 { name } else { nil } }
        if let expected = test.expect.goals, expected != goals {
            failures.append(
                "expected goals [\(expected.joined(separator: ", "))], got [\(goals.joined(separator: ", "))]"
            )
        }
        return failures
    }
}

extension Conversation {
    /// A recipient for chats and scripted tests: opted in at checkout (or their `consent_source`) a day before
    /// `start`, in the `time_zone` and `state` their attributes name, with a fictional 555-01xx number.
    public static func sampleRecipient(for contact: JSONValue, optedInBefore start: Instant) -> RecipientCompliance {
        func text(_ key: String) -> String? { if case .string(let value)? = contact[key] { value } else { nil } }
        var consent = ConsentHistory()
        consent.optIn(
            source: text("consent_source").flatMap(ConsentSource.init(rawValue:)) ?? .checkout,
            at: start.adding(seconds: -86_400)
        )
        return RecipientCompliance(
            phone: try? PhoneNumber.parse("+1 415 555 0123", allowFictional: true),
            timeZones: [text("time_zone") ?? "America/New_York"],
            state: text("state"),
            consent: consent
        )
    }
}
