import Foundation
import JSONDocument
import Testing

@testable import ReplyLabCLI

/// `replylab staffing`, run in-process.
@Suite struct StaffingCommandTests {
    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.captured()
        let status = ReplyLab.run(["staffing"] + arguments, console: console)
        return (status, console.output, console.errors)
    }

    func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// 120 hand-offs an hour of 1 minute each is A = 2 Erlangs. With 3 agents Erlang C gives P(wait) = 4/9 and
    /// Wq = 4/9 min (exact rationals of the textbook sum formula); with 4, P(wait) = 4/23 and Wq = 2/23 min.
    @Test func jsonGivesErlangCBesideTheSimulationPerAgentCount() throws {
        let result = run([
            "--replies-per-hour", "120", "--service-minutes", "1", "--agents", "3-4", "--json", "-n", "40000",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let rows = try objects(result.output)
        #expect(rows.count == 2)
        #expect(rows.map { $0["agents"] as? Int } == [3, 4])
        for key in [
            "agents", "erlang_c_p_wait", "erlang_c_mean_wait_minutes", "simulated_p_wait",
            "simulated_mean_wait_minutes", "ci95_low", "ci95_high",
        ] {
            #expect(rows.allSatisfy { $0[key] is Double || $0[key] is Int }, "\(key) is a number in every row")
        }
        let expected = [(3, 4.0 / 9, 4.0 / 9), (4, 4.0 / 23, 2.0 / 23)]
        for (row, (agents, pWait, wait)) in zip(rows, expected) {
            let analyticP = try #require(row["erlang_c_p_wait"] as? Double)
            let analyticWait = try #require(row["erlang_c_mean_wait_minutes"] as? Double)
            #expect(abs(analyticP - pWait) < 1e-12 && abs(analyticWait - wait) < 1e-12, "\(agents) agents")
            let simulated = try #require(row["simulated_mean_wait_minutes"] as? Double)
            let low = try #require(row["ci95_low"] as? Double)
            let high = try #require(row["ci95_high"] as? Double)
            #expect(low < simulated && simulated < high)
            #expect(low <= wait && wait <= high, "Erlang C's \(wait) min inside [\(low), \(high)] for \(agents)")
            #expect(abs(try #require(row["simulated_p_wait"] as? Double) - pWait) < 0.03)
        }
        #expect(rows[0]["simulated_mean_wait_minutes"] as! Double > rows[1]["simulated_mean_wait_minutes"] as! Double)
    }

    @Test func theSameSeedGivesTheSameOutputAndAnotherSeedDiffers() {
        let arguments = ["--replies-per-hour", "30", "--service-minutes", "4", "--agents", "3", "--json", "-n", "5000"]
        let first = run(arguments)
        #expect(first.output == run(arguments).output)
        #expect(first.output != run(arguments + ["--seed", "7"]).output)
    }

    @Test func unstableLoadsSaySoInsteadOfPrintingNaN() throws {
        let text = run(["--replies-per-hour", "120", "--service-minutes", "1", "--agents", "1-3", "-n", "5000"])
        #expect(text.status == 0)
        #expect(text.output.contains("unstable"))
        #expect(text.output.contains("queue grows without bound"))
        #expect(!text.output.lowercased().contains("nan") && !text.output.contains("inf"))
        let json = run([
            "--replies-per-hour", "120", "--service-minutes", "1", "--agents", "2-3", "--json", "-n", "5000",
        ])
        let rows = try objects(json.output)
        #expect(rows[0]["stable"] as? Bool == false)
        #expect(rows[0]["erlang_c_p_wait"] is NSNull && rows[0]["simulated_mean_wait_minutes"] is NSNull)
        #expect(rows[1]["stable"] as? Bool == true)
        #expect(!json.output.lowercased().contains("nan"))
    }

    /// With patience the overloaded queue is finite: customers leave, and the share is reported.
    @Test func patienceMakesAnOverloadedQueueSimulatable() throws {
        let result = run([
            "--replies-per-hour", "120", "--service-minutes", "1", "--agents", "1", "--patience-minutes", "2",
            "--json", "-n", "20000",
        ])
        let row = try #require(try objects(result.output).first)
        #expect(row["erlang_c_p_wait"] is NSNull)
        let abandoned = try #require(row["simulated_abandon_rate"] as? Double)
        // Load 2 on one agent: at least half the customers must leave; waits are capped by the 2-minute patience.
        #expect(abandoned > 0.45 && abandoned < 0.6)
        #expect(try #require(row["simulated_mean_wait_minutes"] as? Double) < 2)
    }

    @Test(arguments: [
        ["--service-minutes", "4", "--agents", "3"],
        ["--replies-per-hour", "30", "--agents", "3"],
        ["--replies-per-hour", "30", "--service-minutes", "4"],
        ["--replies-per-hour", "30", "--service-minutes", "4", "--agents", "5-3"],
        ["--replies-per-hour", "30", "--service-minutes", "4", "--agents", "three"],
        ["--replies-per-hour", "-1", "--service-minutes", "4", "--agents", "3"],
        ["--replies-per-hour", "30", "--service-minutes", "0", "--agents", "3"],
        ["--replies-per-hour", "30", "--service-minutes", "4", "--agents", "3", "--patience-minutes", "0"],
    ])
    func misuseExitsWith64AndSaysWhatToType(arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(!result.errors.isEmpty)
        #expect(result.output.isEmpty)
    }

    @Test func helpSaysWhatTheIntervalIsOf() {
        let result = run(["--help"])
        #expect(result.output.contains("batch-means confidence interval of the simulated mean wait"))
    }
}
