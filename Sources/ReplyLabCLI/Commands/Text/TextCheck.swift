import Foundation
import Messaging

/// `replylab text check "MESSAGE"`: encoding, segments, cost, the characters forcing UCS-2, and what the text
/// would mean as an inbound reply.
struct TextCheck: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "check",
            abstract: "Show a text's encoding, segments, cost and keyword class.",
            discussion: """
                Segments follow Twilio's calculator (GSM-7 160/153, UCS-2 70/67, no character split across \
                segments). The keyword class is what the text would mean as a customer's reply: opt_out_exact, \
                opt_out_phrase, needs_review, help, opt_in or none.

                A FILE ending in .csv is a labelled set: a header with "text" and "expected" columns (expected is \
                one of those classes), as in datasets/replies/labelled.csv. Each reply is checked against its label \
                and a summary gives opt-out recall (opt-outs classed as opt-outs; goal 100%) and false holds \
                (help, opt-in and ordinary replies held as opt-out or review; goal at most 2%). Exit status 1 when \
                a goal is missed.
                """,
            arguments: [ArgumentSpec("message", help: "The text to check (quote it).", optional: true)],
            options: [
                .option(
                    "file",
                    value: "FILE",
                    help: "Check every line of FILE as one message; a .csv FILE is a labelled set (see above)."
                ),
                .flag(
                    "json",
                    help: "Print JSON (one object per message, one per line with --file; a labelled set ends with a "
                        + "summary object)."
                ),
                .option(
                    "header",
                    value: "8-bit|16-bit",
                    help: "Concatenation header of the route: 8-bit (153/67 a part, default) or 16-bit (152/66)."
                ),
                .option(
                    "price",
                    value: "DOLLARS",
                    help: "Price per segment in US dollars (default 0.0083, Twilio US list price)."
                ),
            ]
        )
    }

    let message: String?
    let file: String?
    let json: Bool
    let pricing: SegmentPricing
    let header: ConcatenationHeader

    init(arguments: ParsedArguments) throws {
        message = arguments.argument("message")
        file = arguments.value("file")
        json = arguments.flag("json")
        switch (message, file) {
        case (nil, nil): throw UsageError("give a message in quotes, or --file FILE with one message per line")
        case (.some, .some): throw UsageError("give either a message or --file FILE, not both")
        default: break
        }
        if let text = arguments.value("header") {
            guard let parsed = ConcatenationHeader(rawValue: text) else {
                throw UsageError("--header is 8-bit or 16-bit, got '\(text)'")
            }
            header = parsed
        } else {
            header = .eightBitReference
        }
        if let price = try arguments.decimal("price") {
            guard price >= 0, price < 10 else {
                throw UsageError("--price is dollars per segment, e.g. 0.0079; got \(price)")
            }
            pricing = SegmentPricing(
                perSegment: Microdollars(Int64((price * 1_000_000).rounded())),
                source: "--price \(price)"
            )
        } else {
            pricing = .twilioUS
        }
    }

    func run(_ console: Console) throws -> Int32 {
        if let message {
            let report = TextReport(text: message, line: nil, pricing: pricing, header: header)
            console.out(json ? try report.jsonLine() : report.humanText())
            return ExitStatus.success
        }
        guard let file else { return ExitStatus.usage }
        if file.lowercased().hasSuffix(".csv") { return try runLabelled(file, console) }
        let lines = try Self.readLines(of: file)
        if !json { console.out("line  encoding  segments  cost       reply class     text") }
        for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            let report = TextReport(text: line, line: index + 1, pricing: pricing, header: header)
            console.out(json ? try report.jsonLine() : report.tableRow())
        }
        return ExitStatus.success
    }

    /// The lines of `path` without their line endings; a clear error names the file when it cannot be read.
    static func readLines(of path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TextCommandError.unreadableFile(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TextCommandError.notUTF8(path: path)
        }
        // "\r\n" is one Character in Swift, so split on Characters rather than on "\n" alone.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// A file the text commands could not use.
enum TextCommandError: Error, CustomStringConvertible {
    case unreadableFile(path: String)
    case notUTF8(path: String)
    /// A labelled set whose header lacks the `text` or `expected` column.
    case labelledHeader(path: String, found: [String])
    /// A labelled set's row that cannot be used, at its line.
    case labelledRow(path: String, line: Int, problem: String)

    var description: String {
        switch self {
        case .labelledHeader(let path, let found):
            return "\(path): a labelled set needs a header with \"text\" and \"expected\" columns, found "
                + (found.isEmpty ? "an empty file" : found.map { "\"\($0)\"" }.joined(separator: ", "))
        case .labelledRow(let path, let line, let problem):
            return "\(path):\(line): \(problem)"
        case .unreadableFile(let path): return "\(path): cannot read the file (does it exist?)"
        case .notUTF8(let path): return "\(path): the file is not UTF-8 text"
        }
    }
}

/// Everything `text check` says about one message, for people and for JSON.
struct TextReport: Encodable {
    let line: Int?
    let text: String
    let count: SegmentCount
    let cost: Microdollars
    let pricingSource: String
    let reply: KeywordMatch
    let advice: String?

    init(text: String, line: Int?, pricing: SegmentPricing, header: ConcatenationHeader) {
        self.line = line
        self.text = text
        count = SegmentCount.of(text, header: header)
        cost = pricing.cost(of: count)
        pricingSource = pricing.source
        reply = KeywordPolicy.standard.classify(text)
        advice = SegmentAdvice.explain(text)
    }

    private enum CodingKeys: String, CodingKey {
        case line, characters, encoding, segments, advice, keyword
        case unitsPerSegment = "units_per_segment"
        case totalUnits = "total_units"
        case costMicrodollars = "cost_microdollars"
        case nonGSMCharacters = "non_gsm_characters"
        case keywordClass = "keyword_class"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encode(text.count, forKey: .characters)
        try container.encode(count.encoding.rawValue, forKey: .encoding)
        try container.encode(count.segments, forKey: .segments)
        try container.encode(count.unitsPerSegment, forKey: .unitsPerSegment)
        try container.encode(count.totalUnits, forKey: .totalUnits)
        try container.encode(cost.value, forKey: .costMicrodollars)
        try container.encode(count.nonGSMCharacters.map(String.init), forKey: .nonGSMCharacters)
        try container.encode(reply.keywordClass.rawValue, forKey: .keywordClass)
        try container.encode(reply.keyword, forKey: .keyword)
        try container.encode(advice, forKey: .advice)
    }

    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func humanText() -> String {
        let forcedBy =
            count.nonGSMCharacters.isEmpty
            ? ""
            : " (forced by \(count.nonGSMCharacters.map { SegmentAdvice.displayName(of: $0) }.joined(separator: " ")))"
        var lines = [
            "encoding     \(count.encoding.rawValue)\(forcedBy)",
            "segments     \(count.segments) × \(count.unitsPerSegment) \(count.encoding.unitName) "
                + "(\(count.totalUnits) used, \(count.unitsLeftInLastSegment) free in the last)",
            "cost         \(cost) (\(pricingSource))",
            "as a reply   \(reply.keywordClass.rawValue)\(reply.keyword.map { " (\($0))" } ?? "")",
        ]
        if let advice { lines.append("advice       \(advice)") }
        return lines.joined(separator: "\n")
    }

    func tableRow() -> String {
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }
        let preview = text.count > 40 ? String(text.prefix(39)) + "…" : text
        return pad("\(line ?? 0)", 6) + pad(count.encoding.rawValue, 10) + pad("\(count.segments)", 10)
            + pad(cost.description, 11) + pad(reply.keywordClass.rawValue, 16) + preview
    }
}
