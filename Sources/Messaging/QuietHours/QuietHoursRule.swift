/// The local hours in which a marketing text may go out on one day, as minutes after local midnight.
public struct SendWindow: Hashable, Codable, Sendable, CustomStringConvertible {
    /// First allowed minute (inclusive), e.g. 480 for 08:00.
    public var startMinute: Int
    /// First forbidden minute (exclusive), e.g. 1260 for 21:00: "after 9 p.m." read conservatively.
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// A window from hour `start` to hour `end`, e.g. `SendWindow(hours: 8, 21)`.
    public init(hours start: Int, _ end: Int) {
        self.init(startMinute: start * 60, endMinute: end * 60)
    }

    /// The overlap of two windows, or nil when they do not overlap.
    public func intersection(_ other: SendWindow) -> SendWindow? {
        let start = max(startMinute, other.startMinute)
        let end = min(endMinute, other.endMinute)
        return start < end ? SendWindow(startMinute: start, endMinute: end) : nil
    }

    /// "08:00–21:00".
    public var description: String {
        "\(twoDigits(startMinute / 60)):\(twoDigits(startMinute % 60))–\(twoDigits(endMinute / 60)):\(twoDigits(endMinute % 60))"
    }
}

/// A cap on solicitations per recipient in a rolling window, e.g. 3 per 24 hours on the same subject.
public struct FrequencyLimit: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Most sends allowed inside any window.
    public var maxSends: Int
    /// Length of the rolling window.
    public var windowSeconds: Int64
    /// True when only sends on the same subject count; false counts every send to the customer.
    public var perSubject: Bool
    /// Where the limit comes from (a statute or the brand's own policy).
    public var source: String

    public init(maxSends: Int, windowSeconds: Int64, perSubject: Bool, source: String) {
        self.maxSends = maxSends
        self.windowSeconds = windowSeconds
        self.perSubject = perSubject
        self.source = source
    }

    public var description: String {
        let window = windowSeconds % 3600 == 0 ? "\(windowSeconds / 3600) h" : "\(windowSeconds) s"
        return "at most \(maxSends) per \(window)\(perSubject ? " on the same subject" : "") (\(source))"
    }
}

/// One jurisdiction's calling-hours rule: its send window per weekday, any same-subject cap, and its source.
public struct QuietHoursRule: Hashable, Codable, Sendable {
    /// "Federal", "Florida", …
    public var name: String
    /// Two-letter states the rule covers; empty means everywhere (the federal rule).
    public var states: [String]
    /// Windows for Sunday … Saturday; nil forbids sending that day.
    public var windows: [SendWindow?]
    /// A rolling cap on messages about the same subject, where the statute has one (FL, OK, MD).
    public var sameSubjectCap: FrequencyLimit?
    /// The statute or regulation, so every deferral can say why.
    public var source: String

    public init(
        name: String,
        states: [String],
        windows: [SendWindow?],
        sameSubjectCap: FrequencyLimit? = nil,
        source: String
    ) {
        precondition(windows.count == 7, "a quiet-hours rule needs one window (or nil) per weekday, Sunday first")
        self.name = name
        self.states = states
        self.windows = windows
        self.sameSubjectCap = sameSubjectCap
        self.source = source
    }

    /// The same window every day.
    public init(
        name: String,
        states: [String],
        daily: SendWindow,
        sameSubjectCap: FrequencyLimit? = nil,
        source: String
    ) {
        self.init(
            name: name,
            states: states,
            windows: Array(repeating: daily, count: 7),
            sameSubjectCap: sameSubjectCap,
            source: source
        )
    }

    /// True when the rule applies to a recipient in any of `states`.
    public func applies(to states: [String]) -> Bool {
        self.states.isEmpty || self.states.contains { rule in states.contains { $0.uppercased() == rule } }
    }

    /// 47 CFR 64.1200(c)(1): no solicitation before 8 a.m. or after 9 p.m. at the called party's location.
    public static let federal = QuietHoursRule(
        name: "Federal",
        states: [],
        daily: SendWindow(hours: 8, 21),
        source: "47 CFR 64.1200(c)(1)"
    )

    static let threePerDaySameSubject = 86_400 as Int64

    /// Fla. Stat. 501.616(6)(a),(b) (SB 1120, 2021): 8 a.m.–8 p.m., at most 3 per 24 h on the same subject.
    public static let florida = QuietHoursRule(
        name: "Florida",
        states: ["FL"],
        daily: SendWindow(hours: 8, 20),
        sameSubjectCap: FrequencyLimit(
            maxSends: 3,
            windowSeconds: threePerDaySameSubject,
            perSubject: true,
            source: "Fla. Stat. 501.616(6)(a),(b)"
        ),
        source: "Fla. Stat. 501.616(6)(a),(b) (SB 1120, 2021)"
    )

    /// Oklahoma Telephone Solicitation Act, 15 O.S. §775C.1 ff. (HB 3168, eff. 2022-11-01).
    public static let oklahoma = QuietHoursRule(
        name: "Oklahoma",
        states: ["OK"],
        daily: SendWindow(hours: 8, 20),
        sameSubjectCap: FrequencyLimit(
            maxSends: 3,
            windowSeconds: threePerDaySameSubject,
            perSubject: true,
            source: "15 O.S. §775C.1 ff."
        ),
        source: "15 O.S. §775C.1 ff. (Oklahoma Telephone Solicitation Act, HB 3168, eff. 2022-11-01)"
    )

    /// Maryland Stop the Spam Calls Act of 2023 (SB 90, eff. 2024-01-01).
    public static let maryland = QuietHoursRule(
        name: "Maryland",
        states: ["MD"],
        daily: SendWindow(hours: 8, 20),
        sameSubjectCap: FrequencyLimit(
            maxSends: 3,
            windowSeconds: threePerDaySameSubject,
            perSubject: true,
            source: "Maryland Stop the Spam Calls Act of 2023"
        ),
        source: "Maryland Stop the Spam Calls Act of 2023 (SB 90, eff. 2024-01-01)"
    )

    /// Tex. Bus. & Com. Code §301.051: 9 a.m.–9 p.m. Monday–Saturday, noon–9 p.m. Sunday; texts covered since
    /// SB 140 (eff. 2025-09-01). Applied in the recipient's local time (El Paso is Mountain).
    public static let texas = QuietHoursRule(
        name: "Texas",
        states: ["TX"],
        windows: [SendWindow(hours: 12, 21)] + Array(repeating: SendWindow(hours: 9, 21), count: 6),
        source: "Tex. Bus. & Com. Code §301.051 (texts since SB 140, eff. 2025-09-01)"
    )

    /// Conn. Gen. Stat. §42-288a as amended by SB 1058 (eff. 2023-10-01): 9 a.m.–8 p.m.
    public static let connecticut = QuietHoursRule(
        name: "Connecticut",
        states: ["CT"],
        daily: SendWindow(hours: 9, 20),
        source: "Conn. Gen. Stat. §42-288a (SB 1058, eff. 2023-10-01)"
    )
}
