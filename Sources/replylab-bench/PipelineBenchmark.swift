import Dispatch
import EventLog
import Foundation
import Simulation
import Store

/// `replylab-bench pipeline [-n N] [--jobs J] [--experiment FILE] [--db FILE] [--keep] [--discard]`: population →
/// experiment through the real flow engine → event log in a fresh file database, as `replylab simulate` writes a new
/// log (one unjournaled transaction in a private file, then indexes). Goal at N = 10^6: ≤ 15 s end to end and ≤ 1 GB
/// peak RSS, time per customer flat from 10^4 to 10^6. Run one N per process so peak RSS is that N's. `--discard`
/// runs the simulator alone, into a sink that only counts rows.
enum PipelineBenchmark {
    static func run(_ arguments: [String]) throws {
        var count = 100_000
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        var experimentPath = "datasets/experiments/cart-recovery.json"
        var databasePath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replylab-pipeline-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        ).path
        var keep = false
        var discard = false
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else { throw PipelineBenchmarkError("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "-n", "--count": count = Int(try value()) ?? count
            case "-j", "--jobs": jobs = Int(try value()) ?? jobs
            case "--experiment": experimentPath = try value()
            case "--db": databasePath = try value()
            case "--keep": keep = true
            case "--discard": discard = true
            default:
                throw PipelineBenchmarkError(
                    "unknown option \(arguments[index]); expected -n, --jobs, --experiment, --db, --keep, --discard"
                )
            }
            index += 1
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
        let started = clock()
        let experiment = try Experiment.load(path: experimentPath)
        let world = try World(experiment: experiment, customers: count, runID: 1, phoneHashKey: 0x5265_706C_794C_6162)
        let built = clock()
        let jobsUsed = jobs
        let path = databasePath
        let source = experimentPath
        let summary = try { () throws -> PipelineFigures in
            if discard { return try simulateOnly(world, jobs: jobsUsed, source: source) }
            let database = try Database(path: path)
            try database.turnOffJournalForPrivateBuild()
            var writer = try EventLogWriter(database: database, commitEvery: Int.max)
            let record = RunRecord(
                id: 1,
                kind: .simulation,
                source: source,
                seed: Int64(bitPattern: world.seed),
                configJSON: SimulationRunner.configuration(world: world, replication: 0, extra: []),
                toolVersion: "bench",
                createdAt: 0
            )
            let simulateStart = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            let summary = try SimulationRunner.runSynchronously(world, jobs: jobsUsed, into: &writer, run: record)
            let simulated = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            try writer.finish()
            let finished = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            return PipelineFigures(
                summary: summary,
                rows: writer.recordsWritten,
                simulateSeconds: simulated - simulateStart,
                finishSeconds: finished - simulated
            )
        }()
        let total = clock() - started
        let messages = summary.summary.arms.reduce(0) { $0 + $1.messages + $1.replies }
        print(
            Measure.jsonLine([
                "scenario": "pipeline", "customers": count, "jobs": jobs, "seconds_total": total,
                "seconds_population_and_setup": built - started, "seconds_simulate_and_write": summary.simulateSeconds,
                "seconds_finish_indexes": summary.finishSeconds,
                "microseconds_per_customer": total / Double(count) * 1e6,
                "customers_per_second": Double(count) / total, "rows": summary.rows, "messages": messages,
                "rows_per_second": Double(summary.rows) / total, "events": Int(summary.summary.events),
                "customers_with_agents": summary.summary.customersWithAgents,
                "peak_rss_mb": (Measure.peakResidentBytes() ?? 0) / 1_048_576,
                "database_mb": ((try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int) ?? 0)
                    / 1_048_576,
            ])
        )
        if !keep { try? FileManager.default.removeItem(atPath: databasePath) }
    }
}

extension PipelineBenchmark {
    /// `--discard`: the same run into a sink that only counts, so the simulator's share of the time shows apart
    /// from SQLite's.
    static func simulateOnly(_ world: World, jobs: Int, source: String) throws -> PipelineFigures {
        var sink = CountingSink()
        let record = RunRecord(
            id: 1, kind: .simulation, source: source, seed: Int64(bitPattern: world.seed),
            configJSON: "{}", toolVersion: "bench", createdAt: 0
        )
        let start = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        let summary = try SimulationRunner.runSynchronously(world, jobs: jobs, into: &sink, run: record)
        let end = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        return PipelineFigures(summary: summary, rows: sink.rows, simulateSeconds: end - start, finishSeconds: 0)
    }
}

/// Counts what it is given and keeps nothing.
struct CountingSink: EventSink {
    var rows = 0
    mutating func append(_ batch: EventBatch) { rows += batch.count }
    mutating func finish() {}
}

/// What the timed part of the pipeline reports back.
struct PipelineFigures: Sendable {
    var summary: RunSummary
    var rows: Int
    var simulateSeconds: Double
    var finishSeconds: Double
}

struct PipelineBenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
