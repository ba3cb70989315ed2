import EventLog
import FlowEngine
import Foundation
import JSONDocument
import Messaging
import Population
import Sampling

/// Everything a run shares across shards, built once and read-only (a class, so shards and writers share it
/// without copying its arrays): the experiment, the population, the send
/// plan, one flow runtime per arm (the real engine behind the real gate), the corpus and the world's models.
public final class World: Sendable {
    public let experiment: Experiment
    public let population: Population
    public let plan: SendPlan
    public let runtimes: [FlowRuntime]
    public let corpus: ReplyCorpus
    /// The run's behaviour seed (replication seeds derive from the experiment's).
    public let seed: UInt64
    public let runID: Int64
    /// Keys `customers.phone_hash` (`PhoneNumber.keyedHash(key:)`).
    public let phoneHashKey: UInt64
    let behaviour: CustomerBehaviour
    let carrier: Carrier
    let attributes: CustomerAttributesWriter
    let contacts: ContactBuilder
    /// Per arm: whether the flow's first text names the customer (its template reads `first_name`).
    let namesCustomer: [Bool]
    /// Offset tables per population time-zone index, for the customer's local hour.
    let zones: [UTCOffsetTable]
    /// The brand's sending numbers.
    let businessNumbers: [String]
    /// Attribution window in milliseconds.
    let windowMilliseconds: Int64
    /// Nothing is simulated after this instant (epoch ms).
    public let horizon: Int64

    /// Each arm's runtime held by a class, so a method call borrows it in place. Called through
    /// `runtimes[variant]`, a method runs on a copy of the element, which retains and releases each of the
    /// runtime's dozens of arrays, and every start, reply and timeout is such a call.
    let arms: [ArmRuntime]

    /// The gate every arm sends through: standard quiet hours plus the brand's own send window, the brand's
    /// default frequency caps plus the statutory ones.
    public static func gate(for experiment: Experiment) -> OutboundGate {
        let window = experiment.world.scheduler.sendWindow
        let brand = QuietHoursRule(
            name: "Brand send window",
            states: [],
            windows: Array(repeating: window, count: 7),
            source: "\(experiment.file): world.scheduler.send_window"
        )
        let standard = QuietHoursPolicy.standard
        return OutboundGate(quietHours: QuietHoursPolicy(rules: standard.rules + [brand]), cap: .standard)
    }

    /// Loads the population spec, the flows and the corpus the experiment names and generates its customers.
    ///
    /// - Parameters:
    ///   - customers: overrides the experiment's count.
    ///   - seed: overrides the experiment's seed (the population and replication 0 use it).
    public init(
        experiment: Experiment,
        customers: Int? = nil,
        seed: UInt64? = nil,
        replication: Int = 0,
        runID: Int64,
        phoneHashKey: UInt64
    ) throws(SimulationError) {
        let baseSeed = seed ?? experiment.seed
        let count = customers ?? experiment.customers
        var spec: PopulationSpec
        do {
            spec = try PopulationSpec.load(path: experiment.populationSpecPath)
        } catch {
            throw .referenced(file: experiment.file, path: "$.population.spec", detail: error.description)
        }
        if experiment.audience == .cartAbandoners {
            for index in spec.segments.indices { spec.segments[index].cartShare = 1 }
        }
        let generated: Population
        do {
            generated = try PopulationGenerator(spec: spec).generate(count: count, seed: baseSeed)
        } catch {
            throw .referenced(file: experiment.file, path: "$.population", detail: error.description)
        }
        let gate = World.gate(for: experiment)
        var runtimes: [FlowRuntime] = []
        for (index, variant) in experiment.variants.enumerated() {
            let path = "$.variants[\(index)].flow"
            let text: String
            do {
                text = try String(contentsOfFile: variant.flowPath, encoding: .utf8)
            } catch {
                throw .referenced(file: experiment.file, path: path, detail: "cannot read \(variant.flowPath)")
            }
            let flow: Flow
            do {
                flow = try Flow.decode(text, file: variant.flowPath)
            } catch {
                throw .referenced(file: experiment.file, path: path, detail: error.description)
            }
            var runtime = FlowRuntime(
                flow: flow,
                gate: gate,
                replies: ComplianceReplies(brand: flow.brand ?? "ReplyLab Demo", contact: "help@example.com")
            )
            // What a revocation in words covers, as the experiment states it; carrier keywords still revoke all.
            runtime.optOutScope = OptOutScope(rawValue: experiment.world.customer.optOut.scope.rawValue) ?? .all
            runtimes.append(runtime)
        }
        do {
            corpus = try ReplyCorpus.load(path: experiment.repliesPath)
        } catch {
            throw .referenced(file: experiment.file, path: "$.replies", detail: error.description)
        }
        population = generated
        let runSeed = replication == 0 ? baseSeed : SplitMix64.mix(baseSeed ^ (0xA5A5_0000 &+ UInt64(replication)))
        self.experiment = experiment
        self.runtimes = runtimes
        arms = runtimes.map(ArmRuntime.init)
        self.seed = runSeed
        self.runID = runID
        self.phoneHashKey = phoneHashKey
        plan = SendPlan(experiment: experiment, customers: count, seed: runSeed)
        behaviour = CustomerBehaviour(experiment.world.customer)
        carrier = Carrier(experiment.world.carrier)
        attributes = CustomerAttributesWriter(population: generated)
        contacts = ContactBuilder(population: generated)
        namesCustomer = runtimes.map { runtime in
            runtime.flow.nodes[runtime.flow.start].actions.contains {
                if case .send(let template, _) = $0 { return template.source.contains("first_name") }
                return false
            }
        }
        zones = generated.timeZoneTable.map {
            UTCOffsetTable(zoneName: $0) ?? UTCOffsetTable(zoneName: "America/New_York")!
        }
        businessNumbers = (0..<experiment.world.scheduler.numbers).map { "+1800555" + World.fourDigits(100 + $0 % 100) }
        windowMilliseconds = Int64(experiment.attributionWindowDays) * 86_400_000
        horizon = experiment.horizonMilliseconds
    }

    static func fourDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    public var customerCount: Int { population.count }

    /// The variant rows of the run, the holdout last.
    public var variantRecords: [VariantRecord] {
        var records = experiment.variants.enumerated().map { index, variant in
            VariantRecord(
                runID: runID,
                variantID: Int64(index + 1),
                name: variant.name,
                flow: variant.flowPath,
                share: variant.share,
                isHoldout: false
            )
        }
        if let holdout = experiment.holdout {
            records.append(
                VariantRecord(
                    runID: runID,
                    variantID: holdoutVariantID,
                    name: holdout.name,
                    flow: "",
                    share: holdout.share,
                    isHoldout: true
                )
            )
        }
        return records
    }

    /// The holdout's `variant_id`: after the arms.
    var holdoutVariantID: Int64 { Int64(experiment.variants.count + 1) }
}

/// One arm's flow runtime behind a reference (see `World.arms`); its methods call the runtime's in place.
final class ArmRuntime: Sendable {
    let runtime: FlowRuntime

    init(_ runtime: FlowRuntime) {
        self.runtime = runtime
    }

    /// `FlowRuntime.start` on this arm's runtime.
    func start(
        _ session: consuming FlowSession,
        at now: Int64,
        draw: UInt64,
        schedule: QuietHoursPolicy.Schedule
    ) -> FlowStep {
        runtime.start(session, trigger: .campaign, at: Instant(epochMilliseconds: now), draw: draw, schedule: schedule)
    }

    /// `FlowRuntime.resume` on this arm's runtime.
    func resume(
        _ session: consuming FlowSession,
        with input: FlowInput,
        at now: Int64,
        draw: UInt64,
        schedule: QuietHoursPolicy.Schedule
    ) -> FlowStep {
        runtime.resume(session, with: input, at: Instant(epochMilliseconds: now), draw: draw, schedule: schedule)
    }
}
