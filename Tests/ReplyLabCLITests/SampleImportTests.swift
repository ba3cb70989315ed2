import Foundation
import Store
import Testing

@testable import ReplyLabCLI

/// `datasets/samples/`: the README's three commands work on the shipped files and the bad rows land in quarantine
/// with the reasons the README lists, at the lines it lists.
@Suite struct SampleImportTests {
    static let samples = SimulateCommandTests.repository.appendingPathComponent("datasets/samples")

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    @Test func theSampleImportsWithEachBadRowQuarantinedForItsReason() throws {
        let database = folder.appendingPathComponent("sample.sqlite").path
        let result = run([
            "import", "twilio", Self.sample("messages.csv"), "--orders", Self.sample("orders.csv"), "--mapping",
            Self.sample("mapping.json"), "--db", database,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("  duplicates skipped                         1  (1 repeated in the file)"))
        #expect(lines.contains("  quarantined                                5"))
        for label in ["bad customer number", "bad date", "invalid UTF-8", "no Sid", "ragged row"] {
            #expect(lines.contains("    " + label.padding(toLength: 41, withPad: " ", startingAt: 0) + "1"), "\(label)")
        }
        #expect(lines.contains("  customers                              1,500"))

        let store = try Database(path: database, mode: .readOnly)
        let statement = try store.prepare("SELECT file, line, reason FROM quarantine ORDER BY file, line")
        var found: [(file: String, line: Int64, reason: String)] = []
        while try statement.step() {
            let file: String = try statement.column(0)
            found.append(
                (URL(fileURLWithPath: file).lastPathComponent, try statement.column(1), try statement.column(2))
            )
        }
        let expected: [(file: String, line: Int64, reason: String)] = [
            ("messages.csv", 402, "sent date '31/02/2026 25:61' is not a date"),
            ("messages.csv", 803, "the Sid is empty"),
            ("messages.csv", 1204, "the row has 15 fields, the header 14"),
            ("messages.csv", 1605, "byte 36 of the row (0xE0) is not UTF-8"),
            ("messages.csv", 2006, "customer number '1.55156E+10' was turned into a number by a spreadsheet"),
            ("orders.csv", 52, "value -18200 is negative"),
            ("orders.csv", 103, "order time 'yesterday' is not a date"),
        ]
        #expect(found.count == expected.count, "\(found)")
        for (row, want) in zip(found, expected) {
            #expect(row.file == want.file && row.line == want.line, "\(row) instead of \(want)")
            #expect(row.reason.hasPrefix(want.reason), "\(row.reason)")
        }
        let messages = try store.prepare("SELECT count(*), count(DISTINCT external_id) FROM messages")
        _ = try messages.step()
        #expect(try messages.column(0) as Int64 == 2_284)
        #expect(try messages.column(1) as Int64 == 2_284, "the re-exported row is not loaded twice")
    }

    @Test func analyzeAndAuditRunOnTheImportedSample() throws {
        let database = folder.appendingPathComponent("sample.sqlite").path
        let imported = run([
            "import", "twilio", Self.sample("messages.csv"), "--orders", Self.sample("orders.csv"), "--mapping",
            Self.sample("mapping.json"), "--db", database,
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        let report = folder.appendingPathComponent("report").path
        let analysed = run(["analyze", "--db", database, "--out", report])
        #expect(analysed.status == 0, "\(analysed.errors)")
        #expect(analysed.output.contains("Recovery rate: one-way"))
        let html = try String(contentsOfFile: report + "/index.html", encoding: .utf8)
        #expect(html.contains("quarantine") || html.contains("Quarantine"), "the health banner counts refused rows")
        let audited = run(["audit", "--db", database])
        #expect(audited.status == 0, "\(audited.output)\(audited.errors)")
        #expect(audited.output.contains("Compliance audit of run 1 (import): 1500 customers"))
    }
}
