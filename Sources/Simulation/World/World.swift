import EventLog
import FlowEngine
import Foundation
import JSONDocument
import Messaging
import Population
import Sampling

/// Everything a run shares across shards, built once and read-only: the experiment, the population, the send
/// plan, one flow runtime per arm (the real engine behind the real gate), the corpus and the world's models.
public struct World: Sendable {
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
    /// Offset tables per population time-zone index, for the customer's local hour.
    let zones: [UTCOffsetTable]
    /// The brand's sending numbers.
    let businessNumbers: [String]
    /// Attribution window in milliseconds.
    let windowMilliseconds: Int64
    /// Nothing is simulated after this instant (epoch ms).
    public let horizon: Int64

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
        do {
            population = try PopulationGenerator(spec: spec).generate(count: count, seed: baseSeed)
        } catch {
            throw .referenced(file: experiment.file, path: "$.population", detail: error.description)
        }
        let gate = Self.gate(for: experiment)
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
            runtimes.append(
                FlowRuntime(
                    flow: flow,
                    gate: gate,
                    replies: ComplianceReplies(brand: flow.brand ?? "ReplyLab Demo", contact: "help@example.com")
                )
            )
        }
        do {
            corpus = try ReplyCorpus.load(path: experiment.repliesPath)
        } catch {
            throw .referenced(file: experiment.file, path: "$.replies", detail: error.description)
        }
        self.experiment = experiment
        self.runtimes = runtimes
        self.seed = replication == 0 ? baseSeed : SplitMix64.mix(baseSeed ^ (0xA5A5_0000 &+ UInt64(replication)))
        self.runID = runID
        self.phoneHashKey = phoneHashKey
        plan = SendPlan(experiment: experiment, customers: count, seed: self.seed)
        behaviour = CustomerBehaviour(experiment.world.customer)
        carrier = Carrier(experiment.world.carrier)
        attributes = CustomerAttributesWriter(population: population)
        zones = population.timeZoneTable.map {
            UTCOffsetTable(zoneName: $0) ?? UTCOffsetTable(zoneName: "America/New_York")!
        }
        businessNumbers = (0..<experiment.world.scheduler.numbers).map { "+1800555" + Self.fourDigits(100 + $0 % 100) }
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
