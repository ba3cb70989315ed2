#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one peer run counted, kept as SimPy's `Stats` keeps it, plus the summaries `simpy_campaign.py` prints.
public struct PeerCampaignOutcome: Sendable {
    public let customers: Int
    public let agents: Int
    public let variant: PeerCampaign.Variant
    public var replies = 0
    public var keywords = 0
    public var questions = 0
    public var served = 0
    public var abandoned = 0
    public var conversions = 0
    /// Summed in event order, as SimPy sums it.
    public var revenue = 0.0
    /// Reply → answer, every answered reply (keyword and question), in seconds.
    public var ttr: [Double] = []
    /// Reply → resolution, questions only.
    public var ttrQuestions: [Double] = []
    /// Reply → agent pick-up, served questions.
    public var waits: [Double] = []
    public var agentBusy = 0.0
    public var lastEvent = 0.0
    /// Events scheduled on our heap (SimPy counts its bookkeeping events too).
    public var events: UInt64 = 0
    public var heapAfterSetup = 0
    /// arrivals = resolved + abandoned and nobody still waiting, at the agent queue after the run.
    public var poolConserved = false

    init(customers: Int, agents: Int, variant: PeerCampaign.Variant) {
        self.customers = customers
        self.agents = agents
        self.variant = variant
    }

    /// The outcome fields of `simpy_campaign.py`'s JSON, in its order and with its rounding and None → nil,
    /// computed the way Python computes them (means of the sorted lists summed left to right, nearest-rank p90).
    public func summary(seed: UInt64) -> [(key: String, value: PeerValue)] {
        let ttr = self.ttr.sorted()
        let ttrQuestions = self.ttrQuestions.sorted()
        let waits = self.waits.sorted()
        let n = Double(customers)
        func mean(_ values: [Double]) -> PeerValue {
            guard !values.isEmpty else { return .null }
            var sum = 0.0
            for value in values { sum += value }
            return .double(sum / Double(values.count))
        }
        func percentile(_ sorted: [Double], _ q: Double) -> PeerValue {
            guard !sorted.isEmpty else { return .null }
            let rank = max(1, Int((q * Double(sorted.count)).rounded(.up)))
            return .double(sorted[rank - 1])
        }
        return [
            ("variant", .string(variant.rawValue)),
            ("seed", .int(Int64(bitPattern: seed))),
            ("customers", .int(Int64(customers))),
            ("agents", .int(Int64(agents))),
            ("sim_end_s", .double(PeerValue.pythonRound(lastEvent, 3))),
            ("replies", .int(Int64(replies))),
            ("reply_rate", .double(Double(replies) / n)),
            ("keywords", .int(Int64(keywords))),
            ("questions", .int(Int64(questions))),
            ("served", .int(Int64(served))),
            ("abandoned", .int(Int64(abandoned))),
            ("abandon_rate_of_questions", questions > 0 ? .double(Double(abandoned) / Double(questions)) : .null),
            ("conversions", .int(Int64(conversions))),
            ("conversion_rate", .double(Double(conversions) / n)),
            ("revenue", .double(PeerValue.pythonRound(revenue, 2))),
            ("aov", conversions > 0 ? .double(PeerValue.pythonRound(revenue / Double(conversions), 2)) : .null),
            ("ttr_mean_s", mean(ttr)),
            ("ttr_p90_s", percentile(ttr, 0.9)),
            ("ttr_question_mean_s", mean(ttrQuestions)),
            ("ttr_question_p90_s", percentile(ttrQuestions, 0.9)),
            ("agent_wait_mean_s", mean(waits)),
            ("agent_utilization", lastEvent != 0 ? .double(agentBusy / (Double(agents) * lastEvent)) : .null),
        ]
    }
}

/// A JSON value as Python's `json.dumps` writes it (floats by `repr`, which Swift's `description` matches).
public enum PeerValue: Sendable, Equatable, CustomStringConvertible {
    case int(Int64)
    case double(Double)
    case string(String)
    case null

    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): value.isFinite ? value.description : (value.isNaN ? "NaN" : "Infinity")
        case .string(let value): "\"\(value)\""
        case .null: "null"
        }
    }

    /// Python's `round(x, digits)`: the double nearest to x rounded half-even in decimal at `digits` places,
    /// done as Python does it, through the correctly rounded decimal string.
    public static func pythonRound(_ value: Double, _ digits: Int) -> Double {
        guard value.isFinite else { return value }
        var scaledDigits = ""
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            _ = withVaList([digits, value]) { vsnprintf(buffer.baseAddress!, 512, "%.*f", $0) }
            scaledDigits = String(cString: buffer.baseAddress!)
        }
        return Double(scaledDigits) ?? value
    }
}
