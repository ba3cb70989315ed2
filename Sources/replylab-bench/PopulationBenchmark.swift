import Foundation
import Population

/// `replylab-bench population [-n N] [--runs R] [--seed S] [--spec FILE] [--csv]`: generates N customers from the
/// default spec; goal ≤ 2 s and ≤ 300 MB peak RSS for N = 10^6 (release). `--csv` also times rendering the CSV.
enum PopulationBenchmark {
    static func run(_ arguments: [String]) throws {
        var count = 1_000_000
        var runs = 5
        var seed: UInt64 = 42
        var specPath = "datasets/populations/default.json"
        var withCSV = false
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else {
                throw PopulationBenchmarkError("\(arguments[index - 1]) needs a value")
            }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "-n", "--count": count = Int(try value()) ?? count
            case "--runs": runs = Int(try value()) ?? runs
            case "--seed": seed = UInt64(try value()) ?? seed
            case "--spec": specPath = try value()
            case "--csv": withCSV = true
            default:
                throw PopulationBenchmarkError(
                    "unknown option \(arguments[index]); expected -n, --runs, --seed, --spec, --csv"
                )
            }
            index += 1
        }
        let spec = try PopulationSpec.load(path: specPath)
        let generator = try PopulationGenerator(spec: spec)
        let (generation, checksum) = try Measure.seconds(runs: runs) {
            let population = try generator.generate(count: count, seed: seed)
            return population.count &+ Int(population.cartTotalCents.reduce(0, &+) % 1_000_003)
        }
        var fields: [String: Any] = [
            "scenario": "population", "customers": count, "runs": runs, "seed": String(seed),
            "generate_median_s": generation.median, "generate_min_s": generation.minimum,
            "generate_max_s": generation.maximum, "checksum": checksum,
            "customers_per_s": Double(count) / generation.median,
        ]
        if withCSV {
            let population = try generator.generate(count: count, seed: seed)
            let (csv, bytes) = Measure.seconds(runs: runs) {
                var total = 0
                PopulationCSV.write(population) { total += $0.count }
                return total
            }
            fields["csv_median_s"] = csv.median
            fields["csv_bytes"] = bytes
        }
        if let peak = Measure.peakResidentBytes() { fields["peak_rss_mb"] = Double(peak) / 1_048_576 }
        print(Measure.jsonLine(fields))
    }
}

/// A mistake in the benchmark's own arguments.
struct PopulationBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
