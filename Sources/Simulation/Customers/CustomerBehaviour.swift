#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Population
import Sampling

/// How simulated customers act, from the experiment's `world.customer` parameters: when they read, whether and
/// what they reply, when they give up, whether they opt out, and whether they buy.
///
/// Every draw comes from the customer's own stream, passed in; the tables are built once so a draw is a few
/// multiplications and one scan of at most a dozen weights (no hashing in the hot loop).
struct CustomerBehaviour: Sendable {
    let parameters: WorldParameters.Customer
    let readDelay: DelayDistribution
    let typing: DelayDistribution
    let patience: DelayDistribution
    let orderDelay: DelayDistribution
    let restartDelay: DelayDistribution
    let opening: IntentTable
    let followUp: IntentTable
    /// Reply multipliers by `CustomerSegment` position.
    let segmentMultiplier: [Double]

    init(_ parameters: WorldParameters.Customer) {
        self.parameters = parameters
        readDelay = DelayDistribution(parameters.readDelayMinutes, unitMilliseconds: 60_000)
        typing = DelayDistribution(parameters.typingSeconds, unitMilliseconds: 1_000)
        patience = DelayDistribution(parameters.patienceMinutes, unitMilliseconds: 60_000)
        orderDelay = DelayDistribution(parameters.conversion.orderDelayMinutes, unitMilliseconds: 60_000)
        restartDelay = DelayDistribution(parameters.optOut.restartDelayHours, unitMilliseconds: 3_600_000)
        opening = IntentTable(parameters.openingIntents)
        followUp = IntentTable(parameters.followUpIntents)
        segmentMultiplier = CustomerSegment.allCases.map { parameters.replyPropensity.segments[$0.rawValue] ?? 1 }
    }

    /// The chance that a customer with base propensity `base` replies to the text they just read: the
    /// population's own rate shaped by personalisation, segment, how many replies they already sent (Meera's
    /// decay) and the local hour.
    func replyChance(base: Double, personalised: Bool, segment: Int, repliesSoFar: Int, localHour: Int) -> Double {
        let propensity = parameters.replyPropensity
        let followUp = propensity.followUp[min(repliesSoFar, propensity.followUp.count - 1)]
        let shape = personalised ? propensity.personalised : propensity.unpersonalised
        return min(1, base * shape * segmentMultiplier[segment] * followUp * propensity.hourly[localHour])
    }

    /// The chance that reading the `count`-th marketing text of the campaign makes the customer opt out.
    func optOutChance(count: Int, irrelevant: Bool) -> Double {
        let optOut = parameters.optOut
        var chance = optOut.perMessage * (irrelevant ? optOut.irrelevance : 1)
        for _ in 1..<max(count, 1) { chance *= optOut.frequency }
        return min(1, chance)
    }

    /// The chance that an answer given `minutes` after the question still converts `base`: halved every half-life.
    func answered(_ base: Double, afterMinutes minutes: Double) -> Double {
        base * Self.power(0.5, minutes / parameters.conversion.answerHalfLifeMinutes)
    }

    static func power(_ base: Double, _ exponent: Double) -> Double {
        guard exponent > 0 else { return 1 }
        return pow(base, exponent)
    }
}

/// A categorical draw over intents, where one slot stands for "a question": on the customer's own topic with
/// probability `ownTopic`, else any of the four question intents.
struct IntentTable: Sendable {
    /// nil marks the question slot.
    let intents: [ReplyIntent?]
    let cumulative: [Double]
    let ownTopic: Double

    init(_ mix: WorldParameters.IntentMix) {
        var intents: [ReplyIntent?] = []
        var cumulative: [Double] = []
        var total = 0.0
        for intent in ReplyIntent.allCases {
            guard let weight = mix.weights[intent], weight > 0 else { continue }
            total += weight
            intents.append(intent)
            cumulative.append(total)
        }
        if mix.question > 0 {
            total += mix.question
            intents.append(nil)
            cumulative.append(total)
        }
        self.intents = intents
        self.cumulative = cumulative.map { $0 / total }
        ownTopic = mix.ownTopic
    }

    func draw<Source: RandomSource>(topic: QuestionTopic, _ source: inout Source) -> ReplyIntent {
        let u = source.nextUnit()
        var slot = cumulative.count - 1
        for (index, edge) in cumulative.enumerated() where u < edge {
            slot = index
            break
        }
        if let intent = intents[slot] { return intent }
        if source.nextUnit() < ownTopic { return Self.intent(for: topic) }
        return ReplyIntent.questions[source.nextIndex(ReplyIntent.questions.count)]
    }

    /// The question intent of a population topic (availability is asked as a sizing question, returns as shipping).
    static func intent(for topic: QuestionTopic) -> ReplyIntent {
        switch topic {
        case .sizing, .availability: .questionSizing
        case .shipping, .returns: .questionShipping
        case .price: .questionPrice
        }
    }
}
