import Foundation
import Testing

@testable import ReplyLabCLI

/// `replylab demo`: the README's main command, on a small population so the suite stays quick.
@Suite(.serialized) final class DemoCommandTests {
    static let experiment = SimulateCommandTests.experiment

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func demo(into folder: String) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let arguments = ["demo", "--experiment", Self.experiment, "--out", folder, "-n", "3000", "--jobs", "2"]
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    /// Every report file (index.html and each CSV) by name, with its bytes.
    func reportFiles(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder)
        where name.hasSuffix(".csv") || name.hasSuffix(".html") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        return files
    }

    @Test func demoWritesTheReportAndAThreeLineVerdict() throws {
        let folder = directory.appendingPathComponent("demo").path
        let result = demo(into: folder)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wrote = try #require(lines.firstIndex { $0.hasPrefix("Wrote \(folder)/index.html") })
        let verdict = lines[(wrote + 1)...].filter { !$0.isEmpty }
        #expect(verdict.count == 3, "\(verdict)")
        #expect(verdict.first?.contains("revenue per recipient") == true)
        #expect(verdict.last?.hasSuffix("compliance audit clean.") == true, "a simulated sender breaks no rule")
        let html = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        #expect(html.contains("conversational") && html.contains("one-way") && html.contains("holdout"))
        #expect(!html.contains("<script"), "the report is complete without JavaScript")
        #expect(FileManager.default.fileExists(atPath: folder + "/funnel.csv"))
    }

    @Test func demoTwiceGivesIdenticalBytes() throws {
        let first = directory.appendingPathComponent("first").path
        let second = directory.appendingPathComponent("second").path
        #expect(demo(into: first).status == 0)
        let before = try reportFiles(in: first)
        #expect(demo(into: first).status == 0, "a second demo into the same folder starts from an empty log")
        #expect(try reportFiles(in: first) == before)
        #expect(demo(into: second).status == 0)
        let elsewhere = try reportFiles(in: second)
        #expect(elsewhere.keys.sorted() == before.keys.sorted())
        for (name, bytes) in before where name != "index.html" {
            #expect(elsewhere[name] == bytes, "\(name) differs between two demos")
        }
        #expect(before.count > 5)
    }

    @Test func demoOutsideTheRepositorySaysWhereToRunIt() {
        let console = Console.captured()
        let status = ReplyLab.run(
            ["demo", "--experiment", directory.appendingPathComponent("none.json").path],
            console: console
        )
        #expect(status == 1)
        #expect(console.errors.contains("run 'replylab demo' from the repository root"))
    }
}
