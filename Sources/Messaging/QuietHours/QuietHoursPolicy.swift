/// Decides when a marketing text may reach a recipient: inside every applicable rule's window (federal and
/// state, strictest wins) in every time zone the recipient may be in (compliance.md §0.6 and §3.3).
///
/// Zone offset tables are built once at construction; a check is then a few binary searches and integer
/// arithmetic. Resolve a recipient once with `schedule(timeZones:states:)` to skip the name look-ups too.
public struct QuietHoursPolicy: Sendable {
    /// The rules, each applied where its states match; the strictest window in force wins.
    public let rules: [QuietHoursRule]
    /// Zones assumed when a recipient's zone is unknown: everywhere in the US, so a send is inside the window
    /// wherever the recipient is.
    public let unknownZoneFallback: [String]
    /// Holiday calendars; those with `blocksMarketing` bar sends on their observed holidays where their states
    /// apply (LA and RI by default; `datasets/holidays.json` holds the presets).
    public let holidayCalendars: [HolidayCalendar]
    /// Offset tables sorted by zone name.
    private let tables: [UTCOffsetTable]

    /// Builds a policy for `rules`, precomputing `zones` (by default every zone of the NANP directory).
    public init(
        rules: [QuietHoursRule],
        zones: [String] = AreaCodeDirectory.nanp.timeZoneNames,
        unknownZoneFallback: [String] = QuietHoursPolicy.allUSZones,
        holidayCalendars: [HolidayCalendar] = HolidayCalendar.standardBlackouts
    ) {
        self.rules = rules
        self.unknownZoneFallback = unknownZoneFallback
        self.holidayCalendars = holidayCalendars
        let names = Array(Set(zones + unknownZoneFallback)).sorted()
        tables = names.compactMap { UTCOffsetTable(zoneName: $0) }
    }

    /// Eastern to Hawaii–Aleutian: where an unknown US recipient could be.
    public static let allUSZones = [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "America/Adak", "Pacific/Honolulu",
    ]

    /// Federal 08:00–21:00 plus FL, OK, MD (08:00–20:00, 3 per 24 h same subject), TX (09:00–21:00, Sunday
    /// 12:00–21:00) and CT (09:00–20:00), with the LA and RI holiday blackouts; sources in each rule and in
    /// compliance.md §3.2.
    public static let standard = QuietHoursPolicy(rules: [
        .federal, .florida, .oklahoma, .maryland, .texas, .connecticut,
    ])

    /// A recipient resolved against the policy: its zone tables and its strictest window per weekday.
    public struct Schedule: Sendable {
        /// Offset table of every candidate zone.
        public let zones: [UTCOffsetTable]
        /// The intersection of the applicable rules' windows, Sunday first; nil when no send is allowed that day.
        public let windows: [SendWindow?]
        /// The rules that apply (federal first), for explanations and caps.
        public let rules: [QuietHoursRule]
        /// The statutory same-subject caps of those rules (FL, OK, MD).
        public let sameSubjectCaps: [FrequencyLimit]
        /// The holiday calendars that bar sends to this recipient (empty for most).
        public let blackouts: [HolidayCalendar]

        init(
            zones: [UTCOffsetTable],
            windows: [SendWindow?],
            rules: [QuietHoursRule],
            blackouts: [HolidayCalendar] = []
        ) {
            self.zones = zones
            self.windows = windows
            self.rules = rules
            self.blackouts = blackouts
            sameSubjectCaps = rules.compactMap(\.sameSubjectCap)
        }

        /// True when `instant` is inside the window, and not on a blackout holiday, in every candidate zone.
        /// - Complexity: O(z (log t + b log h)) for z zones of t transitions and b blackout calendars.
        public func isAllowed(at instant: Instant) -> Bool {
            for zone in zones where !isOpen(zone.localTime(at: instant)) { return false }
            return true
        }

        /// Inside the day's window and not a blackout holiday.
        func isOpen(_ local: LocalTime) -> Bool {
            Self.inside(local, windows) && blackoutHoliday(onDay: local.day) == nil
        }

        /// The first blackout calendar observing a holiday on the local `day`, and the holiday's name.
        public func blackoutHoliday(onDay day: Int64) -> (calendar: HolidayCalendar, holiday: String)? {
            for calendar in blackouts {
                if let name = calendar.holiday(onDay: day) { return (calendar, name) }
            }
            return nil
        }

        static func inside(_ local: LocalTime, _ windows: [SendWindow?]) -> Bool {
            guard let window = windows[local.weekday] else { return false }
            let minute = local.millisecondOfDay
            return minute >= Int64(window.startMinute) * 60_000 && minute < Int64(window.endMinute) * 60_000
        }

        /// The first instant at or after `after` inside the window in every zone.
        ///
        /// Each blocked zone says when its next window opens; the latest of those is the earliest possible answer,
        /// checked again until every zone agrees. Zones whose windows never overlap give up after 60 rounds and
        /// return the last candidate.
        /// - Complexity: O(z² log t) per round; one or two rounds in practice.
        public func nextAllowed(after: Instant) -> Instant {
            var candidate = after
            for _ in 0..<60 {
                var latestOpening = candidate
                var blocked = false
                for zone in zones {
                    let local = zone.localTime(at: candidate)
                    if isOpen(local) { continue }
                    blocked = true
                    latestOpening = max(latestOpening, nextOpening(in: zone, from: local, at: candidate))
                }
                if !blocked { return candidate }
                candidate = latestOpening
            }
            return candidate
        }

        /// When the window next opens in `zone` after the local time `local` (at instant `instant`).
        private func nextOpening(in zone: UTCOffsetTable, from local: LocalTime, at instant: Instant) -> Instant {
            for dayOffset in Int64(0)...14 {
                let day = local.day + dayOffset
                guard let window = windows[Int((day + 4).floorModulo(7))], blackoutHoliday(onDay: day) == nil else {
                    continue
                }
                let openingLocal = day * LocalTime.millisecondsPerDay + Int64(window.startMinute) * 60_000
                guard openingLocal > local.localMilliseconds else { continue }
                let opening = zone.instant(atLocalMilliseconds: openingLocal, near: instant)
                if opening > instant { return opening }
            }
            return instant.adding(seconds: 15 * 86_400)
        }

        /// Why `instant` is outside the window, naming the zone, the local time and the rule; nil when allowed.
        public func blockingReason(at instant: Instant) -> String? { blockingHold(at: instant)?.reason }

        /// The same as a `SendHold`, with the blocking rule's or calendar's name as its `rule`; a blackout holiday
        /// is named before the hours, since it closes the whole day.
        public func blockingHold(at instant: Instant) -> SendHold? {
            for zone in zones {
                let local = zone.localTime(at: instant)
                if let blackout = blackoutHoliday(onDay: local.day) {
                    let date = CivilDate(daysSinceEpoch: local.day).isoDate
                    let reason =
                        "holiday: \(blackout.holiday) (\(Weekday.names[local.weekday]) \(date) in \(zone.zoneName)); "
                        + "\(blackout.calendar.name) bars marketing texts on its holidays (\(blackout.calendar.source))"
                    return SendHold(.holiday, rule: blackout.calendar.name, reason: reason)
                }
                if Self.inside(local, windows) { continue }
                let rule =
                    rules.last { !Self.inside(local, $0.windows) } ?? rules.first ?? QuietHoursRule.federal
                let window =
                    rule.windows[local.weekday].map { "\($0)" } ?? "no sending on \(Weekday.names[local.weekday])"
                let reason =
                    "quiet hours: \(local.shortDescription) in \(zone.zoneName) is outside \(window) "
                    + "(\(rule.name): \(rule.source))"
                return SendHold(.quietHours, rule: rule.name, reason: reason)
            }
            return nil
        }
    }

    /// Resolves a recipient's zones and states once; reuse the schedule for every message to them.
    /// Unknown or missing zones fall back to `unknownZoneFallback`.
    public func schedule(timeZones: [String], states: [String]) -> Schedule {
        var zones: [UTCOffsetTable] = []
        for name in timeZones {
            if let table = table(named: name) ?? UTCOffsetTable(zoneName: name) {
                if !zones.contains(where: { $0.zoneName == table.zoneName }) { zones.append(table) }
            } else {
                zones = []
                break
            }
        }
        if zones.isEmpty {
            zones = unknownZoneFallback.compactMap { table(named: $0) }
        }
        let applicable = rules.filter { $0.applies(to: states) }
        var windows: [SendWindow?] = Array(repeating: SendWindow(startMinute: 0, endMinute: 1440), count: 7)
        for rule in applicable {
            for day in 0..<7 {
                if let current = windows[day], let ruleWindow = rule.windows[day] {
                    windows[day] = current.intersection(ruleWindow)
                } else {
                    windows[day] = nil
                }
            }
        }
        let blackouts = holidayCalendars.filter { $0.blocksMarketing && $0.applies(to: states) }
        return Schedule(zones: zones, windows: windows, rules: applicable, blackouts: blackouts)
    }

    /// The precomputed table for `name`, if any.
    /// - Complexity: O(log n) in the number of zones.
    public func table(named name: String) -> UTCOffsetTable? {
        var low = 0
        var high = tables.count
        while low < high {
            let mid = (low + high) / 2
            if tables[mid].zoneName < name { low = mid + 1 } else { high = mid }
        }
        return low < tables.count && tables[low].zoneName == name ? tables[low] : nil
    }

    /// True when a marketing text may reach a recipient in `timeZones` (all must be in the window) and `state`.
    public func isAllowed(at instant: Instant, timeZones: [String], state: String?) -> Bool {
        schedule(timeZones: timeZones, states: state.map { [$0] } ?? []).isAllowed(at: instant)
    }

    /// The first instant at or after `after` when a marketing text may reach the recipient.
    public func nextAllowed(after: Instant, timeZones: [String], state: String?) -> Instant {
        schedule(timeZones: timeZones, states: state.map { [$0] } ?? []).nextAllowed(after: after)
    }

    /// The same-subject caps of the rules that apply in `states` (FL, OK, MD).
    public func sameSubjectCaps(states: [String]) -> [FrequencyLimit] {
        rules.filter { $0.applies(to: states) }.compactMap(\.sameSubjectCap)
    }
}
