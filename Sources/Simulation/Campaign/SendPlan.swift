import Sampling

/// Who gets which arm, when each cart was left and when its first text leaves the brand's numbers.
///
/// Assignment hashes the customer id with the run's seed (no draw order, so it never depends on shards). Carts
/// are left uniformly over `abandon_spread_hours`; each first text is requested `send_delay_minutes` later and
/// released by the sender pool at `numbers × throughput_per_number` messages a second, first requested first
/// (ties by customer id). Follow-ups and answers go at once: they are a small share of the traffic.
/// The gate then decides whether a released text may go now or later (quiet hours, caps, consent).
public struct SendPlan: Sendable {
    /// Arm per customer: an index into the experiment's variants, or `holdout`.
    public let variant: [Int16]
    /// When the customer's cart was left (epoch ms).
    public let abandonedAt: [Int64]
    /// When the first text is requested: the customer's planned entry into the experiment (epoch ms).
    public let plannedAt: [Int64]
    /// When the sender pool releases the first text; equal to `plannedAt` for the holdout (epoch ms).
    public let releasedAt: [Int64]

    public static let holdout: Int16 = -1

    /// - Complexity: O(n log n) for the throughput queue's sort.
    public init(experiment: Experiment, customers: Int, seed: UInt64) {
        let assignSeed = StreamPurpose("assignment").derivedSeed(from: seed)
        let abandonStreams = RandomStreams(seed: seed, purpose: StreamPurpose("abandon"))
        var cumulative: [Double] = []
        var total = 0.0
        for variant in experiment.variants {
            total += variant.share
            cumulative.append(total)
        }
        let spread = experiment.world.scheduler.abandonSpreadHours * 3_600_000
        let delay = Int64((experiment.world.scheduler.sendDelayMinutes * 60_000).rounded())
        let start = experiment.start.epochMilliseconds
        var variant = [Int16](repeating: Self.holdout, count: customers)
        var abandonedAt = [Int64](repeating: 0, count: customers)
        var plannedAt = [Int64](repeating: 0, count: customers)
        for i in 0..<customers {
            let u = Double(SplitMix64.mix(assignSeed ^ SplitMix64.mix(UInt64(i))) >> 11) * 0x1p-53
            if let arm = cumulative.firstIndex(where: { u < $0 }) { variant[i] = Int16(arm) }
            var stream = abandonStreams.stream(customer: i)
            abandonedAt[i] = start + Int64((stream.nextUnit() * spread).rounded(.down))
            plannedAt[i] = abandonedAt[i] + delay
        }
        let treated = (0..<customers).filter { variant[$0] != Self.holdout }.sorted {
            plannedAt[$0] != plannedAt[$1] ? plannedAt[$0] < plannedAt[$1] : $0 < $1
        }
        let perSecond = Double(experiment.world.scheduler.numbers) * experiment.world.scheduler.throughputPerNumber
        var releasedAt = plannedAt
        var sent = 0
        var queueStart = Int64.min
        var queueFirst = 0
        for i in treated {
            // Slot k of a busy stretch leaves k / rate seconds after the stretch began; an idle sender starts anew.
            let slot = queueStart == Int64.min ? Int64.min : queueStart + Int64((Double(sent - queueFirst) * 1_000 / perSecond).rounded(.up))
            if slot <= plannedAt[i] {
                queueStart = plannedAt[i]
                queueFirst = sent
                releasedAt[i] = plannedAt[i]
            } else {
                releasedAt[i] = slot
            }
            sent += 1
        }
        self.variant = variant
        self.abandonedAt = abandonedAt
        self.plannedAt = plannedAt
        self.releasedAt = releasedAt
    }
}
