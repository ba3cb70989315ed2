import Sampling
import Testing

@testable import Simulation

@Suite struct AgentPoolTests {
    /// Simulated M/M/c with unlimited patience against Erlang C, loads from 0.5 to 0.95 (rows of the reference's
    /// §2.4 table, rates per minute): the analytic Wq must fall inside the run's 95% batch-means interval, and so
    /// must the analytic P(wait).
    @Test(
        arguments: [
            (perMinute: 0.5, serviceMinutes: 1.0, agents: 1),
            (perMinute: 1.5, serviceMinutes: 1.0, agents: 2),
            (perMinute: 2.0, serviceMinutes: 1.0, agents: 3),
            (perMinute: 4.0, serviceMinutes: 4.0, agents: 20),
            (perMinute: 4.75, serviceMinutes: 4.0, agents: 20),
        ]
    )
    func simulatedMMcAgreesWithErlangC(perMinute: Double, serviceMinutes: Double, agents: Int) throws {
        let scenario = StaffingScenario(
            arrivalsPerHour: perMinute * 60,
            service: try .exponential(meanSeconds: serviceMinutes * 60),
            agents: agents,
            customers: 300_000,
            seed: 9
        )
        let outcome = StaffingSimulation.run(scenario)
        let analytic = scenario.erlangC
        let wait = try #require(analytic.meanWait)
        let pWait = try #require(analytic.probabilityOfWaiting)
        let interval = try #require(outcome.meanWaitInterval)
        let pInterval = try #require(outcome.waitProbabilityInterval)
        #expect(
            interval.contains(wait),
            "ρ = \(analytic.occupancy): Wq \(wait) s outside [\(interval.low), \(interval.high)]"
        )
        #expect(pInterval.contains(pWait), "P(wait) \(pWait) outside [\(pInterval.low), \(pInterval.high)]")
        #expect(interval.halfWidth < 0.25 * wait, "the interval is tight enough to mean something")
        #expect(outcome.abandoned == 0 && outcome.resolved == scenario.customers)
        #expect(abs(outcome.utilisation - analytic.occupancy) < 0.02)
    }

    /// At every event of an overloaded run with patience: arrivals = resolved + abandoned + waiting + in service;
    /// FIFO picks up in arrival order; nobody is picked up at or after their deadline; every leaver waited exactly
    /// their patience.
    @Test func queueConservesChatsAndHonoursPatience() throws {
        enum Event {
            case arrival(Int)
            case completion(ChatID)
            case patience(ChatID)
        }
        var source = Xoshiro256StarStar(seed: 5)
        let service = try Exponential(mean: 240_000)
        let gap = try Exponential(mean: 6_000)
        var queue = EventQueue<Event>()
        var pool = AgentPool<SimulationTime>(agents: 3, from: .zero)
        let patience: Int64 = 600_000
        var reported = 0
        var lastPickedUp = -1
        queue.schedule(.arrival(0), at: 0)
        while let event = queue.popNext() {
            let now = SimulationTime(milliseconds: event.time)
            switch event.payload {
            case .arrival(let n):
                if n < 5_000 { queue.schedule(.arrival(n + 1), at: event.time + Int64(gap.sample(&source))) }
                switch pool.enqueue(at: now, service: Int64(service.sample(&source)), patience: patience) {
                case .pickedUp(let pickUp):
                    queue.schedule(.completion(pickUp.chat), at: pickUp.completesAt)
                    #expect(Int(pickUp.chat.index) > lastPickedUp)
                    lastPickedUp = Int(pickUp.chat.index)
                case .waiting(let chat, let deadline):
                    #expect(deadline == now + patience)
                    queue.schedule(.patience(chat), at: try #require(deadline))
                }
            case .completion(let chat):
                pool.complete(chat, at: now)
                while let next = pool.pickUpNext(at: now) {
                    #expect(Int(next.chat.index) > lastPickedUp, "FIFO: pick-ups in arrival order")
                    lastPickedUp = Int(next.chat.index)
                    #expect(next.pickedUpAt < pool.chats[Int(next.chat.index)].deadline)
                    queue.schedule(.completion(next.chat), at: next.completesAt)
                }
            case .patience(let chat):
                if pool.abandon(chat, at: now) { reported += 1 }
            }
            #expect(pool.arrivals == pool.resolved + pool.abandoned + pool.waiting + pool.inService)
        }
        #expect(pool.arrivals == 5_001)
        #expect(pool.waiting == 0 && pool.inService == 0)
        // 600 chats an hour against 3 agents who clear 15 an hour each: most leave, about 45 an hour are served.
        #expect(pool.abandoned > 4_000)
        #expect(pool.resolved > 300)
        #expect(reported == pool.abandoned, "each abandonment is reported exactly once")
        for record in pool.chats where record.state == .abandoned {
            #expect(record.waited == patience)
        }
    }

    @Test func cartValueDisciplineServesTheLargestCartFirstAndTiesInArrivalOrder() {
        var pool = AgentPool<SimulationTime>(agents: 1, from: .zero, discipline: .highestCartValueFirst)
        let first = pool.enqueue(at: .zero, service: 10, cartValue: 1)
        guard case .pickedUp = first else {
            Issue.record("the only agent was free")
            return
        }
        for (offset, cart) in [10, 50, 30, 50, 5].enumerated() {
            _ = pool.enqueue(at: SimulationTime(milliseconds: Int64(offset + 1)), service: 10, cartValue: Int64(cart))
        }
        var now = SimulationTime(milliseconds: 10)
        var order: [Int64] = []
        var current = first.chat
        while true {
            pool.complete(current, at: now)
            guard let next = pool.pickUpNext(at: now) else { break }
            order.append(pool.chats[Int(next.chat.index)].cartValue * 10 + Int64(next.chat.index))
            current = next.chat
            now = next.completesAt
        }
        // cart·10 + chat index: the two 50s in arrival order (chats 2 and 4), then 30, 10, 5.
        #expect(order == [502, 504, 303, 101, 55])
    }

    @Test func shiftsAndConcurrentChatsDecideWhoCanPickUp() {
        let shifts = [
            AgentShift(
                start: SimulationTime(milliseconds: 100),
                end: SimulationTime(milliseconds: 200),
                concurrentChats: 2
            )
        ]
        var pool = AgentPool<SimulationTime>(shifts: shifts)
        let early = pool.enqueue(at: SimulationTime(milliseconds: 50), service: 500)
        guard case .waiting = early else {
            Issue.record("nobody is on duty before the shift")
            return
        }
        _ = pool.enqueue(at: SimulationTime(milliseconds: 60), service: 500)
        _ = pool.enqueue(at: SimulationTime(milliseconds: 70), service: 500)
        let start = SimulationTime(milliseconds: 100)
        let firstPick = pool.pickUpNext(at: start)
        let secondPick = pool.pickUpNext(at: start)
        let thirdPick = pool.pickUpNext(at: start)
        #expect(firstPick?.chat.index == 0 && secondPick?.chat.index == 1, "two chats in hand at once")
        #expect(thirdPick == nil, "the third waits for a free slot")
        #expect(firstPick?.completesAt == SimulationTime(milliseconds: 600))
        pool.complete(ChatID(index: 0), at: SimulationTime(milliseconds: 600))
        let afterShift = pool.pickUpNext(at: SimulationTime(milliseconds: 600))
        #expect(afterShift == nil, "no new chat after the shift ended")
        #expect(pool.busyTime(ofAgent: 0) == 500)
        #expect(pool.waiting == 1 && pool.inService == 1 && pool.resolved == 1)
    }

    /// A customer whose patience runs out at the very millisecond an agent frees up has left: SimPy's order too.
    @Test func aDeadlineTieEndsInAbandonment() {
        var pool = AgentPool<SimulationTime>(agents: 1, from: .zero)
        let busy = pool.enqueue(at: .zero, service: 1_000)
        let waiting = pool.enqueue(at: SimulationTime(milliseconds: 400), service: 1_000, patience: 600)
        let later = pool.enqueue(at: SimulationTime(milliseconds: 500), service: 1_000, patience: 10_000)
        let freedAt = SimulationTime(milliseconds: 1_000)
        pool.complete(busy.chat, at: freedAt)
        let next = pool.pickUpNext(at: freedAt)
        #expect(next?.chat == later.chat, "the chat at its deadline is skipped")
        #expect(pool.abandoned == 1)
        let reported = pool.abandon(waiting.chat, at: freedAt)
        let reportedAgain = pool.abandon(waiting.chat, at: freedAt)
        let servedChatAbandons = pool.abandon(later.chat, at: SimulationTime(milliseconds: 10_500))
        #expect(reported && !reportedAgain && !servedChatAbandons)
        #expect(pool.chats[Int(waiting.chat.index)].endedAt == freedAt)
    }
}

extension PickUp: Equatable where Instant: Equatable {
    public static func == (lhs: PickUp, rhs: PickUp) -> Bool {
        lhs.chat == rhs.chat && lhs.agent == rhs.agent && lhs.pickedUpAt == rhs.pickedUpAt
            && lhs.completesAt == rhs.completesAt
    }
}
