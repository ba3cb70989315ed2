import Sampling

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One staffing question for the simulator: Poisson arrivals at `arrivalsPerHour` to `agents` agents, each chat
/// needing a service time from `service`, customers leaving after `patienceSeconds` in the queue (nil: never).
public struct StaffingScenario: Sendable {
    public var arrivalsPerHour: Double
    public var service: ServiceTimeDistribution
    public var agents: Int
    public var patienceSeconds: Double?
    /// Arrivals to simulate; the first 10% are the warm-up and do not count.
    public var customers: Int
    public var seed: UInt64

    public init(
        arrivalsPerHour: Double,
        service: ServiceTimeDistribution,
        agents: Int,
        patienceSeconds: Double? = nil,
        customers: Int = 200_000,
        seed: UInt64 = 42
    ) {
        self.arrivalsPerHour = arrivalsPerHour
        self.service = service
        self.agents = agents
        self.patienceSeconds = patienceSeconds
        self.customers = customers
        self.seed = seed
    }

    /// The matching closed form (exact only for exponential service and unlimited patience).
    public var erlangC: ErlangC {
        ErlangC(arrivalRate: arrivalsPerHour / 3600, meanServiceTime: service.meanSeconds, agents: agents)
    }
}

/// What one simulated staffing run measured, over the arrivals after the warm-up.
public struct StaffingOutcome: Sendable {
    public let scenario: StaffingScenario
    /// Share of arrivals that were not picked up the moment they arrived.
    public let probabilityOfWaiting: Double
    /// Mean time in the queue over all arrivals (an abandoning customer counts the time until they left).
    public let meanWaitSeconds: Double
    /// 95% batch-means interval of `meanWaitSeconds` (20 batches), nil for runs too short to batch.
    public let meanWaitInterval: BatchMeans?
    /// 95% batch-means interval of `probabilityOfWaiting`.
    public let waitProbabilityInterval: BatchMeans?
    public let abandonmentRate: Double
    /// Busy agent time ÷ (agents × simulated time).
    public let utilisation: Double
    /// Arrivals, resolved and abandoned chats of the whole run (resolved + abandoned = arrivals once it drains).
    public let arrivals: Int
    public let resolved: Int
    public let abandoned: Int
    public let eventsProcessed: UInt64
}

/// Drives an `AgentPool` from an `EventQueue` the way the campaign world does, for the staffing command and for
/// checking the pool against Erlang C.
///
/// Customer i's inter-arrival gap and service time come from its own counter-based streams, so every agent count
/// sees the same customers (common random numbers) and rows of a staffing table differ only by staffing.
/// O(n log n) in the number of customers; memory O(n) for the chat records.
public enum StaffingSimulation {
    enum Event {
        case arrival(Int)
        case completion(ChatID)
        case patience(ChatID)
    }

    public static func run(_ scenario: StaffingScenario) -> StaffingOutcome {
        precondition(scenario.arrivalsPerHour > 0 && scenario.customers > 0 && scenario.agents > 0)
        let gaps = RandomStreams(seed: scenario.seed, purpose: StreamPurpose("staffing-arrival"))
        let services = RandomStreams(seed: scenario.seed, purpose: StreamPurpose("staffing-service"))
        let meanGapSeconds = 3600 / scenario.arrivalsPerHour
        let patience = scenario.patienceSeconds.map { SimulationTime.milliseconds(fromSeconds: $0) }
        var queue = EventQueue<Event>(reservingCapacity: 2 * scenario.agents + 16)
        var pool = AgentPool<SimulationTime>(agents: scenario.agents, from: .zero)
        var lastTime = SimulationTime.zero

        func gap(after customer: Int) -> Int64 {
            var stream = gaps.stream(customer: customer)
            return SimulationTime.milliseconds(fromSeconds: -meanGapSeconds * log1p(-stream.nextUnit()))
        }
        queue.schedule(.arrival(0), at: gap(after: 0))
        while let event = queue.popNext() {
            let now = SimulationTime(milliseconds: event.time)
            lastTime = now
            switch event.payload {
            case .arrival(let customer):
                if customer + 1 < scenario.customers {
                    queue.schedule(.arrival(customer + 1), at: now.advanced(by: gap(after: customer + 1)))
                }
                var stream = services.stream(customer: customer)
                let service = SimulationTime.milliseconds(fromSeconds: scenario.service.sampleSeconds(&stream))
                switch pool.enqueue(at: now, service: service, patience: patience, reference: Int64(customer)) {
                case .pickedUp(let pickUp):
                    queue.schedule(.completion(pickUp.chat), at: pickUp.completesAt)
                case .waiting(let chat, let deadline):
                    if let deadline { queue.schedule(.patience(chat), at: deadline) }
                }
            case .completion(let chat):
                pool.complete(chat, at: now)
                while let next = pool.pickUpNext(at: now) {
                    queue.schedule(.completion(next.chat), at: next.completesAt)
                }
            case .patience(let chat):
                _ = pool.abandon(chat, at: now)
            }
        }

        var waits: [Double] = []
        var waited: [Double] = []
        waits.reserveCapacity(pool.chats.count)
        waited.reserveCapacity(pool.chats.count)
        for record in pool.chats {
            let milliseconds = record.waited ?? 0
            waits.append(Double(milliseconds) / 1000)
            waited.append(milliseconds > 0 ? 1 : 0)
        }
        let skip = Int(Double(waits.count) * 0.1)
        let counted = Double(waits.count - skip)
        let abandonedAfterWarmUp = pool.chats.dropFirst(skip).reduce(0) { $0 + ($1.state == .abandoned ? 1 : 0) }
        let span = Double(lastTime.milliseconds) * Double(scenario.agents)
        return StaffingOutcome(
            scenario: scenario,
            probabilityOfWaiting: waited.dropFirst(skip).reduce(0, +) / counted,
            meanWaitSeconds: waits.dropFirst(skip).reduce(0, +) / counted,
            meanWaitInterval: BatchMeans(waits),
            waitProbabilityInterval: BatchMeans(waited),
            abandonmentRate: Double(abandonedAfterWarmUp) / counted,
            utilisation: span > 0 ? Double(pool.totalBusyTime) / span : 0,
            arrivals: pool.arrivals,
            resolved: pool.resolved,
            abandoned: pool.abandoned,
            eventsProcessed: queue.processedCount
        )
    }
}
