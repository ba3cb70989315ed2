import Foundation
import Population
import Store

/// `replylab population generate SPEC --count N --seed S (--out FILE.csv | --db FILE)`.
struct PopulationGenerate: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "generate",
            abstract: "Generate synthetic customers from a population spec.",
            discussion: """
                Customer i depends only on the spec, the seed and i: the same seed gives byte-identical CSV, and a \
                larger --count keeps the first customers unchanged. Phones are fictional (555-0100…0199, then \
                exchanges 0XX/1XX). --db adds a 'population' run and its customers to an event log.
                """,
            arguments: [ArgumentSpec("spec", help: "Population spec JSON (e.g. datasets/populations/default.json).")],
            options: [
                .option(
                    "count",
                    short: "n",
                    value: "n",
                    help: "How many customers (default: the spec's size, else 1000)."
                ),
                .option("seed", value: "seed", help: "Random seed, decimal or 0x hex (default 42)."),
                .option(
                    "out",
                    short: "o",
                    value: "file.csv",
                    help: "Write the customers as CSV ('-' for standard output)."
                ),
                .option("db", value: "file", help: "Write a run and its customers to this SQLite event log."),
                .option(
                    "phone-hash-key",
                    value: "key",
                    help: PhoneHashKey.optionHelp
                ),
            ]
        )
    }

    static let defaultSeed: UInt64 = 42

    let specPath: String
    let count: Int?
    let seed: UInt64
    let output: PopulationOutput
    let phoneHashKey: UInt64
    let phoneHashKeySource: PhoneHashKey.Source

    init(arguments: ParsedArguments) throws {
        specPath = try arguments.argument("spec") ?? { throw UsageError("missing <spec>; type a spec path") }()
        count = try arguments.integer("count", in: 0...50_000_000)
        seed = try arguments.unsigned64("seed") ?? Self.defaultSeed
        (phoneHashKey, phoneHashKeySource) = try PhoneHashKey.resolve(arguments)
        switch (arguments.value("out"), arguments.value("db")) {
        case (let csv?, nil): output = .csv(csv)
        case (nil, let database?): output = .database(database)
        case (nil, nil): throw UsageError("say where to write: --out FILE.csv or --db FILE")
        case (_?, _?): throw UsageError("give either --out or --db, not both")
        }
    }

    func run(_ console: Console) throws -> Int32 {
        let spec = try PopulationSpec.load(path: specPath)
        let count = self.count ?? spec.size ?? 1_000
        let population = try PopulationGenerator(spec: spec).generate(count: count, seed: seed)
        switch output {
        case .csv("-"):
            console.write(String(decoding: PopulationCSV.render(population), as: UTF8.self))
            return ExitStatus.success
        case .csv(let path):
            try PopulationCSV.write(population, toFile: path)
            console.out(
                "wrote \(PopulationSummary.grouped(count)) customers of '\(spec.name)' (seed \(seed)) to \(path)"
            )
        case .database(let path):
            let runID = try PopulationEventLog.write(
                population,
                specPath: specPath,
                databasePath: path,
                phoneHashKey: phoneHashKey,
                phoneHashKeySource: phoneHashKeySource,
                createdAt: Int64((Date().timeIntervalSince1970 * 1_000).rounded())
            )
            console.out(
                "wrote run \(runID): \(PopulationSummary.grouped(count)) customers of '\(spec.name)' (seed \(seed)) to \(path)"
            )
        }
        return ExitStatus.success
    }
}

/// Where `population generate` writes.
enum PopulationOutput: Equatable {
    case csv(String)
    case database(String)
}
