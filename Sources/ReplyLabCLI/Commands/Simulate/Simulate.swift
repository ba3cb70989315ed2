import EventLog
import Foundation
import JSONDocument
import Simulation
import Store

/// `replylab simulate EXPERIMENT --db FILE [--seed S] [--customers N] [--jobs N]`.
struct Simulate: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "simulate",
            abstract:
                "Run an experiment's customers through its flows, the gate, the carrier and agents into an event log.",
            discussion: """
                Every text comes from the real flow engine behind the Messaging gate; customers reply in words drawn \
                from the reply corpus. The same seed gives a byte-identical event log whatever --jobs is. Each \
                replication is a run of its own. Nothing is left half-written: a new log is built in a temporary \
                file and renamed into place, an existing one gets the run in one transaction.
                """,
            arguments: [
                ArgumentSpec("experiment", help: "Experiment JSON, e.g. datasets/experiments/cart-recovery.json.")
            ],
            options: [
                .option(
                    "db",
                    value: "file",
                    help: "The event-log SQLite file to add the run to (created when missing)."
                ),
                .option("seed", value: "seed", help: "Random seed, decimal or 0x hex (default: the experiment's)."),
                .option("customers", short: "n", value: "n", help: "How many customers (default: the experiment's)."),
                .option(
                    "jobs",
                    short: "j",
                    value: "n",
                    help: "Shards simulated at once (default: the processor count)."
                ),
                .option("phone-hash-key", value: "key", help: PhoneHashKey.optionHelp),
            ]
        )
    }

    let experimentPath: String
    let database: String
    let seed: UInt64?
    let customers: Int?
    let jobs: Int
    let phoneHashKey: UInt64
    let phoneHashKeySource: PhoneHashKey.Source

    init(arguments: ParsedArguments) throws {
        guard let path = arguments.argument("experiment"), !path.isEmpty else {
            throw UsageError(
                "give an experiment file, e.g. 'replylab simulate datasets/experiments/cart-recovery.json --db runs.sqlite'"
            )
        }
        experimentPath = path
        guard let database = arguments.value("db") else {
            throw UsageError("say which event log to write: --db runs.sqlite")
        }
        self.database = database
        seed = try arguments.unsigned64("seed")
        customers = try arguments.integer("customers", in: 1...50_000_000)
        jobs = try arguments.integer("jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        (phoneHashKey, phoneHashKeySource) = try PhoneHashKey.resolve(arguments)
    }

    func run(_ console: Console) throws -> Int32 {
        let experiment = try Experiment.load(path: experimentPath)
        let request = SimulationRequest(
            experiment: experiment,
            database: database,
            seed: seed,
            customers: customers,
            jobs: jobs,
            phoneHashKey: phoneHashKey,
            configEntries: PhoneHashKey.configEntries(key: phoneHashKey, source: phoneHashKeySource)
                .sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue.string($0.value)) },
            createdAt: Int64((Date().timeIntervalSince1970 * 1_000).rounded())
        )
        let summaries = try request.run()
        for line in SimulationSummaryText.lines(summaries, experiment: experiment, database: database) {
            console.out(line)
        }
        return ExitStatus.success
    }
}

/// One `simulate` invocation's work.
struct SimulationRequest {
    let experiment: Experiment
    let database: String
    let seed: UInt64?
    let customers: Int?
    let jobs: Int
    let phoneHashKey: UInt64
    let configEntries: [(key: String, value: JSONValue)]
    let createdAt: Int64

    /// Builds a missing log in a temporary file renamed into place at the end; adds to an existing one in one
    /// transaction. Either way a failure leaves the file as it was.
    func run() throws -> [RunSummary] {
        try PrivateBuild.run(at: database) { database, _ in (try simulate(into: database), true) }
    }

    private func simulate(into database: Database) throws -> [RunSummary] {
        var writer = try EventLogWriter(database: database, commitEvery: Int.max)
        let firstRun = try database.integer("SELECT COALESCE(MAX(id), 0) + 1 FROM runs")
        let count = customers ?? experiment.customers
        let bar = ProgressBar("simulating", total: count * experiment.replications)
        var summaries: [RunSummary] = []
        for replication in 0..<experiment.replications {
            let runID = firstRun + Int64(replication)
            let world = try World(
                experiment: experiment,
                customers: customers,
                seed: seed,
                replication: replication,
                runID: runID,
                phoneHashKey: phoneHashKey
            )
            let record = RunRecord(
                id: runID,
                kind: .simulation,
                source: experiment.file,
                seed: Int64(bitPattern: world.seed),
                configJSON: SimulationRunner.configuration(
                    world: world,
                    replication: replication,
                    extra: configEntries
                ),
                toolVersion: ReplyLab.version,
                createdAt: createdAt
            )
            let done = count * replication
            summaries.append(
                try SimulationRunner.runSynchronously(world, jobs: jobs, into: &writer, run: record) {
                    bar.update(done + $0)
                }
            )
        }
        try writer.finish()
        bar.finish()
        return summaries
    }
}
