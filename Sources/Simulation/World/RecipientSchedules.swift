import Messaging

/// Quiet-hours schedules already resolved in a shard, by what they depend on: a number's area code and the
/// customer's state of residence. Resolving one builds zone tables and filters every rule and holiday calendar,
/// about 3% of a simulation's perf samples when done for each customer; a shard of 2,048 customers meets a few
/// hundred pairs.
///
/// A cache per shard, not per world, so it needs no lock and never depends on which thread runs what.
struct RecipientSchedules {
    let policy: QuietHoursPolicy
    private var resolved: [Int32: QuietHoursPolicy.Schedule] = [:]

    init(policy: QuietHoursPolicy) {
        self.policy = policy
    }

    /// `recipient`'s schedule; `residenceState` is the population's index of the customer's state.
    /// - Complexity: O(1) expected once the pair has been met.
    mutating func schedule(for recipient: RecipientCompliance, residenceState: UInt8) -> QuietHoursPolicy.Schedule {
        // Without a valid number the zones come from the population's zone column: resolve each such customer.
        guard let phone = recipient.phone else { return policy.schedule(for: recipient) }
        let key = Int32(phone.areaCode) << 8 | Int32(residenceState)
        if let schedule = resolved[key] { return schedule }
        let schedule = policy.schedule(for: recipient)
        resolved[key] = schedule
        return schedule
    }
}
