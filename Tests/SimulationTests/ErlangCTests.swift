import Testing

@testable import Simulation

@Suite struct ErlangCTests {
    /// M/M/1: P(wait) = ρ and Wq = ρ / (μ − λ) (Gross & Harris, Fundamentals of Queueing Theory, eq. 2.29).
    @Test func singleAgentMatchesTheMM1ClosedForm() throws {
        let model = ErlangC(arrivalRate: 0.5, meanServiceTime: 1, agents: 1)
        #expect(abs(try #require(model.probabilityOfWaiting) - 0.5) < 1e-12)
        #expect(abs(try #require(model.meanWait) - 0.5 / (1 - 0.5)) < 1e-12)
        let busy = ErlangC(arrivalRate: 0.9, meanServiceTime: 1, agents: 1)
        #expect(abs(try #require(busy.meanWait) - 9) < 1e-9)
    }

    /// M/M/2: Lq = 2ρ³ / (1 − ρ²) (Gross & Harris §2.3), so Wq = Lq / λ; at λ = 1.5, μ = 1: P(wait) = 9/14, Wq = 9/7.
    @Test func twoAgentsMatchTheMM2ClosedForm() throws {
        let model = ErlangC(arrivalRate: 1.5, meanServiceTime: 1, agents: 2)
        let rho = 0.75
        #expect(abs(try #require(model.meanWait) - 2 * rho * rho * rho / (1 - rho * rho) / 1.5) < 1e-12)
        #expect(abs(try #require(model.probabilityOfWaiting) - 9.0 / 14.0) < 1e-12)
    }

    /// Exact rationals from the textbook sum formula: c = 3, A = 2 gives B = 4/19, P(wait) = 4/9, Wq = 4/9.
    @Test func threeAgentsMatchExactRationals() throws {
        let model = ErlangC(arrivalRate: 2, meanServiceTime: 1, agents: 3)
        #expect(abs(model.blockingProbability - 4.0 / 19.0) < 1e-12)
        #expect(abs(try #require(model.probabilityOfWaiting) - 4.0 / 9.0) < 1e-12)
        #expect(abs(try #require(model.meanWait) - 4.0 / 9.0) < 1e-12)
    }

    /// Larger pools, values of /work/shared/reference/simulation.md §2.4 (checked there against exact rationals):
    /// c = 10, A = 9 → 0.6687; c = 20, A = 16 → 0.2561; c = 20, A = 19 → 0.7554 and Wq = 3.0216 service-units/4.
    @Test func largerPoolsMatchTheReferenceTable() throws {
        let ten = ErlangC(arrivalRate: 9, meanServiceTime: 1, agents: 10)
        #expect(abs(try #require(ten.probabilityOfWaiting) - 0.6687) < 5e-5)
        let eighty = ErlangC(arrivalRate: 4, meanServiceTime: 4, agents: 20)
        #expect(abs(try #require(eighty.probabilityOfWaiting) - 0.2561) < 5e-5)
        #expect(abs(try #require(eighty.meanWait) - 0.2561) < 5e-5)
        let ninetyFive = ErlangC(arrivalRate: 4.75, meanServiceTime: 4, agents: 20)
        #expect(abs(try #require(ninetyFive.probabilityOfWaiting) - 0.7554) < 5e-5)
        #expect(abs(try #require(ninetyFive.meanWait) - 3.0216) < 5e-5)
        #expect(abs(ninetyFive.occupancy - 0.95) < 1e-12)
    }

    @Test func overloadedPoolsHaveNoSteadyState() {
        let full = ErlangC(arrivalRate: 5, meanServiceTime: 4, agents: 20)
        #expect(!full.isStable)
        #expect(full.probabilityOfWaiting == nil)
        #expect(full.meanWait == nil)
    }

    /// Service level: P(wait > t) = P(wait)·e^{−(cμ−λ)t}; for M/M/1 at ρ = 0.5, t = 2: 0.5·e^{−1}.
    @Test func serviceLevelDecaysExponentially() throws {
        let model = ErlangC(arrivalRate: 0.5, meanServiceTime: 1, agents: 1)
        #expect(abs(try #require(model.probabilityOfWaiting(longerThan: 2)) - 0.5 * 0.36787944117144233) < 1e-12)
    }
}
