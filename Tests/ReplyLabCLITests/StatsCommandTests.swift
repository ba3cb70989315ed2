import Foundation
import Testing

@testable import ReplyLabCLI

/// Runs `replylab` in-process and returns the status with both streams.
private func run(_ arguments: [String], input: String = "") -> (status: Int32, output: String, errors: String) {
    let console = Console.captured(input: input)
    let status = ReplyLab.run(arguments, console: console)
    return (status, console.output, console.errors)
}

private func object(_ text: String) throws -> [String: Any] {
    let line = text.trimmingCharacters(in: .newlines)
    return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
}

private func pair(_ value: Any?) throws -> (Double, Double) {
    let numbers = try #require(value as? [Double])
    try #require(numbers.count == 2)
    return (numbers[0], numbers[1])
}

/// `stats` and `power` print the published values the library tests check (Newcombe 1998, R's sleep data,
/// R's power.prop.test), under the keys analysts script against.
@Suite struct StatsCommandTests {
    @Test func proportionsJSONCarriesNewcombeAndWilson() throws {
        let result = run(["stats", "proportions", "--a", "48/80", "--b", "56/70", "--json"])
        #expect(result.status == 0)
        let fields = try object(result.output)
        #expect(abs(try #require(fields["z"] as? Double) - 2.6501719512585336) < 1e-10)
        #expect(abs(try #require(fields["p_value"] as? Double) - 0.00804508136819656) < 1e-10)
        #expect(abs(try #require(fields["diff"] as? Double) - 0.2) < 1e-12)
        // Newcombe (1998) Table II example (a): 0.0524 to 0.3339.
        let diff = try pair(fields["diff_ci95"])
        #expect(abs(diff.0 - 0.0524) < 0.00005 && abs(diff.1 - 0.3339) < 0.00005)
        let a = try pair(fields["a_ci95"])
        #expect(a.0 < 0.6 && a.1 > 0.6)
        _ = try pair(fields["b_ci95"])
        #expect((fields["test"] as? String)?.contains("z-test") == true)
    }

    @Test func proportionsHumanOutputNamesTheMethods() {
        let result = run(["stats", "proportions", "--a", "48/80", "--b", "56/70"])
        #expect(result.status == 0)
        #expect(result.output.contains("Wilson score interval"))
        #expect(result.output.contains("Newcombe hybrid score interval"))
        #expect(result.output.contains("[+5.24, +33.39]"))
        #expect(result.output.contains("p = 0.0080"))
    }

    @Test(arguments: [
        (["--a", "80/48", "--b", "1/2"], "did you swap them? type --a 48/80"),
        (["--a", "0.2", "--b", "1/2"], "--a expects SUCCESSES/TRIALS"),
        (["--b", "1/2"], "missing --a; type --a SUCCESSES/TRIALS"),
        (["--a", "1/0", "--b", "1/2"], "at least one trial"),
    ])
    func proportionsMistakesSayWhatToType(arguments: [String], message: String) {
        let result = run(["stats", "proportions"] + arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    /// R: t.test(extra ~ group, data = sleep) → t = -1.8608, df = 17.776, p-value = 0.07939 (b = group 2 here).
    @Test func meansOnStudentsSleepData() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.txt")
        try "# group 1\n0.7\n-1.6\n-0.2\n-1.2\n-0.1\n3.4\n3.7\n0.8\n0.0\n2.0\n".write(
            to: a,
            atomically: true,
            encoding: .utf8
        )
        let input = "1.9\n0.8\n1.1\n0.1\n\n-0.1\n4.4\n5.5\n1.6\n4.6\n3.4\n"
        let result = run(["stats", "means", "--a", a.path, "--b", "-", "--json"], input: input)
        #expect(result.status == 0, "\(result.errors)")
        let fields = try object(result.output)
        #expect(abs(try #require(fields["t"] as? Double) - 1.8608134674868526) < 1e-9)
        #expect(abs(try #require(fields["df"] as? Double) - 17.776473516178488) < 1e-8)
        #expect(abs(try #require(fields["p_value"] as? Double) - 0.0793941401873583) < 1e-9)

        let bad = directory.appendingPathComponent("bad.txt")
        try "1\n2\nforty\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = run(["stats", "means", "--a", a.path, "--b", bad.path])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("bad.txt:3: 'forty' is not a number"))
        #expect(run(["stats", "means", "--a", a.path]).status == 64)
    }

    @Test func sampleRatioCheck() throws {
        let fine = try object(run(["stats", "srm", "--observed", "5000,5210", "--ratios", "1,1", "--json"]).output)
        #expect(abs(try #require(fields(fine, "chi2")) - 4.319294809010774) < 1e-10)
        #expect(abs(try #require(fields(fine, "p_value")) - 0.037682535473058755) < 1e-10)
        #expect(fine["mismatch"] as? Bool == false)
        let broken = run(["stats", "srm", "--observed", "5000,5500", "--ratios", "1,1"])
        #expect(broken.status == 0)
        #expect(broken.output.contains("MISMATCH"))
        let wrongCount = run(["stats", "srm", "--observed", "1,2,3", "--ratios", "1,1"])
        #expect(wrongCount.status == 64)
        #expect(wrongCount.errors.contains("--ratios 1,1,1"))
    }

    private func fields(_ object: [String: Any], _ key: String) -> Double? { object[key] as? Double }

    /// 20 % → 22 %: the Fleiss formula (R's power.prop.test) gives 6509.47, so 6510 per arm; 20 % → 25 % gives
    /// R's printed n = 1093.739.
    @Test func powerGivesPerArmAndFormula() throws {
        let fields = try object(run(["power", "--baseline", "0.20", "--mde", "0.02", "--json"]).output)
        #expect(fields["n_per_arm"] as? Int == 6510)
        #expect((fields["formula"] as? String)?.contains("pbar") == true)
        let wide = try object(run(["power", "--baseline", "0.2", "--mde", "0.05", "--json"]).output)
        #expect(abs(try #require(wide["n_exact"] as? Double) - 1093.739) < 0.001)
        let human = run(["power", "--baseline", "0.20", "--mde", "0.02", "--alpha", "0.05", "--power", "0.8"])
        #expect(human.output.hasPrefix("6510 per arm"))
    }

    @Test(arguments: [
        (["--baseline", "20", "--mde", "0.02"], "for 20.0% type --baseline 0.2"),
        (["--baseline", "0.9", "--mde", "0.2"], "not a relative lift"),
        (["--mde", "0.02"], "missing --baseline"),
        (["--baseline", "0.2", "--mde", "0.02", "--power", "80"], "--power must be between 0 and 1"),
    ])
    func powerMistakesSayWhatToType(arguments: [String], message: String) {
        let result = run(["power"] + arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains(message), "\(result.errors)")
    }
}
