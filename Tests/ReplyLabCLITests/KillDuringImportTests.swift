import EventLog
import Foundation
import Messaging
import Store
import Testing

@testable import ReplyLabCLI

/// `kill -9` on a real `replylab import twilio` child process while it is inside its load transaction leaves
/// the event log exactly as it was: every row of every table, the schema and its indexes.
@Suite(.serialized) struct KillDuringImportTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The `replylab` executable `swift build` / `swift test` put beside the test bundle.
    static var executable: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("replylab").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/replylab").path
    }

    /// A Console-shaped log big enough that the load takes seconds: 25,000 customers, three texts each.
    func writeLargeLog(rows customers: Int) throws -> String {
        var text =
            "From,To,Body,Status,SentDate,ApiVersion,NumSegments,ErrorCode,AccountSid,Sid,Direction,Price,PriceUnit\r\n"
        let t0: Int64 = 1_764_435_600
        for customer in 0..<customers {
            let phone = "+1415\(String(format: "%03d", customer / 10_000))\(String(format: "%04d", customer % 10_000))"
            let seconds = t0 + Int64(customer)
            for (offset, (direction, body)) in [
                ("outbound-api", "Your cart misses you, \"friend\"!\nReply STOP to opt out."),
                ("inbound", "Do you have it in size \(customer % 12)?"), ("outbound-api", "Yes, we do."),
            ].enumerated() {
                let sid = "SM" + String(format: "%016x%016x", customer, offset)
                let (from, to) = direction == "inbound" ? (phone, "+18885550100") : ("+18885550100", phone)
                let sent = Instant(epochSeconds: seconds + Int64(offset) * 120).iso8601
                text += "\(from),\(to),\"\(body.replacingOccurrences(of: "\"", with: "\"\""))\",delivered,\(sent),"
                text += "2010-04-01,1,,AC0123456789abcdef0123456789abcdef,\(sid),\(direction),-0.00790,USD\r\n"
            }
        }
        let file = path("large.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Starts the import, waits until it holds the write transaction (another connection's BEGIN IMMEDIATE is
    /// refused as busy), lets it write a while longer, then SIGKILLs it.
    func killMidLoad(log: String, database: String) throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: Self.executable)
        child.arguments = ["import", "twilio", log, "--db", database]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        let probe = try Database(path: database, busyTimeoutMilliseconds: 0)
        try child.run()
        let deadline = Date().addingTimeInterval(120)
        var insideTransaction = false
        while child.isRunning && Date() < deadline {
            do {
                try probe.execute("BEGIN IMMEDIATE TRANSACTION")
                try probe.execute("ROLLBACK TRANSACTION")
            } catch {
                insideTransaction = true
                break
            }
            usleep(20_000)
        }
        #expect(insideTransaction, "the import finished (or never started writing) before it could be killed")
        usleep(400_000)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)
    }

    @Test func killedAfterEarlierRunsTheFileIsExactlyAsBefore() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "build replylab first: swift build")
        let database = path("runs.sqlite")
        let first = ReplyLab.run(
            ["import", "twilio", ImportExportCommandTests.fixture("console-export.csv"), "--db", database],
            console: .captured()
        )
        #expect(first == 0)
        let before = try dumpEventLog(database)
        try killMidLoad(log: try writeLargeLog(rows: 25_000), database: database)
        #expect(try dumpEventLog(database) == before)
        // The next load of the same file goes through whole.
        let again = ReplyLab.run(
            ["import", "twilio", path("large.csv"), "--db", database],
            console: .captured()
        )
        #expect(again == 0)
        #expect(
            try Database(path: database, mode: .readOnly).integer("SELECT count(*) FROM messages WHERE run_id = 2")
                == 75_000
        )
    }

    @Test func killedInAFreshLogTheDroppedIndexesAreBack() throws {
        let database = path("fresh.sqlite")
        #expect(ReplyLab.run(["db", "init", database], console: .captured()) == 0)
        let before = try dumpEventLog(database)
        #expect(before.contains("index messages_by_customer"))
        try killMidLoad(log: try writeLargeLog(rows: 25_000), database: database)
        #expect(try dumpEventLog(database) == before)
    }
}

extension KillDuringImportTests {
    /// An import into a file that does not exist builds a private `.partial-PID` file and renames it at the end:
    /// killed before that, no log appears at `--db`, and the next import builds it whole.
    @Test func killedWhileBuildingANewLogNoFileAppears() throws {
        let database = path("new.sqlite")
        let log = try writeLargeLog(rows: 25_000)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: Self.executable)
        child.arguments = ["import", "twilio", log, "--db", database]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let partial = database + ".partial-\(child.processIdentifier)"
        let deadline = Date().addingTimeInterval(120)
        while child.isRunning && !FileManager.default.fileExists(atPath: partial) && Date() < deadline {
            usleep(5_000)
        }
        usleep(200_000)
        #expect(child.isRunning, "the import finished before it could be killed")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationStatus == SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: database))
        let again = ReplyLab.run(["import", "twilio", log, "--db", database], console: .captured())
        #expect(again == 0)
        #expect(try Database(path: database, mode: .readOnly).integer("SELECT count(*) FROM messages") == 75_000)
    }

    /// A new file that would receive nothing (an empty log) is left as an empty, migrated event log, not as the
    /// private build's leftovers.
    @Test func aNewFileThatReceivesNothingIsAnEmptyLog() throws {
        let database = path("empty.sqlite")
        let log = path("empty.csv")
        try Data("From,To,Body,Status,SentDate,Sid,Direction\r\n".utf8).write(to: URL(fileURLWithPath: log))
        let result = ReplyLab.run(["import", "twilio", log, "--db", database], console: .captured())
        #expect(result == 0)
        let opened = try Database(path: database, mode: .readOnly)
        #expect(try opened.userVersion() == EventLogSchema.currentVersion)
        #expect(try opened.integer("SELECT count(*) FROM runs") == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }
}

/// The schema (tables, indexes, triggers) and every row of every event-log table, as text.
func dumpEventLog(_ path: String) throws -> String {
    let database = try Database(path: path, mode: .readOnly)
    var text = "user_version \(try database.userVersion())\n"
    let schema = try database.prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
    while try schema.step() {
        text +=
            "\(try schema.column(0) as String) \(try schema.column(1) as String): \(try schema.column(2) as String)\n"
    }
    for table in EventLogSchema.tables {
        let rows = try database.prepare("SELECT * FROM \(table) ORDER BY 1, 2, 3")
        while try rows.step() {
            var cells: [String] = []
            for column in 0..<rows.columnCount {
                cells.append(rows.isNull(at: column) ? "NULL" : try rows.column(column) as String)
            }
            text += "\(table): " + cells.joined(separator: "|") + "\n"
        }
    }
    return text
}
