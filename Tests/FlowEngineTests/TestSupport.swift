import Foundation
import JSONDocument
import Messaging

@testable import FlowEngine

/// Paths and builders shared by the FlowEngine tests; files are found relative to this source file.
enum TestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let flowsDirectory = repositoryRoot.appendingPathComponent("datasets/flows")

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// A file under `Fixtures/` beside this source (excluded from the target in Package.swift).
    static func fixture(_ name: String) throws -> String {
        try text(testsDirectory.appendingPathComponent("Fixtures/\(name)"))
    }

    static func dataset(_ name: String) throws -> Flow {
        try Flow.decode(text(flowsDirectory.appendingPathComponent(name)), file: name)
    }

    /// Every bundled flow file name, sorted.
    static func datasetNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: flowsDirectory.path).filter { $0.hasSuffix(".json") }
            .sorted()
    }

    /// 2026-12-01 17:00 UTC: 9 AM in Los Angeles, noon in New York, inside every quiet-hours window.
    static let morning = Instant(epochSeconds: 1_796_144_400)

    /// A customer who opted in at checkout the day before, in Los Angeles.
    static func session(contact: JSONValue = SampleCustomer.attributes, optedIn: Bool = true) -> FlowSession {
        var consent = ConsentHistory()
        if optedIn { consent.optIn(source: .checkout, at: morning.adding(seconds: -86_400)) }
        let recipient = RecipientCompliance(
            phone: try! PhoneNumber.parse("+1 415 555 0123", allowFictional: true),
            timeZones: ["America/Los_Angeles"],
            state: "CA",
            consent: consent
        )
        return FlowSession(contact: contact, recipient: recipient)
    }

    static func runtime(_ flow: Flow, stepBudget: Int = 100) -> FlowRuntime {
        FlowRuntime(
            flow: flow,
            gate: .standard,
            replies: ComplianceReplies(brand: "Northwind", contact: "help@example.com"),
            stepBudget: stepBudget
        )
    }

    /// A one-node flow whose only router has one case of `type` with `arguments`, for matcher tables.
    static func singleCaseFlow(_ type: String, _ arguments: [String], intents: String = "") throws -> Flow {
        let list = arguments.map { JSONValue.string($0).jsonText }.joined(separator: ", ")
        let argumentsJSON = arguments.isEmpty ? "" : "\"arguments\": [\(list)], "
        return try Flow.decode(
            """
            {"format": "replylab-flow/1", "name": "t", "use_case": "test", "mode": "conversational", "start": "ask",
             \(intents.isEmpty ? "" : "\"intents\": [\(intents)],")
             "nodes": [{"id": "ask", "router": {"wait": {}, "cases": [{"type": "\(type)", \(argumentsJSON)"category": "Hit"}],
                        "categories": [{"name": "Hit", "next": "done"}, {"name": "Miss", "next": "done"}], "default": "Miss"}},
                       {"id": "done", "actions": [{"type": "end", "outcome": "done"}]}]}
            """
        )
    }
}

extension FlowStep {
    /// The texts sent in this step, in order.
    var texts: [String] {
        events.compactMap { if case .sent(let text) = $0 { text.text } else { nil } }
    }

    /// The categories routed in this step, as "node → category".
    var routes: [String] {
        events.compactMap { if case .routed(let node, let category) = $0 { "\(node) → \(category)" } else { nil } }
    }

    var endedOutcome: String? {
        events.lazy.compactMap { if case .ended(let outcome, _) = $0 { outcome } else { nil } }.first
    }
}
