/// Human agents answering handed-off chats: shifts, several chats per agent, a FIFO or cart-value queue, and
/// customers who leave when nobody picks them up within their patience.
///
/// The pool owns no clock and no queue of events: the caller's `EventQueue` drives it. Each call says what to
/// schedule next (a completion at `PickUp.completesAt`, an abandonment check at `ChatArrival.waiting`'s
/// deadline), the caller schedules it and calls back when it fires. It records per chat the queued, picked-up
/// and resolved-or-abandoned times, and per agent the busy time, for hand-off rows and utilisation.
///
/// Abandonment is lazy (O(1)): a chat that leaves stays in the waiting line and is skipped when it reaches the
/// front, instead of SimPy's O(queue) `list.remove`. A chat whose deadline has come is never picked up, even when
/// an agent frees up at that very instant, so ties at the deadline always end in abandonment.
///
/// Complexity (A = agents, W = chats in the waiting line): `enqueue` O(A) FIFO, O(A + log W) by cart value;
/// `pickUpNext` O(A) plus the abandoned chats it skips (each skipped once); `complete`, `abandon` O(1).
public struct AgentPool<Instant: PoolInstant> {
    @usableFromInline
    struct Waiting: Sendable {
        @usableFromInline var cartValue: Int64
        @usableFromInline var chat: UInt32

        /// Larger cart first, then earlier arrival.
        @inlinable
        func precedes(_ other: Waiting) -> Bool {
            cartValue != other.cartValue ? cartValue > other.cartValue : chat < other.chat
        }
    }

    public let shifts: [AgentShift<Instant>]
    public let discipline: QueueDiscipline
    /// Every chat that arrived, indexed by `ChatID.index`.
    public private(set) var chats: ContiguousArray<ChatRecord<Instant>> = []
    @usableFromInline var inHand: ContiguousArray<Int>
    @usableFromInline var busy: ContiguousArray<Instant.Span>
    /// FIFO line: chat indices from `fifoHead` on.
    @usableFromInline var fifo: ContiguousArray<UInt32> = []
    @usableFromInline var fifoHead = 0
    /// Cart-value line: a binary heap.
    @usableFromInline var ranked: ContiguousArray<Waiting> = []

    public private(set) var arrivals = 0
    public private(set) var waiting = 0
    public private(set) var inService = 0
    public private(set) var resolved = 0
    public private(set) var abandoned = 0
    /// Chats picked up later than they arrived (the numerator of P(wait)).
    public private(set) var pickedUpAfterWaiting = 0

    public init(shifts: [AgentShift<Instant>], discipline: QueueDiscipline = .fifo) {
        self.shifts = shifts
        self.discipline = discipline
        inHand = ContiguousArray(repeating: 0, count: shifts.count)
        busy = ContiguousArray(repeating: .zero, count: shifts.count)
    }

    /// `count` identical agents on duty from `start` to `end`, one chat each unless told otherwise.
    public init(
        agents count: Int,
        from start: Instant,
        until end: Instant = .never,
        concurrentChats: Int = 1,
        discipline: QueueDiscipline = .fifo
    ) {
        self.init(
            shifts: Array(
                repeating: AgentShift(start: start, end: end, concurrentChats: concurrentChats),
                count: count
            ),
            discipline: discipline
        )
    }

    /// A chat arrives at `now` needing `service` of an agent's time; nil `patience` means the customer waits forever.
    /// A free agent takes it at once (the one with fewest chats in hand, lowest index on ties) unless others wait.
    /// - Complexity: O(A), plus O(log W) for the cart-value line.
    public mutating func enqueue(
        at now: Instant,
        service: Instant.Span,
        patience: Instant.Span? = nil,
        cartValue: Int64 = 0,
        reference: Int64 = 0
    ) -> ChatArrival<Instant> {
        precondition(chats.count < Int(UInt32.max), "AgentPool holds at most 2^32 - 1 chats")
        let id = ChatID(index: UInt32(chats.count))
        let deadline = patience.map { now + $0 } ?? .never
        chats.append(
            ChatRecord(queuedAt: now, deadline: deadline, service: service, cartValue: cartValue, reference: reference)
        )
        arrivals += 1
        if waiting == 0, let agent = freeAgent(at: now) {
            return .pickedUp(assign(Int(id.index), to: agent, at: now))
        }
        waiting += 1
        switch discipline {
        case .fifo: fifo.append(id.index)
        case .highestCartValueFirst: pushRanked(Waiting(cartValue: cartValue, chat: id.index))
        }
        return .waiting(id, abandonsAt: patience == nil ? nil : deadline)
    }

    /// Gives the next waiting chat to a free agent, if both exist; call it after every completion and at every
    /// shift start, until it returns nil.
    public mutating func pickUpNext(at now: Instant) -> PickUp<Instant>? {
        guard waiting > 0, let agent = freeAgent(at: now) else { return nil }
        while let index = popWaiting() {
            let record = chats[index]
            guard record.state == .waiting else { continue }
            if record.deadline <= now {
                markAbandoned(index, at: record.deadline)
                continue
            }
            waiting -= 1
            return assign(index, to: agent, at: now)
        }
        return nil
    }

    /// The agent finished `chat` at `now`: the chat is resolved and the agent's slot is free (call `pickUpNext`).
    /// - Precondition: the chat is in service.
    @discardableResult
    public mutating func complete(_ chat: ChatID, at now: Instant) -> ChatRecord<Instant> {
        let index = Int(chat.index)
        precondition(chats[index].state == .inService, "completing chat \(chat.index), which is not in service")
        chats[index].state = .resolved
        chats[index].ended = now
        let agent = Int(chats[index].agent)
        inHand[agent] -= 1
        busy[agent] += chats[index].service
        inService -= 1
        resolved += 1
        return chats[index]
    }

    /// The chat's patience ran out at `now`: true, once, if the customer left without being picked up.
    public mutating func abandon(_ chat: ChatID, at now: Instant) -> Bool {
        let index = Int(chat.index)
        switch chats[index].state {
        case .waiting where chats[index].deadline <= now:
            markAbandoned(index, at: now)
        case .abandoned where !chats[index].abandonmentReported:
            break
        default:
            return false
        }
        chats[index].abandonmentReported = true
        return true
    }

    /// Time the agent spent on resolved chats.
    public func busyTime(ofAgent agent: Int) -> Instant.Span { busy[agent] }

    public var totalBusyTime: Instant.Span { busy.reduce(.zero, +) }

    /// Chats the agent has in hand now.
    public func chatsInHand(ofAgent agent: Int) -> Int { inHand[agent] }

    // MARK: - Internals

    mutating func markAbandoned(_ index: Int, at time: Instant) {
        chats[index].state = .abandoned
        chats[index].ended = time
        waiting -= 1
        abandoned += 1
    }

    mutating func assign(_ index: Int, to agent: Int, at now: Instant) -> PickUp<Instant> {
        chats[index].state = .inService
        chats[index].pickedUp = now
        chats[index].agent = Int32(agent)
        if now > chats[index].queuedAt { pickedUpAfterWaiting += 1 }
        inHand[agent] += 1
        inService += 1
        return PickUp(
            chat: ChatID(index: UInt32(index)),
            agent: agent,
            pickedUpAt: now,
            completesAt: now + chats[index].service
        )
    }

    /// The on-duty agent with a free slot and the fewest chats in hand (lowest index on ties).
    func freeAgent(at now: Instant) -> Int? {
        var best: Int?
        var bestLoad = Int.max
        for agent in shifts.indices {
            let shift = shifts[agent]
            let load = inHand[agent]
            if load < shift.concurrentChats, load < bestLoad, shift.start <= now, now < shift.end {
                best = agent
                bestLoad = load
                if load == 0 { break }
            }
        }
        return best
    }

    mutating func popWaiting() -> Int? {
        switch discipline {
        case .fifo:
            guard fifoHead < fifo.count else { return nil }
            let index = Int(fifo[fifoHead])
            fifoHead += 1
            if fifoHead >= 4096, fifoHead * 2 >= fifo.count {
                fifo.removeFirst(fifoHead)
                fifoHead = 0
            }
            return index
        case .highestCartValueFirst:
            return popRanked().map { Int($0.chat) }
        }
    }

    mutating func pushRanked(_ entry: Waiting) {
        ranked.append(entry)
        var hole = ranked.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard entry.precedes(ranked[parent]) else { break }
            ranked[hole] = ranked[parent]
            hole = parent
        }
        ranked[hole] = entry
    }

    mutating func popRanked() -> Waiting? {
        guard let last = ranked.popLast() else { return nil }
        guard !ranked.isEmpty else { return last }
        let top = ranked[0]
        var hole = 0
        while true {
            let left = 2 * hole + 1
            if left >= ranked.count { break }
            let right = left + 1
            let child = right < ranked.count && ranked[right].precedes(ranked[left]) ? right : left
            guard ranked[child].precedes(last) else { break }
            ranked[hole] = ranked[child]
            hole = child
        }
        ranked[hole] = last
        return top
    }
}

extension AgentPool: Sendable {}
