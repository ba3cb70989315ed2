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
    public static func configuration(world: World, replication: Int, extra: [(key: String, value: JSONValue)]) -> String {
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
        var next = 0
        let parallel = max(1, jobs)
        while next < shards {
            let wave = next..<min(shards, next + parallel)
            let results = await withTaskGroup(of: (Int, [CustomerState], UInt64).self) { group in
                for shard in wave {
                    group.addTask {
                        let range = (shard * shardSize)..<min(count, (shard + 1) * shardSize)
                        var simulation = Shard.independent(world: world, range: range)
                        simulation.run()
                        return (shard, simulation.customers, simulation.queue.processedCount)
                    }
                }
                var collected: [(Int, [CustomerState], UInt64)] = []
                for await result in group { collected.append(result) }
                return collected.sorted { $0.0 < $1.0 }
            }
            for (_, customers, processed) in results {
                events += processed
                for customer in customers {
                    try writer.addCustomer(customer.index, into: &sink)
                    if customer.transferred {
                        handedOff.append(customer)
                    } else {
                        try writer.addRecords(of: customer, into: &sink)
                    }
                }
                progress(min(count, (customers.last?.index ?? 0) + 1))
            }
            next = wave.upperBound
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
