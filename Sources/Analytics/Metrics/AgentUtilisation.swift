/// Agent utilisation = busy agent-time ÷ staffed agent-capacity, per hour and overall.
///
/// Busy time is each picked-up hand-off from pick-up to close (to the last shift's end while still open);
/// capacity is each shift's length × its concurrency (chats at once). Both are cut at UTC hour boundaries, so an
/// hour's figure is that hour's busy milliseconds over its capacity milliseconds.
public struct AgentUtilisation: Sendable, Hashable {
    public struct Hour: Sendable, Hashable {
        /// Start of the hour, UTC epoch milliseconds.
        public var start: Int64
        public var busyMilliseconds: Int64
        public var capacityMilliseconds: Int64
        /// busy ÷ capacity; NaN in an hour with no agent on shift.
        public var utilisation: Double {
            capacityMilliseconds == 0 ? .nan : Double(busyMilliseconds) / Double(capacityMilliseconds)
        }
    }

    public var hours: [Hour]
    public var busyMilliseconds: Int64
    public var capacityMilliseconds: Int64
    public var shifts: Int

    /// Overall busy ÷ capacity; NaN without shifts.
    public var overall: Double {
        capacityMilliseconds == 0 ? .nan : Double(busyMilliseconds) / Double(capacityMilliseconds)
    }

    static let hour: Int64 = 3_600_000

    /// Buckets `busy` intervals and `shifts` (start, end, concurrency) into hours.
    /// - Complexity: O(intervals × hours each spans + hours).
    public init(busy: [(start: Int64, end: Int64?)], shifts: [(start: Int64, end: Int64, concurrency: Int64)]) {
        self.shifts = shifts.count
        guard let first = shifts.map(\.start).min(), let last = shifts.map(\.end).max(), last > first else {
            hours = []
            busyMilliseconds = busy.reduce(0) { $0 + max(0, ($1.end ?? $1.start) - $1.start) }
            capacityMilliseconds = 0
            return
        }
        let origin = first - ((first % Self.hour) + Self.hour) % Self.hour
        let count = Int((last - origin + Self.hour - 1) / Self.hour)
        var busyByHour = [Int64](repeating: 0, count: count)
        var capacityByHour = [Int64](repeating: 0, count: count)
        func spread(_ start: Int64, _ end: Int64, weight: Int64, into buckets: inout [Int64]) {
            var cursor = max(start, origin)
            let stop = min(end, origin + Int64(count) * Self.hour)
            while cursor < stop {
                let index = Int((cursor - origin) / Self.hour)
                let boundary = origin + Int64(index + 1) * Self.hour
                let piece = min(boundary, stop) - cursor
                buckets[index] += piece * weight
                cursor += piece
            }
        }
        for shift in shifts { spread(shift.start, shift.end, weight: shift.concurrency, into: &capacityByHour) }
        for interval in busy { spread(interval.start, interval.end ?? last, weight: 1, into: &busyByHour) }
        hours = (0..<count).map {
            Hour(
                start: origin + Int64($0) * Self.hour,
                busyMilliseconds: busyByHour[$0],
                capacityMilliseconds: capacityByHour[$0]
            )
        }
        busyMilliseconds = busyByHour.reduce(0, +)
        capacityMilliseconds = capacityByHour.reduce(0, +)
    }
}

/// Hand-offs of one arm by how they ended: queue abandonment's numerator and denominator.
public struct HandoffTotals: Sendable, Hashable {
    public var queued: Int64 = 0
    public var pickedUp: Int64 = 0
    public var resolved: Int64 = 0
    public var abandoned: Int64 = 0
    public var stillOpen: Int64 = 0

    public init() {}

    /// Queue abandonment = hand-offs abandoned ÷ hand-offs queued.
    public var abandonmentRate: Rate { Rate(abandoned, of: queued) }
}
