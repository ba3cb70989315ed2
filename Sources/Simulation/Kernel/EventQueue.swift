/// The future-event set of a discrete-event simulation: a 4-ary min-heap of value-type events ordered by
/// (time, priority, insertion sequence), so ties are broken the same way on every run and every platform.
///
/// Events are plain structs stored inline in one contiguous array (no class, no allocation per event once the
/// array has grown). Cancellation is lazy, as in ns-3: `cancel` flips the event's bookkeeping cell and the
/// dead entry is dropped when it reaches the top. The cells form a free list, so memory is
/// O(largest number of pending events), not O(events ever scheduled).
///
/// Complexity (n = entries in the heap, live or cancelled): `schedule` O(log₄ n) compares-and-moves,
/// `popNext` O(4·log₄ n) amortised (plus the dead entries it skips), `cancel` and `isPending` O(1).
/// A 4-ary heap does about half the levels of a binary heap and its four children share a cache line or two,
/// which is what SimPy-scale workloads (10^5–10^6 pending events) reward.
public struct EventQueue<Payload> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Int64
        @usableFromInline var priority: Int32
        @usableFromInline var slot: UInt32
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload

        @inlinable
        init(time: Int64, priority: Int32, slot: UInt32, sequence: UInt64, payload: Payload) {
            self.time = time
            self.priority = priority
            self.slot = slot
            self.sequence = sequence
            self.payload = payload
        }

        /// The total order of the queue: time, then priority, then insertion sequence.
        @inlinable
        func precedes(_ other: Entry) -> Bool {
            if time != other.time { return time < other.time }
            if priority != other.priority { return priority < other.priority }
            return sequence < other.sequence
        }
    }

    /// Marks a cell whose event was cancelled or has fired: no sequence number ever equals it.
    @usableFromInline static var deadCell: UInt64 { .max }

    @usableFromInline var heap: ContiguousArray<Entry> = []
    /// Per cell, the sequence of the live event occupying it, or `deadCell`.
    @usableFromInline var cells: ContiguousArray<UInt64> = []
    @usableFromInline var freeCells: ContiguousArray<UInt32> = []
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var liveCount = 0

    @usableFromInline var clock: Int64
    @usableFromInline var scheduled: UInt64 = 0
    @usableFromInline var processed: UInt64 = 0
    @usableFromInline var dropped: UInt64 = 0

    /// The time of the last event popped: the simulation clock. Events may not be scheduled before it.
    public var now: Int64 { clock }
    /// Events ever scheduled.
    public var scheduledCount: UInt64 { scheduled }
    /// Events popped and handed to the caller.
    public var processedCount: UInt64 { processed }
    /// Cancelled events dropped on their way out (scheduled = processed + cancelled + still pending).
    public var cancelledCount: UInt64 { dropped }

    /// An empty queue whose clock starts at `start`, with room for `capacity` pending events before it grows.
    public init(start: Int64 = 0, reservingCapacity capacity: Int = 0) {
        clock = start
        heap.reserveCapacity(capacity)
        cells.reserveCapacity(capacity)
    }

    /// Live (not cancelled) events still to fire.
    public var count: Int { liveCount }
    public var isEmpty: Bool { liveCount == 0 }

    /// Schedules `payload` to fire at `time`; among equal times lower `priority` first, then first scheduled first.
    /// - Precondition: `time >= now` (the past cannot be changed).
    /// - Complexity: O(log₄ n).
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: Int64, priority: Int32 = 0) -> EventTicket {
        precondition(time >= clock, "event scheduled at \(time), before the clock (\(clock))")
        let sequence = nextSequence
        nextSequence &+= 1
        scheduled &+= 1
        liveCount += 1
        let slot: UInt32
        if let free = freeCells.popLast() {
            slot = free
            cells[Int(free)] = sequence
        } else {
            slot = UInt32(cells.count)
            cells.append(sequence)
        }
        heap.append(Entry(time: time, priority: priority, slot: slot, sequence: sequence, payload: payload))
        siftUp(from: heap.count - 1)
        return EventTicket(slot: slot, sequence: sequence)
    }

    /// Schedules at a `SimulationTime`.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimulationTime, priority: Int32 = 0) -> EventTicket {
        schedule(payload, at: time.milliseconds, priority: priority)
    }

    /// Cancels the ticket's event if it is still pending; false when it already fired or was cancelled.
    /// - Complexity: O(1); the entry leaves the heap lazily when it reaches the top.
    @discardableResult
    public mutating func cancel(_ ticket: EventTicket) -> Bool {
        guard isPending(ticket) else { return false }
        cells[Int(ticket.slot)] = Self.deadCell
        liveCount -= 1
        return true
    }

    /// Whether the ticket's event is still to fire.
    public func isPending(_ ticket: EventTicket) -> Bool {
        Int(ticket.slot) < cells.count && cells[Int(ticket.slot)] == ticket.sequence
    }

    /// Removes and returns the earliest live event and moves the clock to its time; nil when none is left.
    /// - Complexity: O(log₄ n) per entry removed, cancelled ones included.
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        while let top = removeTop() {
            let live = cells[Int(top.slot)] == top.sequence
            cells[Int(top.slot)] = Self.deadCell
            freeCells.append(top.slot)
            if live {
                liveCount -= 1
                processed &+= 1
                clock = top.time
                return ScheduledEvent(
                    time: top.time,
                    priority: top.priority,
                    ticket: EventTicket(slot: top.slot, sequence: top.sequence),
                    payload: top.payload
                )
            }
            dropped &+= 1
        }
        return nil
    }

    /// The time of the earliest live event without removing it (cancelled entries on top are discarded).
    public mutating func nextTime() -> Int64? {
        while let top = heap.first {
            if cells[Int(top.slot)] == top.sequence { return top.time }
            _ = removeTop()
            freeCells.append(top.slot)
            dropped &+= 1
        }
        return nil
    }

    @inlinable
    mutating func removeTop() -> Entry? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        siftDown(last)
        return top
    }

    /// Moves the entry at `index` up to its place, shifting parents down instead of swapping.
    @inlinable
    mutating func siftUp(from index: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            let moving = buffer[index]
            var hole = index
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard moving.precedes(buffer[parent]) else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = moving
        }
    }

    /// Places `moving` into the hole at the root, pulling the smallest of up to four children up each level.
    @inlinable
    mutating func siftDown(_ moving: Entry) {
        heap.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var hole = 0
            while true {
                let first = 4 * hole + 1
                if first >= count { break }
                var best = first
                let end = min(first + 4, count)
                var child = first + 1
                while child < end {
                    if buffer[child].precedes(buffer[best]) { best = child }
                    child += 1
                }
                guard buffer[best].precedes(moving) else { break }
                buffer[hole] = buffer[best]
                hole = best
            }
            buffer[hole] = moving
        }
    }
}

extension EventQueue: Sendable where Payload: Sendable {}
extension EventQueue.Entry: Sendable where Payload: Sendable {}
