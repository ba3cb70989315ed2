import EventLog
import Foundation
import Store
import Testing

@testable import ReplyLabCLI

/// `replylab simulate`, run in-process on the bundled cart-recovery experiment. Serialized: each run waits on
/// its shards from a test thread, and two at once on a two-core pool would starve each other.
@Suite(.serialized) final class SimulateCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let experiment = repository.appendingPathComponent("datasets/experiments/cart-recovery.json").path

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("replylab-simulate-\(UUID().uuidString)")
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

    @Test func simulateWritesARunAndPrintsTheArms() throws {
        let result = run(["simulate", Self.experiment, "--db", path("log.sqlite"), "-n", "2000", "--seed", "5"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty, "no progress bar when stderr is not a terminal")
        let lines = result.output.split(separator: "\n")
        #expect(lines[0].hasPrefix("run 1: 'cart-recovery', seed 5, 2,000 customers"))
        #expect(lines[1].hasPrefix("arm "))
        #expect(lines[2].hasPrefix("one-way "))
        #expect(lines[3].hasPrefix("conversational "))
        #expect(lines[4].hasPrefix("holdout "))
        let database = try Database(path: path("log.sqlite"), mode: .readOnly)
        #expect(try database.integer("SELECT count(*) FROM customers") == 2_000)
        #expect(try database.integer("SELECT count(*) FROM variants") == 3)
        #expect(try database.integer("SELECT seed FROM runs WHERE id = 1") == 5)
        #expect(try database.integer("SELECT count(*) FROM runs WHERE kind = 'simulation' AND config_json LIKE '%\"experiment\":{%'") == 1)
        #expect(try database.integer("SELECT count(*) FROM messages WHERE direction = 'inbound' AND intent IS NULL") == 0)
        #expect(try database.integer("SELECT count(*) FROM agent_shifts") > 0)
        // A second simulate adds run 2 to the same log.
        #expect(run(["simulate", Self.experiment, "--db", path("log.sqlite"), "-n", "300"]).status == 0)
        #expect(try database.integer("SELECT max(id) FROM runs") == 2)
    }

    /// The same seed gives the same file at 1 and 4 jobs once the wall-clock creation time is set aside.
    @Test func theLogIsByteIdenticalAtOneAndFourJobs() throws {
        for jobs in ["1", "4"] {
            let result = run(["simulate", Self.experiment, "--db", path("jobs\(jobs).sqlite"), "-n", "3000", "-j", jobs])
            #expect(result.status == 0, "\(result.errors)")
            let database = try Database(path: path("jobs\(jobs).sqlite"))
            try database.execute("UPDATE runs SET created_at = 0")
            try database.execute("VACUUM")
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: path("jobs1.sqlite")))
        let four = try Data(contentsOf: URL(fileURLWithPath: path("jobs4.sqlite")))
        #expect(one.count > 100_000)
        #expect(one == four)
    }

    @Test func aFailureLeavesAnExistingLogAsItWas() throws {
        #expect(run(["simulate", Self.experiment, "--db", path("kept.sqlite"), "-n", "500"]).status == 0)
        let database = try Database(path: path("kept.sqlite"))
        let messages = try database.integer("SELECT count(*) FROM messages")
        try database.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON messages WHEN NEW.run_id = 2 AND NEW.message_id = 400 "
                + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )
        let result = run(["simulate", Self.experiment, "--db", path("kept.sqlite"), "-n", "2000"])
        #expect(result.status == 1)
        #expect(result.errors.contains("injected failure"))
        #expect(try database.integer("SELECT count(*) FROM runs") == 1)
        #expect(try database.integer("SELECT count(*) FROM messages") == messages)
        #expect(try database.integer("SELECT count(*) FROM customers") == 500)
    }

    @Test func aBadExperimentIsLocatedAndNoFileIsLeft() throws {
        let text = try String(contentsOfFile: Self.experiment, encoding: .utf8)
            .replacingOccurrences(of: "\"replications\": 1", with: "\"replicatons\": 1")
            .replacingOccurrences(of: "\"../", with: "\"\(Self.repository.path)/datasets/")
        try text.write(toFile: path("bad.json"), atomically: true, encoding: .utf8)
        let result = run(["simulate", path("bad.json"), "--db", path("none.sqlite")])
        #expect(result.status == 1)
        #expect(result.errors.contains("bad.json: $.replicatons: found the unknown key \"replicatons\"; expected \"replications\" (did you mean it?)"))
        #expect(!FileManager.default.fileExists(atPath: path("none.sqlite")))
        let broken = text.replacingOccurrences(of: "\"replicatons\": 1", with: "\"replications\": 1")
            .replacingOccurrences(of: "abandoned-cart.json", with: "missing-flow.json")
        try broken.write(toFile: path("broken.json"), atomically: true, encoding: .utf8)
        let failed = run(["simulate", path("broken.json"), "--db", path("none.sqlite")])
        #expect(failed.errors.contains("broken.json: $.variants[1].flow: cannot read"))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("none") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func misuseExitsWith64() {
        #expect(run(["simulate", Self.experiment]).status == 64)
        #expect(run(["simulate", "--db", path("x.sqlite")]).status == 64)
        #expect(run(["simulate", Self.experiment, "--db", path("x.sqlite"), "--jobs", "0"]).status == 64)
    }
}
