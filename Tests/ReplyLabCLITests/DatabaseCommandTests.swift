import EventLog
import Foundation
import Store
import Testing

@testable import ReplyLabCLI

/// `replylab db init` and `replylab db info` end to end, through `ReplyLab.run`, on files in a temporary folder.
@Suite struct DatabaseCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    @Test func initCreatesTheSchemaThenReportsUpToDate() throws {
        let file = path("runs.sqlite")
        let first = run(["db", "init", file])
        #expect(first.status == 0)
        #expect(first.output == "Created event-log schema version 4 in \(file): 13 tables, 7 analytics indexes.\n")
        #expect(FileManager.default.fileExists(atPath: file))
        let second = run(["db", "init", file])
        #expect(second.status == 0)
        #expect(second.output == "\(file) is up to date (schema version 4); nothing to do.\n")
        #expect(try Database(path: file, mode: .readOnly).userVersion() == EventLogSchema.currentVersion)
    }

    @Test func infoShowsVersionRunsAndRowCounts() throws {
        let file = path("runs.sqlite")
        let writer = try EventLogWriter(database: try Database(path: file))
        try writer.append(
            EventBatch(
                runs: [
                    RunRecord(
                        id: 3,
                        kind: "simulation",
                        source: "datasets/experiments/cart.json",
                        seed: 7,
                        configJSON: "{}",
                        toolVersion: "0.1.0",
                        createdAt: 1_764_374_400_000
                    ),
                    RunRecord(
                        id: 4,
                        kind: "import",
                        source: "twilio.csv",
                        seed: nil,
                        configJSON: "{}",
                        toolVersion: "0.1.0",
                        createdAt: 1_764_460_800_123
                    ),
                ],
                customers: (1...1_234).map {
                    CustomerRecord(
                        runID: 3,
                        customerID: $0,
                        maskedPhone: "+1 415 ***-**23",
                        phoneHash: $0,
                        timeZone: "America/Chicago",
                        state: "TX",
                        segment: "new",
                        attributesJSON: "{}"
                    )
                }
            )
        )
        try writer.finish()
        let result = run(["db", "info", file])
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(
            result.output == """
                \(file): event-log schema version 4 (current)

                Runs: 2
                  ID  KIND        SOURCE                          CREATED (UTC)        VERSION
                   3  simulation  datasets/experiments/cart.json  2025-11-29 00:00:00  0.1.0
                   4  import      twilio.csv                      2025-11-30 00:00:00  0.1.0

                Rows per table:
                  TABLE            ROWS
                  runs                2
                  variants            0
                  customers       1,234
                  assignments         0
                  carts               0
                  agent_shifts        0
                  conversations       0
                  messages            0
                  handoffs            0
                  orders              0
                  consent_events      0
                  suppressions        0
                  quarantine          0

                """
        )
        let json = run(["db", "info", "--json", file])
        #expect(json.status == 0)
        #expect(
            json.output.hasPrefix(
                #"{"file":"\#(file)","rows":{"agent_shifts":0,"assignments":0,"carts":0,"consent_events":0,"#
            )
        )
        #expect(json.output.contains(#""customers":1234"#))
        #expect(json.output.contains(#""seed":7,"source":"datasets/experiments/cart.json","tool_version":"0.1.0"}"#))
        #expect(json.output.hasSuffix(#""schema_version":4}"# + "\n"))
    }

    @Test func infoOnAMissingFileIsOneClearErrorAndCreatesNothing() {
        let file = path("absent.sqlite")
        let result = run(["db", "info", file])
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.errors == "error: no database at '\(file)'; create one with 'replylab db init \(file)'\n")
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func infoRefusesAFileFromANewerReplyLab() throws {
        let file = path("future.sqlite")
        try Database(path: file).execute("PRAGMA user_version = 7")
        let result = run(["db", "info", file])
        #expect(result.status == 1)
        #expect(
            result.errors
                == "error: '\(file)' has event-log schema version 7, but this replylab knows versions up to 4; upgrade replylab to read it\n"
        )
        let initialise = run(["db", "init", file])
        #expect(initialise.status == 1)
        #expect(initialise.errors == result.errors)
    }

    @Test func infoOnAFileThatIsNotADatabaseNamesTheFile() throws {
        let file = path("notes.txt")
        try Data(String(repeating: "hello\n", count: 200).utf8).write(to: URL(fileURLWithPath: file))
        let result = run(["db", "info", file])
        #expect(result.status == 1)
        #expect(
            result.errors == "error: SQLite error 26 (SQLITE_NOTADB): cannot open '\(file)': file is not a database\n"
        )
    }

    @Test func initInAFolderThatDoesNotExistSaysSoInOneLine() {
        let file = path("no-such-folder/runs.sqlite")
        let result = run(["db", "init", file])
        #expect(result.status == 1)
        #expect(
            result.errors
                == "error: SQLite error 14 (SQLITE_CANTOPEN): cannot open '\(file)': unable to open database file\n"
        )
    }

    @Test(arguments: [["db", "info"], ["db", "init"], ["db", "info", ""]])
    func missingFileArgumentIsAUsageError(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains("usage: replylab db \(arguments[1])"))
    }

    @Test func dbIsListedInTheTopLevelHelp() {
        let result = run(["--help"])
        #expect(result.output.contains("db"))
        #expect(result.output.contains("Create and inspect event-log databases (SQLite)."))
    }
}
