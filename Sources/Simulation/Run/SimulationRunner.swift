import EventLog
import JSONDocument

/// Runs a `World` into an event sink: the independent phase in parallel shards, the agents' phase on one
/// queue, every row written in a fixed order, so the same seed gives the same log at any `jobs`.
///
/// Shards are fixed blocks of `shardSize` customers (never a function of `jobs`); at most `jobs` run at once in
/// a task group and their results are written in shard order. Customers handed to an agent wait, with the
/// events that followed, until every shard is done, then share one queue and one `AgentDesk` (they are a few
/// per cent of customers). Memory stays flat: only `jobs` shards and the handed-off customers are held.
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

    /// Simulates every customer of `world` and appends the run to `sink` (the caller calls `finish`).
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
        var writer = RunWriter<Sink>(world: world)
        let desk = AgentDesk(
            plan: world.experiment.agents,
            from: world.experiment.start.epochMilliseconds,
            until: world.horizon,
            runID: world.runID
        )
        writer.batch.runs = [run]
        writer.batch.variants = world.variantRecords
        writer.batch.agentShifts = desk.shiftRecords
        try writer.flush(into: &sink)

        let count = world.customerCount
        let shards = (count + shardSize - 1) / shardSize
        var handedOff: [CustomerState] = []
        var events: UInt64 = 0
        let parallel = max(1, jobs)
        // While one wave of shards is written, the next is simulated: the sink and the shards overlap.
        var pending: Task<[ShardResult], Never>? = Task { await simulate(world, shards: 0..<min(shards, parallel)) }
        var next = min(shards, parallel)
        while let current = pending {
            let results = await current.value
            if next < shards {
                let wave = next..<min(shards, next + parallel)
                pending = Task { await simulate(world, shards: wave) }
                next = wave.upperBound
            } else {
                pending = nil
            }
            for result in results {
                events += result.events
                for customer in result.customers {
                    try writer.addCustomer(customer, into: &sink)
                    if customer.transferred {
                        handedOff.append(customer)
                    } else {
                        try writer.addRecords(of: customer, into: &sink)
                    }
                }
                progress(min(count, (result.customers.last?.index ?? 0) + 1))
            }
        }
        try writer.flush(into: &sink)

        var agentsPhase = Shard(world: world, customers: handedOff, agents: desk)
        agentsPhase.resumeHandedOff()
        agentsPhase.run()
        events += agentsPhase.queue.processedCount
        for customer in agentsPhase.customers { try writer.addRecords(of: customer, into: &sink) }
        try writer.flush(into: &sink)
        writer.summary.events = events
        writer.summary.customersWithAgents = handedOff.count
        return writer.summary
    }
}

/// One shard's customers after the independent phase, with the events its queue processed.
struct ShardResult: Sendable {
    var shard: Int
    var customers: [CustomerState]
    var events: UInt64
}

extension SimulationRunner {
    /// Simulates `shards` at once in a task group and returns them in shard order.
    static func simulate(_ world: World, shards: Range<Int>) async -> [ShardResult] {
        let count = world.customerCount
        return await withTaskGroup(of: ShardResult.self) { group in
            for shard in shards {
                group.addTask {
                    let range = (shard * shardSize)..<min(count, (shard + 1) * shardSize)
                    var simulation = Shard.independent(world: world, range: range)
                    simulation.run()
                    return ShardResult(
                        shard: shard,
                        customers: simulation.customers,
                        events: simulation.queue.processedCount
                    )
                }
            }
            var collected: [ShardResult] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.shard < $1.shard }
        }
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
