import Foundation
import Testing

@testable import ReplyLabCLI

/// Issue 13 item 2: `text check --file datasets/replies/labelled.csv --json` judges the keyword layer on labelled
/// replies and reports opt-out recall (goal 100%) and false holds (goal at most 2%).
@Suite struct LabelledRepliesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let labelled = root.appendingPathComponent("datasets/replies/labelled.csv").path

    private func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    private func summary(_ output: String) throws -> [String: Any] {
        let last = try #require(output.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        return try #require(object["summary"] as? [String: Any])
    }

    @Test func bundledSetMeetsBothGoals() throws {
        let result = run(["text", "check", "--file", Self.labelled, "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let fields = try summary(result.output)
        #expect((fields["rows"] as? Int ?? 0) >= 300)
        #expect((fields["opt_outs"] as? Int ?? 0) >= 100)
        #expect((fields["not_about_messages"] as? Int ?? 0) >= 150)
        #expect(fields["opt_out_recall"] as? Double == 1.0)
        #expect((fields["false_hold_rate"] as? Double ?? 1) <= 0.02)
        #expect(fields["missed_opt_outs"] as? [Any] != nil)
        #expect((fields["missed_opt_outs"] as? [Any])?.isEmpty == true)
        #expect(fields["meets_goals"] as? Bool == true)
        // One JSON line per labelled reply before the summary, each with its label.
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == (fields["rows"] as? Int ?? 0) + 1)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["expected"] as? String == "opt_out_exact")
        #expect(first["agrees"] as? Bool == true)
        #expect(first["line"] as? Int == 2)
    }

    @Test func everyLabelIsAClassAndEveryClassIsRepresented() throws {
        let result = run(["text", "check", "--file", Self.labelled, "--json"])
        let lines = result.output.split(separator: "\n").dropLast()
        var counts: [String: Int] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            counts[object["expected"] as? String ?? "?", default: 0] += 1
        }
        #expect(Set(counts.keys) == ["opt_out_exact", "opt_out_phrase", "needs_review", "help", "opt_in", "none"])
        #expect(counts.values.allSatisfy { $0 >= 10 })
    }

    @Test func aMissedOptOutAndAFalseHoldFailTheCheckAndAreNamed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("labelled-\(UUID()).csv").path
        try """
        text,expected,kind
        STOP,opt_out_exact,keyword
        "I'm done, bye forever",opt_out_phrase,phrase
        We must STOP this bill,none,review
        Where's my order?,none,question
        help,help,help

        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = run(["text", "check", "--file", path, "--json"])
        #expect(result.status == 1)
        let fields = try summary(result.output)
        #expect(fields["opt_outs"] as? Int == 2)
        #expect(fields["opt_outs_caught"] as? Int == 1)
        #expect(fields["opt_out_recall"] as? Double == 0.5)
        #expect(fields["false_holds"] as? Int == 1)
        #expect(fields["not_about_messages"] as? Int == 3)
        let missed = try #require(fields["missed_opt_outs"] as? [[String: Any]])
        #expect(missed.map { $0["line"] as? Int } == [3])
        let held = try #require(fields["false_hold_replies"] as? [[String: Any]])
        #expect(held.map { $0["text"] as? String } == ["We must STOP this bill"])
        let table = run(["text", "check", "--file", path])
        #expect(table.status == 1)
        #expect(table.output.contains("MISSED OPT-OUT"))
        #expect(table.output.contains("opt-out recall   50.0% (1 of 2 opt-outs classed as opt-outs"))
        #expect(table.output.contains("false holds      33.3% (1 of 3 help, opt-in and ordinary replies held)"))
        #expect(table.output.hasSuffix("GOAL MISSED\n"))
    }

    @Test func anUnknownLabelIsLocatedByLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("labelled-\(UUID()).csv").path
        try "text,expected\nSTOP,opt_out_exact\nhello,ordinary\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = run(["text", "check", "--file", path])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(path):3: unknown class \"ordinary\"; use opt_out_exact, opt_out_phrase"))
        let noHeader = run(["text", "check", "--file", Self.root.appendingPathComponent("datasets/catalog.json").path])
        #expect(noHeader.status == 0)
    }
}
