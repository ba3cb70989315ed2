#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The M/M/c queue in closed form: how often a chat waits for one of `agents` agents and for how long, when
/// chats arrive as a Poisson stream and service times are exponential (A. K. Erlang, 1917; Gross & Harris,
/// *Fundamentals of Queueing Theory*, §2.3). It is the yardstick the simulated `AgentPool` is checked against.
///
/// Offered load A = λ·E[S] (Erlangs), occupancy ρ = A/c. Erlang B by the stable recursion
/// B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)); then P(wait) = c·B / (c − A·(1 − B)) and
/// Wq = P(wait) / (c/E[S] − λ). O(c). Undefined (nil) when ρ ≥ 1: the queue grows without bound.
public struct ErlangC: Sendable {
    /// Arrivals per unit of time (the unit of `meanServiceTime`).
    public let arrivalRate: Double
    public let meanServiceTime: Double
    public let agents: Int

    public init(arrivalRate: Double, meanServiceTime: Double, agents: Int) {
        precondition(arrivalRate >= 0 && meanServiceTime > 0 && agents >= 1, "Erlang C needs λ ≥ 0, E[S] > 0, c ≥ 1")
        self.arrivalRate = arrivalRate
        self.meanServiceTime = meanServiceTime
        self.agents = agents
    }

    /// A = λ·E[S], in Erlangs.
    public var offeredLoad: Double { arrivalRate * meanServiceTime }
    /// ρ = A / c, the long-run share of agent time spent serving.
    public var occupancy: Double { offeredLoad / Double(agents) }
    public var isStable: Bool { offeredLoad < Double(agents) }

    /// Erlang B: the share of arrivals that would find every agent busy if there were no waiting room.
    public var blockingProbability: Double {
        let load = offeredLoad
        var b = 1.0
        for k in 1...agents { b = load * b / (Double(k) + load * b) }
        return b
    }

    /// P(wait > 0), or nil when the load is unstable.
    public var probabilityOfWaiting: Double? {
        guard isStable else { return nil }
        let b = blockingProbability
        let c = Double(agents)
        return c * b / (c - offeredLoad * (1 - b))
    }

    /// Mean time in the queue over all arrivals (Wq, the unit of `meanServiceTime`), or nil when unstable.
    public var meanWait: Double? {
        guard let wait = probabilityOfWaiting else { return nil }
        return wait / (Double(agents) / meanServiceTime - arrivalRate)
    }

    /// P(wait > t) = P(wait)·exp(−(c/E[S] − λ)·t): one minus the service level at answer time t.
    public func probabilityOfWaiting(longerThan t: Double) -> Double? {
        guard let wait = probabilityOfWaiting else { return nil }
        return wait * exp(-(Double(agents) / meanServiceTime - arrivalRate) * t)
    }
}
