/// The marketing sends one customer has received, in time order: what rolling-window caps count.
public struct SendHistory: Hashable, Codable, Sendable {
    /// One send: when, and about what (a campaign or topic name).
    public struct Send: Hashable, Codable, Sendable {
        public var subject: String
        public var at: Instant

        public init(subject: String, at: Instant) {
            self.subject = subject
            self.at = at
        }
    }

    /// Every send recorded, oldest first.
    public private(set) var sends: [Send]

    public init() {
        sends = []
    }

    public init(sends: [Send]) {
        self.sends = []
        for send in sends { record(subject: send.subject, at: send.at) }
    }

    /// Records a send; out-of-order records slot into place.
    /// - Complexity: O(1) in time order, O(n) otherwise.
    public mutating func record(subject: String, at: Instant) {
        let send = Send(subject: subject, at: at)
        guard let last = sends.last, last.at > at else {
            sends.append(send)
            return
        }
        let index = firstIndex(after: at)
        sends.insert(send, at: index)
    }

    /// Times of sends in the rolling window `(at − windowSeconds, at]`, oldest first; only `subject` when given.
    /// - Complexity: O(log n + k) for k sends in the window.
    public func sendTimes(inWindowEnding at: Instant, windowSeconds: Int64, subject: String?) -> [Instant] {
        let from = firstIndex(after: at.adding(seconds: -windowSeconds))
        var times: [Instant] = []
        var index = from
        while index < sends.count, sends[index].at <= at {
            if subject == nil || sends[index].subject == subject { times.append(sends[index].at) }
            index += 1
        }
        return times
    }

    /// How many sends fall in the rolling window `(at − windowSeconds, at]`; only `subject` when given.
    /// - Complexity: O(log n + k) for k sends in the window; no allocation.
    public func count(inWindowEnding at: Instant, windowSeconds: Int64, subject: String?) -> Int {
        var index = firstIndex(after: at.adding(seconds: -windowSeconds))
        var count = 0
        while index < sends.count, sends[index].at <= at {
            if subject == nil || sends[index].subject == subject { count += 1 }
            index += 1
        }
        return count
    }

    /// Drops sends older than `instant`, for long simulations; caps never look back further than their window.
    public mutating func forget(before instant: Instant) {
        sends.removeFirst(firstIndex(after: instant.adding(milliseconds: -1)))
    }

    /// Index of the first send strictly after `instant`.
    private func firstIndex(after instant: Instant) -> Int {
        var low = 0
        var high = sends.count
        while low < high {
            let mid = (low + high) / 2
            if sends[mid].at <= instant { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
