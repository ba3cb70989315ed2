/// Rolling-window limits on how often one customer is messaged, overall and per subject.
///
/// A send at time t counts until t + window; a cap of 3 per 24 h on a subject allows the fourth send exactly
/// 24 hours after the first.
public struct FrequencyCap: Hashable, Codable, Sendable {
    public var limits: [FrequencyLimit]

    public init(limits: [FrequencyLimit]) {
        self.limits = limits
    }

    /// No brand limits (statutory caps still apply through the quiet-hours policy).
    public static let none = FrequencyCap(limits: [])

    /// A conservative brand default: 3 per 24 h on a subject (the FL/OK/MD statutory cap, applied everywhere)
    /// and 10 per 7 days overall.
    public static let standard = FrequencyCap(limits: [
        FrequencyLimit(maxSends: 3, windowSeconds: 86_400, perSubject: true, source: "ReplyLab default"),
        FrequencyLimit(maxSends: 10, windowSeconds: 7 * 86_400, perSubject: false, source: "ReplyLab default"),
    ])

    /// This cap with `extra` limits added (e.g. a state's same-subject cap).
    public func adding(_ extra: [FrequencyLimit]) -> FrequencyCap {
        FrequencyCap(limits: limits + extra)
    }

    /// True when one more send on `subject` at `at` stays within every limit.
    /// - Complexity: O(l (log n + k)) for l limits.
    public func allows(_ history: SendHistory, subject: String, at: Instant) -> Bool {
        blockingLimit(history, subject: subject, at: at) == nil
    }

    /// The first limit a send on `subject` at `at` would break, or nil.
    public func blockingLimit(_ history: SendHistory, subject: String, at: Instant) -> FrequencyLimit? {
        Self.firstBlocking(limits, history, subject: subject, at: at)
    }

    /// The first of `limits` a send on `subject` at `at` would break, or nil.
    /// - Complexity: O(l (log n + k)); no allocation.
    static func firstBlocking(
        _ limits: [FrequencyLimit],
        _ history: SendHistory,
        subject: String,
        at: Instant
    ) -> FrequencyLimit? {
        for limit in limits
        where history.count(
            inWindowEnding: at,
            windowSeconds: limit.windowSeconds,
            subject: limit.perSubject ? subject : nil
        ) >= limit.maxSends {
            return limit
        }
        return nil
    }

    /// The first instant at or after `after` when a send on `subject` stays within every limit.
    public func nextAllowed(_ history: SendHistory, subject: String, after: Instant) -> Instant {
        var candidate = after
        for _ in 0..<(limits.count * 4 + 1) {
            var moved = false
            for limit in limits {
                let times = history.sendTimes(
                    inWindowEnding: candidate,
                    windowSeconds: limit.windowSeconds,
                    subject: limit.perSubject ? subject : nil
                )
                if times.count >= limit.maxSends {
                    candidate = times[times.count - limit.maxSends].adding(seconds: limit.windowSeconds)
                    moved = true
                }
            }
            if !moved { return candidate }
        }
        return candidate
    }
}
