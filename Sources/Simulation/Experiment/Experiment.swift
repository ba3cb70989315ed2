import JSONDocument
import Messaging

/// One experiment file (`replylab-experiment/1`, documented in `datasets/experiments/README.md`): who is
/// targeted, which flows they get in which shares, who answers hand-offs, and the world they live in.
///
/// Paths are resolved against the experiment's folder. `document` keeps the file as read, so a run record can
/// store the full configuration and the run can be reproduced from the event log alone.
public struct Experiment: Sendable {
    /// Which customers of the generated population enter the experiment.
    public enum Audience: String, Sendable, CaseIterable {
        /// Every generated customer, as the spec draws them (those without a cart get nothing to recover).
        case everyone
        /// Every generated customer gets an abandoned cart: the spec's `cart_share` is set to 1 in each segment.
        case cartAbandoners = "cart_abandoners"
    }

    /// One arm that receives a flow.
    public struct Variant: Sendable, Equatable {
        public var name: String
        /// The flow file, resolved against the experiment's folder.
        public var flowPath: String
        /// Share of customers, 0...1; with the holdout the shares add up to 1.
        public var share: Double
    }

    /// The arm that receives nothing, so lift is measured against it.
    public struct Holdout: Sendable, Equatable {
        public var name: String
        public var share: Double
    }

    public var name: String
    public var description: String
    /// The file as the user named it, for messages and the run record.
    public var file: String
    public var populationSpecPath: String
    public var audience: Audience
    public var customers: Int
    public var seed: UInt64
    /// Independent repetitions, each its own run with a seed derived from `seed` (replication 0 uses `seed`).
    public var replications: Int
    /// The campaign's start; carts are left from then on.
    public var start: Instant
    public var repliesPath: String
    public var variants: [Variant]
    public var holdout: Holdout?
    /// Days after a customer's planned first send in which orders count.
    public var attributionWindowDays: Int
    public var agents: AgentPlan
    public var world: WorldParameters
    /// The experiment file as read.
    public var document: JSONValue

    /// The end of the simulated period: the last possible first send plus the attribution window.
    public var horizonMilliseconds: Int64 {
        let spread = Int64(world.scheduler.abandonSpreadHours * 3_600_000)
        let delay = Int64(world.scheduler.sendDelayMinutes * 60_000)
        return start.epochMilliseconds + spread + delay + Int64(attributionWindowDays) * 86_400_000
    }
}

/// A positive amount given as the mean and standard deviation a person would quote (drawn log-normal), or as a
/// mean only (drawn exponential).
public struct MeanAndSpread: Sendable, Equatable {
    public var mean: Double
    /// Nil for an exponential draw.
    public var standardDeviation: Double?
}

/// Who answers hand-offs: shifts in the brand's zone, chats per agent, handling times, queue order.
public struct AgentPlan: Sendable, Equatable {
    /// The order waiting customers are picked up in.
    public enum Discipline: String, Sendable, CaseIterable {
        case fifo
        /// Largest cart first, then first come.
        case cartValue = "cart_value"
    }

    public struct Shift: Sendable, Equatable {
        /// Minutes after local midnight.
        public var startMinute: Int
        public var endMinute: Int
        public var agents: Int
    }

    public var timeZone: String
    public var shifts: [Shift]
    public var concurrency: Int
    public var serviceMinutes: MeanAndSpread
    public var reviewServiceMinutes: MeanAndSpread
    public var discipline: Discipline

    /// Agents on the largest shift plan: ids 0..<total, each shift's agents numbered after the previous shift's.
    public var agentCount: Int { shifts.reduce(0) { $0 + $1.agents } }
}

/// The world's parameters, each read with its `source` or `assumption` beside it (the reader refuses one
/// without).
public struct WorldParameters: Sendable, Equatable {
    public struct Scheduler: Sendable, Equatable {
        public var abandonSpreadHours: Double
        public var sendDelayMinutes: Double
        public var numbers: Int
        /// Messages per second per sending number.
        public var throughputPerNumber: Double
        /// The brand's own window in the recipient's local time, applied by the gate on top of quiet hours.
        public var sendWindow: SendWindow
    }

    /// Twilio error codes the carrier model produces, each with its rate.
    public struct CarrierErrors: Sendable, Equatable {
        /// 30003: unreachable handset, per message.
        public var unreachable: Double
        /// 30005: unknown or inactive number, per customer.
        public var unknownNumber: Double
        /// 30006: landline or unreachable carrier, per customer.
        public var landline: Double
        /// 30007: carrier filtering, per message.
        public var filtered: Double
        /// 21610: the number opted out at the carrier, per customer.
        public var carrierOptOut: Double
    }

    public struct Carrier: Sendable, Equatable {
        public var latencySeconds: MeanAndSpread
        public var errors: CarrierErrors
    }

    /// A multiplier on reply propensity for local hours `fromHour..<toHour`.
    public struct HourMultiplier: Sendable, Equatable {
        public var fromHour: Int
        public var toHour: Int
        public var multiplier: Double
    }

    public struct ReplyPropensity: Sendable, Equatable {
        public var personalised: Double
        public var unpersonalised: Double
        /// By `CustomerSegment` raw value.
        public var segments: [String: Double]
        /// Multiplier for the customer's 1st, 2nd, … reply chance; the last one repeats.
        public var followUp: [Double]
        /// One multiplier per local hour 0...23 (1 where no range is given).
        public var hourly: [Double]
    }

    /// Weights of what a customer says: intents other than questions, the questions' total weight, and how often
    /// a question is on the customer's own topic (the population's `question`) rather than any of the four.
    public struct IntentMix: Sendable, Equatable {
        public var weights: [ReplyIntent: Double]
        public var question: Double
        public var ownTopic: Double
    }

    public struct Conversion: Sendable, Equatable {
        public var organic: Double
        public var afterRead: Double
        public var afterAnswer: Double
        public var answerHalfLifeMinutes: Double
        public var unanswered: Double
        public var orderDelayMinutes: MeanAndSpread
    }

    public struct OptOut: Sendable, Equatable {
        public var perMessage: Double
        public var frequency: Double
        public var irrelevance: Double
        public var scope: ConsentScopeChoice
        public var restart: Double
        public var restartDelayHours: MeanAndSpread
    }

    /// What an opt-out revokes, as the experiment states it (stored on each opt-out consent event).
    public enum ConsentScopeChoice: String, Sendable, CaseIterable {
        case all
        case marketing
    }

    public struct Customer: Sendable, Equatable {
        public var readDelayMinutes: MeanAndSpread
        public var typingSeconds: MeanAndSpread
        public var replyPropensity: ReplyPropensity
        public var openingIntents: IntentMix
        public var followUpIntents: IntentMix
        public var patienceMinutes: MeanAndSpread
        public var conversion: Conversion
        public var optOut: OptOut
        public var reviewOptOut: Double
        public var agentConversion: Double
    }

    public var scheduler: Scheduler
    public var carrier: Carrier
    public var customer: Customer
}
