import Foundation
import JSONDocument

/// The texts simulated customers send, by intent (`datasets/replies/corpus.json`, format `replylab-replies/1`),
/// and what agents say when they pick a chat up.
///
/// A reply is drawn uniformly among its intent's phrasings, then cased as people type (as written, all lower
/// case, or all capitals), so the flow's matchers and the keyword layer meet the variety they will meet live.
public struct ReplyCorpus: Sendable {
    public static let format = "replylab-replies/1"

    /// Phrasings per intent, indexed like `ReplyIntent.allCases`.
    public let phrasings: [[String]]
    /// Agent opening lines with `{first_name}` and `{agent}` placeholders.
    public let agentGreetings: [String]
    public let agentNames: [String]

    /// The phrasings of `intent`.
    public func phrasings(of intent: ReplyIntent) -> [String] { phrasings[intent.index] }

    public static func load(path: String) throws(SimulationError) -> ReplyCorpus {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        return try parse([UInt8](data), file: path)
    }

    /// Every intent must have at least one phrasing; unknown intents are refused with the closest name.
    public static func parse(_ bytes: [UInt8], file: String) throws(SimulationError) -> ReplyCorpus {
        let root = try ExperimentReader(parsing: bytes, file: file, options: .experiment)
        try root.requireObject(allowed: ["format", "intents", "agent_greetings", "agent_names"])
        let format = try root.required("format").string()
        guard format == Self.format else { throw try root.required("format").invalid("\"\(Self.format)\"") }
        let intents = try root.required("intents", "phrasings per intent")
        let names = ReplyIntent.allCases.map(\.rawValue)
        try intents.requireObject(allowed: names)
        var phrasings: [[String]] = []
        for intent in ReplyIntent.allCases {
            let list = try intents.required(intent.rawValue, "the phrasings of \(intent.rawValue)").array()
            guard !list.isEmpty else { throw try intents.required(intent.rawValue).invalid("at least one phrasing") }
            var texts: [String] = []
            for item in list { texts.append(try item.nonEmptyString()) }
            phrasings.append(texts)
        }
        let greetings = try root.required("agent_greetings").stringArray()
        let agentNames = try root.required("agent_names").stringArray()
        guard !greetings.isEmpty else { throw try root.required("agent_greetings").invalid("at least one greeting") }
        guard !agentNames.isEmpty else { throw try root.required("agent_names").invalid("at least one name") }
        return ReplyCorpus(phrasings: phrasings, agentGreetings: greetings, agentNames: agentNames)
    }

    /// How a drawn phrasing is cased: 70% as written, 20% lower case, 10% capitals (assumption).
    static func cased(_ text: String, draw: Double) -> String {
        if draw < 0.7 { return text }
        return draw < 0.9 ? text.lowercased() : text.uppercased()
    }
}

extension ReplyIntent {
    /// Position in `allCases`, for array look-ups instead of hashing in the hot loop.
    var index: Int {
        switch self {
        case .yesBuy: 0
        case .no: 1
        case .questionShipping: 2
        case .questionPrice: 3
        case .questionSizing: 4
        case .questionDiscount: 5
        case .complaint: 6
        case .chatter: 7
        case .agent: 8
        case .size: 9
        case .stop: 10
        case .help: 11
        case .start: 12
        }
    }
}
