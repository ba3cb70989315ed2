import EventLog
import Foundation
import Messaging

@testable import Simulation

/// The repository's bundled experiment, run small, collected in memory.
enum WorldFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let experimentPath = repository.appendingPathComponent("datasets/experiments/cart-recovery.json").path
    static let corpusPath = repository.appendingPathComponent("datasets/replies/corpus.json").path

    static func experiment() throws -> Experiment { try Experiment.load(path: experimentPath) }

    static func world(customers: Int, seed: UInt64 = 7) throws -> World {
        try World(experiment: experiment(), customers: customers, seed: seed, runID: 1, phoneHashKey: 99)
    }

    static let run = RunRecord(
        id: 1,
        kind: .simulation,
        source: "test",
        seed: 7,
        configJSON: "{}",
        toolVersion: "test",
        createdAt: 0
    )

    /// Every record the run wrote, with its summary.
    static func simulate(customers: Int, jobs: Int, seed: UInt64 = 7) async throws -> (EventBatch, RunSummary) {
        let world = try world(customers: customers, seed: seed)
        var sink = CollectingEventSink()
        let summary = try await SimulationRunner.run(world, jobs: jobs, into: &sink, run: run)
        return (sink.collected, summary)
    }

    /// Experiment text with `edit` applied to the bundled file's JSON text, parsed from the bundle's folder.
    static func parse(_ edit: (String) -> String) throws -> Experiment {
        let text = try String(contentsOfFile: experimentPath, encoding: .utf8)
        let directory = URL(fileURLWithPath: experimentPath).deletingLastPathComponent().path
        return try Experiment.parse(Array(edit(text).utf8), file: "edited.json", directory: directory)
    }
}
