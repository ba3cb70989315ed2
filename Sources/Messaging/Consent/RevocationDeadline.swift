/// The FCC's deadline for honouring a revocation: "within a reasonable time not to exceed ten business days of
/// receipt" (47 CFR 64.1200(a)(10), in force from 2025-04-11), business days counted on the federal holiday
/// calendar (compliance.md §2).
///
/// Counting: the day of receipt does not count; the next ten Mondays to Fridays that are not observed federal
/// holidays do, in the sender's business time zone. The deadline is the end of the tenth (local midnight after
/// it): a text sent before it is within the allowance, one sent at or after it is late. A simulated sender
/// honours a revocation at once; this is for audits of imported logs.
public struct RevocationDeadline: Sendable {
    public let calendar: HolidayCalendar
    /// The sender's business zone, whose dates the business days are.
    public let timeZone: UTCOffsetTable
    public let businessDays: Int

    /// - Parameters:
    ///   - timeZone: IANA name of the sender's business zone; an unknown name falls back to America/New_York.
    public init(calendar: HolidayCalendar = .federal, timeZone: String = "America/New_York", businessDays: Int = 10) {
        self.calendar = calendar
        guard let table = UTCOffsetTable(zoneName: timeZone) ?? UTCOffsetTable(zoneName: "America/New_York") else {
            preconditionFailure("the system time-zone database has no America/New_York")
        }
        self.timeZone = table
        self.businessDays = businessDays
    }

    /// Ten business days on the federal calendar, Eastern time.
    public static let fcc = RevocationDeadline()

    /// The local date (days since 1970-01-01) of the last business day allowed for a revocation received at
    /// `receivedAt`.
    /// - Complexity: O(d log h) for d calendar days walked (about 14 for ten business days).
    public func lastBusinessDay(forRevocationAt receivedAt: Instant) -> Int64 {
        var day = timeZone.localTime(at: receivedAt).day
        var counted = 0
        while counted < businessDays {
            day += 1
            if calendar.isBusinessDay(day) { counted += 1 }
        }
        return day
    }

    /// The first instant at which honouring a revocation received at `receivedAt` is late: local midnight after
    /// its last business day.
    public func deadline(forRevocationAt receivedAt: Instant) -> Instant {
        let localMidnight = (lastBusinessDay(forRevocationAt: receivedAt) + 1) * LocalTime.millisecondsPerDay
        return timeZone.instant(atLocalMilliseconds: localMidnight, near: receivedAt.adding(seconds: 14 * 86_400))
    }

    /// True when a text sent at `sentAt` after a revocation received at `receivedAt` breaks the deadline.
    public func isLate(sentAt: Instant, revocationAt receivedAt: Instant) -> Bool {
        sentAt >= deadline(forRevocationAt: receivedAt)
    }

    /// "2026-12-10": the last business day, for audit messages.
    public func lastBusinessDate(forRevocationAt receivedAt: Instant) -> String {
        CivilDate(daysSinceEpoch: lastBusinessDay(forRevocationAt: receivedAt)).isoDate
    }
}
