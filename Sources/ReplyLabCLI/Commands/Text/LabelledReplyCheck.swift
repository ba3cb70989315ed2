import Foundation
import Ingest
import Messaging

/// `text check --file labelled.csv`: every labelled reply checked against its expected class, then opt-out recall
/// and false holds (issue 13's goals) so a change to the keyword lists is judged on data, not on its own examples.
extension TextCheck {
    func runLabelled(_ path: String, _ console: Console) throws -> Int32 {
        let labelled = try LabelledReplyFile.read(path)
        let evaluation = ClassifierEvaluation(
            policy: .standard,
            labelled: labelled.map { ($0.line, $0.text, $0.expected) }
        )
        if json {
            for row in evaluation.rows {
                let report = TextReport(text: row.text, line: row.line, pricing: pricing, header: header)
                console.out(try LabelledLine(report: report, expected: row.expected).jsonLine())
            }
            console.out(try EvaluationSummary(evaluation).jsonLine())
        } else {
            console.out("line  expected        got             text")
            for row in evaluation.rows where row.expected != row.actual.keywordClass {
                let marker = row.isMissedOptOut ? "  MISSED OPT-OUT" : row.isFalseHold ? "  FALSE HOLD" : ""
                console.out(
                    Self.pad("\(row.line)", 6) + Self.pad(row.expected.rawValue, 16)
                        + Self.pad(row.actual.keywordClass.rawValue, 16) + Self.preview(row.text) + marker
                )
            }
            console.out(EvaluationSummary(evaluation).humanText(file: path))
        }
        return evaluation.meetsGoals ? ExitStatus.success : ExitStatus.failure
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// One line of at most 40 characters, line breaks shown as ⏎.
    static func preview(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? "⏎" : $0 })
        return flat.count > 40 ? String(flat.prefix(39)) + "…" : flat
    }
}

/// The rows of a labelled-replies CSV: `text` and `expected` columns (others, such as `kind`, are ignored).
enum LabelledReplyFile {
    struct Entry {
        var line: Int
        var text: String
        var expected: KeywordClass
    }

    /// - Throws: `TextCommandError` naming the file, and the line for a bad row.
    static func read(_ path: String) throws -> [Entry] {
        let csv: CSVReader
        do { csv = try CSVReader(path: path) } catch { throw TextCommandError.unreadableFile(path: path) }
        guard try csv.next() else { throw TextCommandError.labelledHeader(path: path, found: []) }
        let header = csv.strings.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = header.firstIndex(of: "text"), let expectedColumn = header.firstIndex(of: "expected")
        else { throw TextCommandError.labelledHeader(path: path, found: header) }
        var entries: [Entry] = []
        while try csv.next() {
            if let problem = csv.problem {
                throw TextCommandError.labelledRow(path: path, line: csv.line, problem: "\(problem)")
            }
            guard csv.fieldCount > max(textColumn, expectedColumn) else {
                throw TextCommandError.labelledRow(
                    path: path,
                    line: csv.line,
                    problem: "expected \(header.count) fields, found \(csv.fieldCount)"
                )
            }
            let label = csv.string(expectedColumn).trimmingCharacters(in: .whitespaces)
            guard let expected = KeywordClass(rawValue: label) else {
                throw TextCommandError.labelledRow(
                    path: path,
                    line: csv.line,
                    problem: "unknown class \"\(label)\"; use "
                        + KeywordClass.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
            entries.append(Entry(line: csv.line, text: csv.string(textColumn), expected: expected))
        }
        return entries
    }
}

/// A `text check` JSON line with the label beside the class.
private struct LabelledLine: Encodable {
    let report: TextReport
    let expected: KeywordClass

    private enum CodingKeys: String, CodingKey { case expected, agrees, text }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(expected.rawValue, forKey: .expected)
        try container.encode(expected == report.reply.keywordClass, forKey: .agrees)
        try container.encode(report.text, forKey: .text)
    }

    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// The last line of a labelled check: the two goals and what missed them.
private struct EvaluationSummary: Encodable {
    let evaluation: ClassifierEvaluation

    init(_ evaluation: ClassifierEvaluation) { self.evaluation = evaluation }

    private struct Miss: Encodable {
        let line: Int
        let text: String
        let expected: String
        let got: String
    }

    private enum CodingKeys: String, CodingKey {
        case summary
    }

    private enum SummaryKeys: String, CodingKey {
        case rows, agreements, confusion, classes
        case optOuts = "opt_outs"
        case optOutsCaught = "opt_outs_caught"
        case optOutsHeld = "opt_outs_held"
        case optOutRecall = "opt_out_recall"
        case recallGoal = "opt_out_recall_goal"
        case notAboutMessages = "not_about_messages"
        case falseHolds = "false_holds"
        case falseHoldRate = "false_hold_rate"
        case falseHoldGoal = "false_hold_rate_goal"
        case reviewLabelled = "needs_review"
        case reviewHeld = "needs_review_held"
        case meetsGoals = "meets_goals"
        case missedOptOuts = "missed_opt_outs"
        case falseHoldRows = "false_hold_replies"
    }

    func encode(to encoder: any Encoder) throws {
        var outer = encoder.container(keyedBy: CodingKeys.self)
        var container = outer.nestedContainer(keyedBy: SummaryKeys.self, forKey: .summary)
        let misses = { (rows: [ClassifierEvaluation.Row]) in
            rows.map {
                Miss(line: $0.line, text: $0.text, expected: $0.expected.rawValue, got: $0.actual.keywordClass.rawValue)
            }
        }
        try container.encode(evaluation.rows.count, forKey: .rows)
        try container.encode(evaluation.agreements, forKey: .agreements)
        try container.encode(KeywordClass.allCases.map(\.rawValue), forKey: .classes)
        try container.encode(evaluation.confusion, forKey: .confusion)
        try container.encode(evaluation.optOuts, forKey: .optOuts)
        try container.encode(evaluation.optOutsCaught, forKey: .optOutsCaught)
        try container.encode(evaluation.optOutsHeld, forKey: .optOutsHeld)
        try container.encode(evaluation.optOutRecall, forKey: .optOutRecall)
        try container.encode(ClassifierEvaluation.recallGoal, forKey: .recallGoal)
        try container.encode(evaluation.notAboutMessages, forKey: .notAboutMessages)
        try container.encode(evaluation.falseHolds, forKey: .falseHolds)
        try container.encode(evaluation.falseHoldRate, forKey: .falseHoldRate)
        try container.encode(ClassifierEvaluation.falseHoldGoal, forKey: .falseHoldGoal)
        try container.encode(evaluation.reviewLabelled, forKey: .reviewLabelled)
        try container.encode(evaluation.reviewHeld, forKey: .reviewHeld)
        try container.encode(evaluation.meetsGoals, forKey: .meetsGoals)
        try container.encode(misses(evaluation.rows.filter(\.isMissedOptOut)), forKey: .missedOptOuts)
        try container.encode(misses(evaluation.rows.filter(\.isFalseHold)), forKey: .falseHoldRows)
    }

    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func humanText(file: String) -> String {
        func percent(_ value: Double) -> String {
            let tenths = Int((value * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        let goalsMet = evaluation.meetsGoals ? "both goals met" : "GOAL MISSED"
        return [
            "",
            "\(file): \(evaluation.rows.count) labelled replies, \(evaluation.agreements) classed exactly as labelled",
            "opt-out recall   \(percent(evaluation.optOutRecall)) (\(evaluation.optOutsCaught) of \(evaluation.optOuts) "
                + "opt-outs classed as opt-outs; \(evaluation.optOutsHeld) at least held); goal 100%",
            "false holds      \(percent(evaluation.falseHoldRate)) (\(evaluation.falseHolds) of "
                + "\(evaluation.notAboutMessages) help, opt-in and ordinary replies held); goal at most 2%",
            "needs review     \(evaluation.reviewHeld) of \(evaluation.reviewLabelled) held",
            goalsMet,
        ].joined(separator: "\n")
    }
}
