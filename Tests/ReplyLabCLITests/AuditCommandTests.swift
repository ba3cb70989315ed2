import EventLog
import Foundation
import Messaging
import Store
import Testing

@testable import ReplyLabCLI

/// `replylab audit` end to end: an imported Twilio console export (real importer, real SQLite file) and a clean
/// hand-built simulated run.
@Suite struct AuditCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IngestTests/Fixtures/\(name)").path
    }

    /// The console export texts +1 500 555 0107 (a non-geographic code, so every US zone applies) at 17:00 UTC,
    /// 07:00 in Adak: two quiet-hours findings, named by their Sids; the STOP at 17:20:00 was confirmed at 17:20:01.
    @Test func importedLogWithViolationsExitsOne() throws {
        let database = path("runs.sqlite")
        #expect(run(["import", "twilio", Self.fixture("console-export.csv"), "--db", database]).status == 0)
        let result = run(["audit", "--db", database, "--json"])
        #expect(result.status == 1, "\(result.errors)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        )
        #expect(object["clean"] as? Bool == false)
        #expect(object["run_kind"] as? String == "import")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["quiet_hours", "quiet_hours"])
        #expect(
            findings.map { $0["message_ids"] as? [String] } == [
                ["SM00005ca1ab1e00000000000000000011"], ["SM00005ca1ab1e0000000000000000001e"],
            ]
        )
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["rule"] as? String } == AuditCommandTests.rules)
        let consent = try #require(checks.first { $0["rule"] as? String == "no_consent" })
        #expect((consent["advisory"] as? String)?.contains("imports carry no opt-ins") == true)

        let marketingOnly = run(["audit", "--db", database, "--quiet-hours-marketing-only", "--brand-cap", "standard"])
        #expect(marketingOnly.status == 1)
        #expect(marketingOnly.output.contains("FAIL  2  quiet_hours"))

        let text = run(["audit", "--db", database, "--run", "1"])
        #expect(text.status == 1)
        #expect(text.output.contains("FAIL  2  quiet_hours"))
        #expect(text.output.contains("messages: SM00005ca1ab1e00000000000000000011"))
    }

    static let rules = [
        "quiet_hours", "after_opt_out", "revocation_deadline", "no_consent", "frequency_cap", "opt_out_confirmation",
    ]

    @Test func cleanRunExitsZero() throws {
        let database = path("clean.sqlite")
        let writer = try EventLogWriter(database: try Database(path: database))
        let morning = Instant(year: 2026, month: 6, day: 9, hour: 15).epochMilliseconds  // 11:00 EDT
        try writer.append(
            EventBatch(
                runs: [
                    RunRecord(
                        id: 1,
                        kind: "simulation",
                        source: "test",
                        seed: 1,
                        configJSON: "{}",
                        toolVersion: "test",
                        createdAt: morning
                    )
                ],
                customers: [
                    CustomerRecord(
                        runID: 1,
                        customerID: 1,
                        maskedPhone: "+1 212 ***-**07",
                        phoneHash: 1,
                        timeZone: "America/New_York",
                        state: "NY",
                        segment: "active",
                        attributesJSON: #"{"consent_source":"web_form"}"#
                    )
                ],
                messages: [
                    MessageRecord(
                        runID: 1,
                        messageID: 1,
                        customerID: 1,
                        conversationID: nil,
                        direction: .outbound,
                        kind: .campaign,
                        at: morning,
                        body: "Your cart is waiting",
                        segments: 1,
                        encoding: "GSM-7",
                        status: .delivered,
                        costMicrodollars: 8_300,
                        flowNode: nil,
                        purpose: .marketing,
                        subject: "cart"
                    )
                ]
            )
        )
        try writer.finish()
        let result = run(["audit", "--db", database])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("No violations."))
        #expect(result.output.contains("1 customers, 1 outbound texts"))
    }

    @Test(arguments: [
        (["audit"], "missing --db"),
        (["audit", "--db", "x.sqlite", "--run", "two"], "--run expects a run id"),
        (["audit", "--db", "x.sqlite", "--brand-cap", "strict"], "--brand-cap expects none or standard"),
    ])
    func mistakesSayWhatToType(arguments: [String], message: String) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test func unknownRunNamesTheRunsThere() {
        let database = path("runs.sqlite")
        #expect(run(["import", "twilio", Self.fixture("console-export.csv"), "--db", database]).status == 0)
        let result = run(["audit", "--db", database, "--run", "9"])
        #expect(result.status == 64)
        #expect(
            result.errors.contains("no simulated or imported run 9 in the log; runs there: 1; pick one with --run ID")
        )
    }
}
