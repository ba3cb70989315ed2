import Foundation
import Testing

@testable import ReplyLabCLI

/// `replylab report sample` end to end: the files it writes, twice the same, and what it says when misused.
@Suite struct ReportCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    func contents(_ directory: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var files: [String: Data] = [:]
        for name in names { files[name] = try Data(contentsOf: directory.appendingPathComponent(name)) }
        return files
    }

    @Test func sampleWritesTheSameReportTwice() throws {
        let first = folder.appendingPathComponent("a")
        let second = folder.appendingPathComponent("b")
        let result = run(["report", "sample", "--out", first.path])
        #expect(result.status == 0)
        #expect(
            result.output
                == "Wrote \(first.path)/index.html, 33 CSV files and notebook pieces (sample-failures.svg, "
                + "sample-utilisation.svg, sample-replies.md).\n"
        )
        #expect(run(["report", "sample", "--out", second.path]).status == 0)
        let a = try contents(first)
        #expect(a.count == 37)
        #expect(a == (try contents(second)))
        let html = String(decoding: try #require(a["index.html"]), as: UTF8.self)
        #expect(html.contains("Call me at +1 415 ***-**34 instead"))
    }

    @Test func showNumbersRevealsPhoneNumbers() throws {
        let out = folder.appendingPathComponent("shown")
        #expect(run(["report", "sample", "--out", out.path, "--show-numbers"]).status == 0)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("Call me at (415) 555-0134 instead"))
    }

    @Test func missingOutSaysWhatToType() {
        let result = run(["report", "sample"])
        #expect(result.status == 64)
        #expect(result.errors.contains("missing --out; type --out <value>"))
    }
}
