import Analytics
import Foundation
import Store
import Testing

@testable import ReplyLabCLI

/// `replylab analyze` end to end on a hand-built event log in a real file.
@Suite struct AnalyzeCommandTests {
    let folder: URL
    let database: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-analyze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("runs.sqlite").path
        try KnownLog.write(into: try Database(path: database))
    }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    func contents(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func writesTheReportAndPrintsItsPathAndTheVerdict() throws {
        let out = folder.appendingPathComponent("report")
        let result = run(["analyze", "--db", database, "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Wrote \(out.path)/index.html and ") == true)
        #expect(lines.count == 4, "the path, then a three-line verdict")
        #expect(lines[3].contains("; compliance audit"))
        #expect(lines[1].contains("Too few customers to tell conversational from one-way"))
        let files = try contents(out)
        #expect(files["index.html"] != nil && files["results.csv"] != nil && files["tables.csv"] != nil)
        let results = String(decoding: files["results.csv"]!, as: UTF8.self)
        #expect(results.contains("Reply rate"))
    }

    @Test func twiceGivesTheSameBytes() throws {
        let a = folder.appendingPathComponent("a")
        let b = folder.appendingPathComponent("b")
        #expect(run(["analyze", "--db", database, "--out", a.path]).status == 0)
        #expect(run(["analyze", "--db", database, "--out", b.path, "--run", "1"]).status == 0)
        #expect(try contents(a) == contents(b))
    }

    @Test func printSQLShowsEveryQueryAsItRuns() {
        let result = run(["analyze", "--db", database, "--print-sql", "--window", "cart72h"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("-- customer_totals: "))
        #expect(result.output.contains("-- flow_nodes: "))
        #expect(result.output.contains(")) + 259200000"))
        #expect(!result.output.contains("{run}"))
    }

    @Test func misuseExitsWith64AndSaysWhatToType() {
        let noDatabase = run(["analyze", "--out", folder.path])
        #expect(noDatabase.status == 64)
        #expect(noDatabase.errors.contains("--db runs.sqlite"))
        #expect(run(["analyze", "--db", database]).status == 64)
        let badWindow = run(["analyze", "--db", database, "--out", folder.path, "--window", "shopify"])
        #expect(badWindow.status == 64)
        #expect(badWindow.errors.contains("presets: replylab, cart72h"))
        #expect(run(["analyze", "--db", database, "--out", folder.path, "--baseline", "nobody"]).status == 64)
    }

    @Test func aMissingRunOrFileIsAnErrorNotAUsageMistake() {
        let missingRun = run(["analyze", "--db", database, "--out", folder.path, "--run", "9"])
        #expect(missingRun.status == 1)
        #expect(missingRun.errors.contains("no run 9 in the event log; runs: 1"))
        let missingFile = run([
            "analyze", "--db", folder.appendingPathComponent("none.sqlite").path, "--out", folder.path,
        ])
        #expect(missingFile.status == 1)
    }
}

/// Without --window, analyze uses the attribution window the run's experiment recorded.
@Suite struct AnalyzeConfiguredWindowTests {
    @Test func theRunsOwnWindowDaysBecomeTheConversionWindow() throws {
        var batch = KnownLog.batch()
        batch.runs[0].configJSON = #"{"experiment":{"attribution":{"window_days":1}}}"#
        let database = try KnownLog.write(batch, into: try Database.inMemory())
        let window = try #require(try AnalyzeCommand.configuredWindow(database, run: 1))
        #expect(window.conversionMilliseconds == 86_400_000)
        #expect(window.name == "run configuration")
        // A one-day window keeps only c3's order (after exactly 1 day, the window's closed end) and c4's.
        let analysis = try Analysis.compute(database: database, window: window)
        #expect(analysis.arms.map(\.totals.converted) == [1, 1, 0])
        batch.runs[0].configJSON = "{}"
        #expect(try AnalyzeCommand.configuredWindow(try KnownLog.database(batch), run: 1) == nil)
    }
}
