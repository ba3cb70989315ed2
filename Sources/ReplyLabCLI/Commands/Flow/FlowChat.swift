import FlowEngine
import Foundation
import JSONDocument
import Messaging

/// `replylab flow chat FILE`: talk to a flow as a customer on virtual time, before any real customer does.
///
/// Lines starting with `/` steer the clock and the agent: `/wait 2h` fires every timeout and expiry that falls
/// due, `/agent done` closes a hand-off, `/state` prints the session JSON, `/quit` leaves. Anything else is the
/// customer's reply. Standard input may be a pipe, so a script can drive a whole conversation.
struct FlowChat: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "chat",
            abstract: "Talk to a flow in the terminal on virtual time.",
            discussion: """
                Type replies as the customer. Commands: /wait DURATION (e.g. 2h, 1h30m) moves the clock and fires \
                due timeouts and expiry; /agent [OUTCOME] closes a hand-off (default outcome: resolved); /state \
                prints the session; /quit ends. Works with piped standard input.
                """,
            arguments: [ArgumentSpec("file", help: "A flow JSON file.")],
            options: [
                .option(
                    "customer",
                    value: "json",
                    help: "Customer attributes: inline JSON or a file (default: a sample customer)."
                ),
                .option(
                    "at",
                    value: "time",
                    help: "Virtual start time in UTC, e.g. 2026-12-01T17:00:00Z (the default)."
                ),
                .option(
                    "brand",
                    value: "name",
                    help: "Brand named in STOP/HELP replies (default: the flow's \"brand\", else ReplyLab Demo)."
                ),
                .option("seed", value: "n", help: "Seed for the draws of random splits (default 1)."),
            ]
        )
    }

    let file: String
    let customerText: String?
    let start: Instant
    /// The --brand override; without it the flow's own brand signs the compliance replies.
    let brand: String?
    let seed: UInt64

    init(arguments: ParsedArguments) throws {
        guard let file = arguments.argument("file") else {
            throw UsageError("missing <file>; type replylab flow chat FLOW.json")
        }
        self.file = file
        customerText = arguments.value("customer")
        let atText = arguments.value("at") ?? "2026-12-01T17:00:00Z"
        guard let start = ChatClock.instant(atText) else {
            throw UsageError("--at expects a UTC time such as 2026-12-01T17:00:00Z, got '\(atText)'")
        }
        self.start = start
        brand = arguments.value("brand")
        seed = try arguments.unsigned64("seed") ?? 1
    }

    func run(_ console: Console) throws -> Int32 {
        let flow = try FlowFile.load(file)
        let contact = try customer()
        let runtime = FlowRuntime(
            flow: flow,
            gate: OutboundGate.standard,
            replies: ComplianceReplies(brand: brand ?? flow.brand ?? "ReplyLab Demo", contact: "help@example.com")
        )
        var conversation = Conversation(
            runtime: runtime,
            session: FlowSession(
                contact: contact,
                recipient: Conversation.sampleRecipient(for: contact, optedInBefore: start)
            ),
            start: start,
            seed: seed
        )
        func show(_ events: [FlowEvent]) {
            for event in events { console.out(Self.describe(event)) }
        }

        let name =
            contact["first_name"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "the customer"
        console.out(
            "Chatting with \"\(flow.name)\" as \(name) at \(ChatClock.format(start)). Type replies; /help lists commands."
        )
        show(conversation.start())

        while let line = console.readLine() {
            let input = line.trimmingCharacters(in: .whitespaces)
            if input.isEmpty { continue }
            guard input.hasPrefix("/") else {
                console.out("> \(input)")
                show(conversation.reply(input))
                continue
            }
            let words = input.split(separator: " ", maxSplits: 1).map(String.init)
            switch words[0] {
            case "/quit", "/exit":
                console.out(Self.summary(conversation.session))
                return ExitStatus.success
            case "/state":
                console.out(try stateJSON(conversation.session))
            case "/wait":
                guard words.count == 2, let seconds = ChatClock.seconds(words[1]) else {
                    console.out("  ? /wait needs a duration such as 2h, 30m or 1h30m")
                    continue
                }
                for fired in conversation.wait(seconds: seconds) {
                    console.out(
                        "  · \(ChatClock.format(fired.at)): the \(fired.input == .timeout ? "timeout" : "expiry") fires"
                    )
                    show(fired.events)
                }
                console.out("  · the time is now \(ChatClock.format(conversation.now))")
            case "/agent":
                let outcome = words.count == 2 && words[1] != "done" ? words[1] : "resolved"
                show(conversation.closeHandoff(outcome: outcome))
            case "/help":
                console.out("  /wait DURATION  move the clock (2h, 30m, 1h30m); due timeouts and expiry fire")
                console.out("  /agent [OUTCOME]  the agent closes the hand-off (default: resolved)")
                console.out("  /state  print the session as JSON")
                console.out("  /quit  leave")
            default:
                console.out("  ? unknown command \(words[0]); /help lists the commands")
            }
        }
        console.out(Self.summary(conversation.session))
        return ExitStatus.success
    }

    private func customer() throws -> JSONValue {
        guard let text = customerText else { return SampleCustomer.attributes }
        let isInline = text.trimmingCharacters(in: .whitespaces).hasPrefix("{")
        let json = isInline ? text : try FlowFile.text(text)
        let value: JSONValue
        do {
            value = try JSONParser.parse(json, file: isInline ? "--customer" : text)
        } catch {
            throw FlowError(error)  // worded like every other flow-file error: line and column, found, expected
        }
        guard case .object = value else {
            throw FlowError(
                kind: .wrongType,
                file: isInline ? "--customer" : text,
                path: "$",
                found: value.described,
                expected: "an object of customer attributes"
            )
        }
        return value
    }

    private func stateJSON(_ session: FlowSession) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(session), as: UTF8.self)
    }

    static func summary(_ session: FlowSession) -> String {
        switch session.status {
        case .ended: return "conversation ended: \(session.outcome ?? "ended")"
        case .waiting: return "conversation left waiting at \(session.node >= 0 ? "node \(session.node)" : "the start")"
        case .handedOff: return "conversation left with an agent"
        case .new: return "conversation not started"
        }
    }

    /// One line per event, bot texts flush left so a transcript reads like a phone screen.
    static func describe(_ event: FlowEvent) -> String {
        switch event {
        case .sent(let text):
            var line = "bot: \(text.text)"
            var notes: [String] = []
            if text.segments.segments > 1 || text.segments.encoding == .ucs2 {
                notes.append(
                    "\(text.segments.segments) segment\(text.segments.segments == 1 ? "" : "s"), \(text.segments.encoding.rawValue)"
                )
            }
            if let reason = text.deferredReason { notes.append("deferred to \(ChatClock.format(text.at)): \(reason)") }
            if !notes.isEmpty { line += "\n  · " + notes.joined(separator: "; ") }
            return line
        case .sendCancelled(let text, let reason):
            return "  · cancelled \"\(text.text)\" (was due \(ChatClock.format(text.at))): \(reason)"
        case .suppressed(_, let text, let reason): return "  · held back \"\(text)\": \(reason)"
        case .waiting(let node, let timeoutAt, let expiresAt):
            let timeout = timeoutAt.map { "timeout at \(ChatClock.format($0)), " } ?? "no timeout, "
            return "  · waiting at \(node) (\(timeout)expires \(ChatClock.format(expiresAt)))"
        case .routed(let node, let category): return "  · \(node) → \(category)"
        case .handedOff(_, let queue, let priority, let note):
            return
                "  · handed off to the \(queue) queue (\(priority.rawValue) priority)\(note.map { ": \($0)" } ?? ""); /agent done closes it"
        case .forwardedToAgent: return "  · forwarded to the agent"
        case .goal(let name, let value):
            return "  · goal \(name)\(value.map { " (\(Template.formatMoney(cents: $0.value)))" } ?? "")"
        case .fieldSet(let name, let value): return "  · field \(name) = \(value)"
        case .tagged(let tag): return "  · tagged \(tag)"
        case .consentCaptured(let source): return "  · consent captured (\(source.rawValue))"
        case .optedOut(let keyword): return "  · opted out (\(keyword))"
        case .optedIn(let keyword): return "  · opted back in (\(keyword))"
        case .helpAnswered: return "  · help answered; the conversation keeps its place"
        case .flaggedForReview(_, let keyword):
            return "  · flagged for review\(keyword.map { " (\($0))" } ?? ""); nothing sent"
        case .ignored(let reason): return "  · ignored: \(reason)"
        case .ended(let outcome, let reason): return "  · ended: \(outcome)\(reason.map { " (\($0))" } ?? "")"
        }
    }
}
