import EventLog
import Foundation
import Store
import Testing

@testable import ReplyLabCLI

/// `replylab population generate|describe`, run in-process against the repository's default spec.
@Suite final class PopulationCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let spec = repository.appendingPathComponent("datasets/populations/default.json").path

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("replylab-population-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    @Test func generateWritesIdenticalCSVForTheSameSeed() throws {
        let first = run(["population", "generate", Self.spec, "--count", "1500", "--seed", "9", "--out", path("a.csv")])
        #expect(first.status == 0)
        #expect(first.output == "wrote 1,500 customers of 'default' (seed 9) to \(path("a.csv"))\n")
        _ = run(["population", "generate", Self.spec, "-n", "1500", "--seed=9", "-o", path("b.csv")])
        _ = run(["population", "generate", Self.spec, "-n", "1500", "--seed", "10", "-o", path("c.csv")])
        let a = try Data(contentsOf: URL(fileURLWithPath: path("a.csv")))
        #expect(a == (try Data(contentsOf: URL(fileURLWithPath: path("b.csv")))))
        #expect(a != (try Data(contentsOf: URL(fileURLWithPath: path("c.csv")))))
        #expect(String(decoding: a, as: UTF8.self).split(separator: "\n").count == 1_501)
    }

    @Test func withoutCountTheSpecSizeIsUsed() {
        let result = run(["population", "generate", Self.spec, "--out", path("sized.csv")])
        #expect(result.output == "wrote 10,000 customers of 'default' (seed 42) to \(path("sized.csv"))\n")
    }

    @Test func generateToStandardOutput() {
        let result = run(["population", "generate", Self.spec, "-n", "3", "--out", "-"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("customer_id,first_name,phone,"))
        #expect(lines[1].hasPrefix("0,"))
    }

    @Test func generateIntoAnEventLogAddsAPopulationRun() throws {
        let database = path("log.sqlite")
        let first = run(["population", "generate", Self.spec, "-n", "800", "--seed", "5", "--db", database])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == "wrote run 1: 800 customers of 'default' (seed 5) to \(database)\n")
        let second = run(["population", "generate", Self.spec, "-n", "200", "--seed", "6", "--db", database])
        #expect(second.output.hasPrefix("wrote run 2: 200 customers"))

        let reader = try EventLogReader(database: Database(path: database, mode: .readOnly))
        let runs = try reader.runs()
        #expect(runs.map(\.id) == [1, 2])
        #expect(
            runs.allSatisfy { $0.kind == "population" && $0.source == Self.spec && $0.toolVersion == ReplyLab.version }
        )
        #expect(runs[0].seed == 5)
        #expect(runs[0].configJSON.contains("\"count\":800"))
        let customers = try reader.customers(ofRun: 1)
        #expect(customers.count == 800)
        #expect(customers.map(\.customerID) == (0..<800).map(Int64.init))
        for customer in customers {
            #expect(customer.maskedPhone.hasPrefix("+1 ") && customer.maskedPhone.contains("***-**"))
            #expect(["new", "active", "lapsed", "vip"].contains(customer.segment))
            let attributes = try #require(
                try JSONSerialization.jsonObject(with: Data(customer.attributesJSON.utf8)) as? [String: Any]
            )
            #expect(attributes["state"] as? String == customer.state)
            #expect(attributes["time_zone"] as? String == customer.timeZone)
        }
        #expect(Set(customers.map(\.phoneHash)).count == 800, "phone hashes are distinct")

        let described = run(["population", "describe", "--db", database])
        #expect(described.status == 0)
        #expect(described.output.hasPrefix("Run 2 in \(database): 200 customers\n"))
        let firstRun = run(["population", "describe", "--db", database, "--run", "1"])
        #expect(firstRun.output.hasPrefix("Run 1 in \(database): 800 customers\n"))
        #expect(firstRun.output.contains("Segments\n  new"))
        let missing = run(["population", "describe", "--db", database, "--run", "9"])
        #expect(missing.status == 1)
        #expect(missing.errors == "error: \(database): no run 9; its runs are 1, 2\n")
    }

    @Test func describeASpecShowsEveryDistribution() {
        let result = run(["population", "describe", Self.spec, "--count", "2000", "--states", "3"])
        #expect(result.status == 0)
        for heading in [
            "Segments", "States (51, most customers first)", "Time zones", "Consent source", "Abandoned carts:",
        ] {
            #expect(result.output.contains(heading), "missing \(heading)")
        }
        #expect(result.output.hasPrefix("Population 'default' from \(Self.spec): 2,000 customers, seed 42\n"))
        #expect(result.output.contains("48 other states"))
        #expect(result.output.contains("cart value: p10 $"))
    }

    @Test(arguments: [
        (["population", "generate", "spec.json"], "error: say where to write: --out FILE.csv or --db FILE"),
        (
            ["population", "generate", "spec.json", "--out", "a.csv", "--db", "b.db"],
            "error: give either --out or --db, not both"
        ),
        (
            ["population", "generate", "spec.json", "--count", "-5", "--out", "a.csv"],
            "error: --count expects a whole number from 0 to 50000000, got '-5'"
        ),
        (["population", "describe"], "error: give a spec file or --db FILE"),
        (
            ["population", "describe", "--db", "x.db", "--seed", "4"],
            "error: --count and --seed apply to a SPEC, not to --db"
        ),
    ])
    func usageMistakesSayWhatToType(arguments: [String], message: String) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix(message + "\n"), "\(result.errors)")
    }

    @Test func aBrokenSpecIsOneLineWithItsPath() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.spec))) as? [String: Any]
        )
        object["female_share"] = 2
        object["catalog"] = Self.repository.appendingPathComponent("datasets/catalog.json").path
        object["first_names"] = Self.repository.appendingPathComponent("datasets/populations/first-names.json").path
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path("broken.json")))
        let result = run(["population", "generate", path("broken.json"), "--out", path("x.csv")])
        #expect(result.status == 1)
        #expect(result.errors == "error: \(path("broken.json")): $.female_share: must be from 0 to 1, got 2\n")
        #expect(!FileManager.default.fileExists(atPath: path("x.csv")))
    }

    @Test func describeAnEventLogWithoutPopulationsSaysHowToMakeOne() throws {
        let database = path("empty.sqlite")
        let writer = try EventLogWriter(database: Database(path: database))
        try writer.finish()
        let result = run(["population", "describe", "--db", database])
        #expect(result.status == 1)
        #expect(result.errors.contains("no population run; write one with 'replylab population generate SPEC --db"))
    }
}
