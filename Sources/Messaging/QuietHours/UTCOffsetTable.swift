import Foundation

/// One IANA zone's UTC offsets as a table of transitions, read from Foundation once so that converting an
/// instant to local time afterwards is a binary search, with no `Calendar` or `TimeZone` call per message.
public struct UTCOffsetTable: Hashable, Sendable {
    /// The IANA name, e.g. "America/New_York".
    public let zoneName: String
    /// UTC seconds at which a new offset starts, ascending.
    let transitions: [Int64]
    /// `offsets[0]` holds before the first transition, `offsets[i + 1]` from `transitions[i]` on (seconds east).
    let offsets: [Int32]

    /// The years the table covers; outside them the nearest known offset holds.
    public static let coveredYears = 2000...2060

    /// Reads the zone from the system time-zone database, or nil when the name is unknown.
    ///
    /// Samples the offset every three days and pins each change to the second by bisection, so any offset
    /// change is found, not only DST (e.g. America/Fort_Nelson's move to permanent MST in 2015).
    /// - Complexity: about 7,300 offset reads for the 61 years covered, done once per zone.
    public init?(zoneName: String, years: ClosedRange<Int> = UTCOffsetTable.coveredYears) {
        guard let zone = TimeZone(identifier: zoneName) else { return nil }
        func offset(_ seconds: Int64) -> Int32 {
            Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
        let start = CivilDate.daysFromCivil(year: years.lowerBound, month: 1, day: 1) * 86_400 - 86_400
        let end = CivilDate.daysFromCivil(year: years.upperBound + 1, month: 1, day: 1) * 86_400 + 86_400
        let step: Int64 = 3 * 86_400
        var transitions: [Int64] = []
        var offsets: [Int32] = [offset(start)]
        var previous = start
        var current = start + step
        while previous < end {
            let value = offset(current)
            if value != offsets[offsets.count - 1] {
                var low = previous
                var high = current
                while high - low > 1 {
                    let mid = low + (high - low) / 2
                    if offset(mid) == value { high = mid } else { low = mid }
                }
                transitions.append(high)
                offsets.append(value)
            }
            previous = current
            current += step
        }
        self.zoneName = zoneName
        self.transitions = transitions
        self.offsets = offsets
    }

    /// Seconds east of UTC in force at `utcSeconds`.
    /// - Complexity: O(log t) for t transitions (about 120 for a DST zone).
    public func offsetSeconds(atUTCSeconds utcSeconds: Int64) -> Int64 {
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) >> 1
            if transitions[mid] <= utcSeconds { low = mid + 1 } else { high = mid }
        }
        return Int64(offsets[low])
    }

    /// Seconds east of UTC in force at `instant`.
    public func offsetSeconds(at instant: Instant) -> Int64 {
        offsetSeconds(atUTCSeconds: instant.epochMilliseconds.floorDivided(by: 1000))
    }

    /// The local wall-clock time at `instant`.
    public func localTime(at instant: Instant) -> LocalTime {
        LocalTime(localMilliseconds: instant.epochMilliseconds + offsetSeconds(at: instant) * 1000)
    }

    /// The instant at which local wall-clock `localMilliseconds` occurs (the later offset wins in a fold;
    /// a time inside a spring-forward gap maps to the instant after the gap's start offset).
    func instant(atLocalMilliseconds localMilliseconds: Int64, near hint: Instant) -> Instant {
        let guess = localMilliseconds - offsetSeconds(at: hint) * 1000
        let refined = localMilliseconds - offsetSeconds(at: Instant(epochMilliseconds: guess)) * 1000
        return Instant(epochMilliseconds: refined)
    }
}

/// A wall-clock time in some zone, as milliseconds since local 1970-01-01 00:00.
public struct LocalTime: Hashable, Sendable {
    public let localMilliseconds: Int64

    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Days since local 1970-01-01.
    public var day: Int64 { localMilliseconds.floorDivided(by: Self.millisecondsPerDay) }
    /// Milliseconds since local midnight.
    public var millisecondOfDay: Int64 { localMilliseconds - day * Self.millisecondsPerDay }
    /// 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
    public var weekday: Int { Int((day + 4).floorModulo(7)) }

    /// "Sun 21:30" for explanations.
    public var shortDescription: String {
        let minutes = Int(millisecondOfDay / 60_000)
        return "\(Weekday.names[weekday]) \(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
    }
}

/// Day names for messages and the quiet-hours data file.
enum Weekday {
    static let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
}

extension Int64 {
    /// The remainder with the sign of the divisor, so weekdays before 1970 stay in 0..<7.
    func floorModulo(_ divisor: Int64) -> Int64 {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
