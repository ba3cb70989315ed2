import Population

/// `replylab population describe (SPEC | --db FILE)`: the distributions a person checks for realism.
struct PopulationDescribe: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "describe",
            abstract: "Summarise segments, states, time zones, consent and cart values.",
            discussion: """
                With SPEC, generates --count customers (default: the spec's size) with --seed and summarises them; with --db, \
                summarises the customers of a run in an event log (the latest population run unless --run).
                """,
            arguments: [ArgumentSpec("spec", help: "Population spec JSON.", optional: true)],
            options: [
                .option("db", value: "file", help: "Describe the customers stored in this event log instead."),
                .option("run", value: "id", help: "With --db: the run to describe (default: latest population run)."),
                .option(
                    "count",
                    short: "n",
                    value: "n",
                    help: "With SPEC: customers to generate (default: the spec's size, else 10000)."
                ),
                .option("seed", value: "seed", help: "With SPEC: random seed (default 42)."),
                .option("states", value: "n", help: "How many states to list before folding the rest (default 10)."),
            ]
        )
    }

    enum Source: Equatable {
        case spec(path: String, count: Int?, seed: UInt64)
        case database(path: String, run: Int64?)
    }

    let source: Source
    let topStates: Int

    init(arguments: ParsedArguments) throws {
        topStates = try arguments.integer("states", in: 1...100) ?? 10
        switch (arguments.argument("spec"), arguments.value("db")) {
        case (let spec?, nil):
            if arguments.value("run") != nil { throw UsageError("--run needs --db FILE") }
            source = .spec(
                path: spec,
                count: try arguments.integer("count", in: 1...10_000_000),
                seed: try arguments.unsigned64("seed") ?? PopulationGenerate.defaultSeed
            )
        case (nil, let database?):
            if arguments.value("count") != nil || arguments.value("seed") != nil {
                throw UsageError("--count and --seed apply to a SPEC, not to --db")
            }
            source = .database(path: database, run: try arguments.integer("run", in: 1...Int.max).map(Int64.init))
        case (nil, nil): throw UsageError("give a spec file or --db FILE")
        case (_?, _?): throw UsageError("give either a spec file or --db FILE, not both")
        }
    }

    func run(_ console: Console) throws -> Int32 {
        switch source {
        case .spec(let path, let count, let seed):
            let spec = try PopulationSpec.load(path: path)
            let count = count ?? spec.size ?? 10_000
            let population = try PopulationGenerator(spec: spec).generate(count: count, seed: seed)
            let title =
                "Population '\(spec.name)' from \(path): \(PopulationSummary.grouped(count)) customers, seed \(seed)"
            console.write(PopulationSummary(population: population).render(title: title, topStates: topStates))
            console.write("\n" + SegmentProfile(population: population).render())
        case .database(let path, let run):
            let (runID, rows) = try PopulationEventLog.readRows(databasePath: path, runID: run)
            let title = "Run \(runID) in \(path): \(PopulationSummary.grouped(rows.count)) customers"
            console.write(PopulationSummary(rows: rows).render(title: title, topStates: topStates))
        }
        return ExitStatus.success
    }
}
