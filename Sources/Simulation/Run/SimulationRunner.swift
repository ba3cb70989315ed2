import Dispatch
import EventLog
import Foundation
import JSONDocument

/// Runs a `World` into an event sink: the independent phase in parallel shards, the agents' phase on one
/// queue, every row written in a fixed order, so the same seed gives the same log at any `jobs`.
///
/// Shards are fixed blocks of `shardSize` customers (never a function of `jobs`); at most `jobs` run at once
/// (a task group for async callers, a `ShardPipeline` for synchronous ones) and their results are written in shard
/// order. Customers handed to an agent wait, with the events that followed, until every shard is done, then share
/// one queue and one `AgentDesk` (they are a few per cent of customers). Memory stays flat: only a few shards per
/// job and the handed-off customers are held.
public enum SimulationRunner {
    /// Customers per shard.
    public static let shardSize = 2_048

    /// Everything the run record says beside the experiment: its full configuration and seed.
    public static func configuration(world: World, replication: Int, extra: [(key: String, value: JSONValue)]) -> String
    {
        let experiment = world.experiment
        var members: [(key: String, value: JSONValue)] = [
            ("experiment_file", .string(experiment.file)),
            ("seed", .string(String(world.seed))),
            ("base_seed", .string(String(experiment.seed))),
            ("replication", .number(Double(replication))),
            ("customers", .number(Double(world.customerCount))),
            ("population_spec", .string(experiment.populationSpecPath)),
            ("replies", .string(experiment.repliesPath)),
            ("flows", .array(experiment.variants.map { .string($0.flowPath) })),
            ("shard_size", .number(Double(shardSize))),
        ]
        members += extra
        members.append(("experiment", experiment.document))
        return JSONValue.object(members).jsonText
    }

    /// Simulates every customer of `world` and appends the run to `sink` (the caller calls `finish`), shards in a
    /// task group: for async callers.
    ///
    /// - Parameters:
    ///   - progress: called after each shard is written with the customers done so far.
    public static func run<Sink: EventSink>(
        _ world: World,
        jobs: Int,
        into sink: inout Sink,
        run: RunRecord,
        progress: (Int) -> Void = { _ in }
    ) async throws -> RunSummary {
        var assembly = try RunAssembly<Sink>(world: world, run: run, into: &sink)
        let waves = assembly.waves(jobs: jobs)
        // While one wave of shards is written, the next is simulated: the sink and the shards overlap.
        var pending: Task<[ShardResult], Never>? = waves.first.map { wave in
            Task { await simulate(world, shards: wave) }
        }
        for index in waves.indices {
            let results = await pending!.value
            pending =
                index + 1 < waves.count
                ? Task { [wave = waves[index + 1]] in await simulate(world, shards: wave) } : nil
            try assembly.add(results, into: &sink, progress: progress)
        }
        return try assembly.finish(into: &sink)
    }

    /// The same run for synchronous callers (commands): shards on worker threads of their own, never blocking Swift's
    /// cooperative pool, so a command may wait for them from any thread. Same rows, same order, as `run(…) async`;
    /// up to two shards per job run ahead of the sink, so neither waits for a whole wave.
    public static func runSynchronously<Sink: EventSink>(
        _ world: World,
        jobs: Int,
        into sink: inout Sink,
        run: RunRecord,
        progress: (Int) -> Void = { _ in }
    ) throws -> RunSummary {
        var assembly = try RunAssembly<Sink>(world: world, run: run, into: &sink)
        let pipeline = ShardPipeline(
            world: world,
            shardCount: assembly.shardCount,
            jobs: max(1, jobs),
            window: 2 * max(1, jobs)
        )
        defer { pipeline.cancel() }
        while var result = pipeline.next() {
            try assembly.add(&result, into: &sink, progress: progress)
            pipeline.dispose(result)
        }
        return try assembly.finish(into: &sink)
    }
}

/// Everything between the shards and the sink: the run's header rows, each wave's rows in shard order, the
/// handed-off customers set aside, then the agents' phase.
struct RunAssembly<Sink: EventSink> {
    let world: World
    var writer: RunWriter<Sink>
    let desk: AgentDesk
    var handedOff: [CustomerState] = []
    var events: UInt64 = 0

    init(world: World, run: RunRecord, into sink: inout Sink) throws {
        self.world = world
        writer = RunWriter<Sink>(world: world)
        desk = AgentDesk(
            plan: world.experiment.agents,
            from: world.experiment.start.epochMilliseconds,
            until: world.horizon,
            runID: world.runID
        )
        try writer.write(
            header: EventBatch(runs: [run], variants: world.variantRecords, agentShifts: desk.shiftRecords),
            into: &sink
        )
    }

    /// Shards of `SimulationRunner.shardSize` customers (the last may be shorter).
    var shardCount: Int { (world.customerCount + SimulationRunner.shardSize - 1) / SimulationRunner.shardSize }

    /// Shard ranges of at most `jobs` shards each, in order.
    func waves(jobs: Int) -> [Range<Int>] {
        let shards = shardCount
        let parallel = max(1, jobs)
        return stride(from: 0, to: shards, by: parallel).map { $0..<min(shards, $0 + parallel) }
    }

    mutating func add(_ results: [ShardResult], into sink: inout Sink, progress: (Int) -> Void) throws {
        for var result in results { try add(&result, into: &sink, progress: progress) }
    }

    /// Writes one shard's rows and keeps its handed-off customers.
    mutating func add(_ result: inout ShardResult, into sink: inout Sink, progress: (Int) -> Void) throws {
        if let failure = result.failure { throw failure }
        events += result.events
        try writer.write(&result.rows, into: &sink)
        handedOff += result.handedOff
        progress(min(world.customerCount, result.customersEnd))
    }

    /// The agents' phase on one queue, its rows, and the summary. The phase runs on a worker while the sink does
    /// what it deferred (`bulkLoadDidEnd`): at 10^6 customers, 0.7 s of agents beside 1.6 s of index building.
    mutating func finish(into sink: inout Sink) throws -> RunSummary {
        let agentsPhase = AgentsPhase(Shard(world: world, customers: handedOff, agents: desk))
        let customersWithAgents = handedOff.count
        handedOff = []
        let sinkResult = Result { try sink.bulkLoadDidEnd() }
        var (rows, processed) = agentsPhase.wait()
        try sinkResult.get()
        events += processed
        try writer.write(&rows, into: &sink)
        writer.summary.events = events
        writer.summary.customersWithAgents = customersWithAgents
        return writer.summary
    }
}

/// One shard after the independent phase: its rows, the customers waiting for an agent, and the events its
/// queue processed.
struct ShardResult: Sendable {
    var shard: Int
    /// One past the shard's last customer index.
    var customersEnd: Int
    var rows: ShardRows
    var handedOff: [CustomerState]
    var events: UInt64
    /// Why the shard's rows could not be built; rethrown by the thread that writes them.
    var failure: (any Error)?
}

extension SimulationRunner {
    /// Simulates `shards` at once in a task group and returns them in shard order.
    static func simulate(_ world: World, shards: Range<Int>) async -> [ShardResult] {
        await withTaskGroup(of: ShardResult.self) { group in
            for shard in shards {
                group.addTask { simulate(world, shard: shard) }
            }
            var collected: [ShardResult] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.shard < $1.shard }
        }
    }
}

extension SimulationRunner {
    /// One shard's independent phase and its rows, on the calling thread.
    static func simulate(_ world: World, shard: Int) -> ShardResult {
        let range = (shard * shardSize)..<min(world.customerCount, (shard + 1) * shardSize)
        var simulation = Shard.independent(world: world, range: range)
        simulation.run()
        var result = ShardResult(
            shard: shard,
            customersEnd: range.upperBound,
            rows: ShardRows(world: world),
            handedOff: [],
            events: simulation.queue.processedCount
        )
        do {
            (result.rows, result.handedOff) = try ShardRows.independent(world: world, customers: &simulation.customers)
        } catch {
            result.failure = error
        }
        return result
    }
}

/// The agents' phase of a run on one of Dispatch's worker threads; `wait` returns its rows and events processed.
final class AgentsPhase: @unchecked Sendable {
    private let group = DispatchGroup()
    private var shard: Shard
    private var rows: ShardRows?

    init(_ shard: Shard) {
        self.shard = shard
        DispatchQueue.global().async(group: group) { [self] in
            self.shard.resumeHandedOff()
            self.shard.run()
            rows = ShardRows.stories(world: self.shard.world, customers: &self.shard.customers)
        }
    }

    /// Blocks until the phase is done.
    func wait() -> (rows: ShardRows, events: UInt64) {
        group.wait()
        return (rows!, shard.queue.processedCount)
    }
}

extension Shard {
    /// Puts the handed-off customers back on this queue: each hand-off arrives at the agents when it was made,
    /// followed by the events the independent phase set aside, and every shift start is scheduled.
    mutating func resumeHandedOff() {
        for start in agents?.shiftStarts ?? [] { schedule(.shiftStart, for: -1, at: start) }
        for slot in customers.indices {
            customers[slot].transferred = false
            if let open = customers[slot].handoff {
                schedule(.handoffArrives, for: Int32(slot), at: open.queuedAt)
            }
            let carried = customers[slot].carried
            customers[slot].carried = []
            for item in carried {
                var event = item.event
                event.customer = Int32(slot)
                _ = queue.schedule(event, at: item.time, priority: event.priority)
            }
        }
    }
}
