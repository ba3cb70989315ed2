/// How a recipient gave consent to marketing texts.
public enum ConsentSource: String, Codable, Sendable, CaseIterable {
    /// Texted START/YES/UNSTOP (or a join keyword).
    case keyword
    /// Ticked a box on a web form.
    case webForm = "web_form"
    /// Opted in at checkout.
    case checkout
    /// Brought in from another system's records.
    case `import`
}

/// One entry of a consent history.
public struct ConsentEvent: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case optIn = "opt_in"
        case optOut = "opt_out"
    }

    public var kind: Kind
    public var at: Instant
    /// For opt-ins: how consent was given.
    public var source: ConsentSource?
    /// For opt-outs: the keyword or phrase that revoked consent ("STOP", "leave me alone").
    public var keyword: String?

    public init(kind: Kind, at: Instant, source: ConsentSource? = nil, keyword: String? = nil) {
        self.kind = kind
        self.at = at
        self.source = source
        self.keyword = keyword
    }
}

/// Whether a marketing text may go out, and why, in words an auditor can read.
public struct ConsentDecision: Hashable, Codable, Sendable {
    public var allowed: Bool
    public var reason: String

    public init(allowed: Bool, reason: String) {
        self.allowed = allowed
        self.reason = reason
    }
}

/// One recipient's consent history: opt-ins, opt-outs and re-opt-ins, appended and never overwritten, so an
/// audit can ask what was true at any past moment.
public struct ConsentHistory: Hashable, Codable, Sendable {
    /// Every event in time order; events at the same instant keep the order they were recorded in.
    public private(set) var events: [ConsentEvent]

    public init() {
        events = []
    }

    public init(events: [ConsentEvent]) {
        self.events = []
        for event in events { record(event) }
    }

    /// Records consent given through `source` at `at`.
    /// - Complexity: O(log n) to find the place, O(1) when recorded in time order.
    public mutating func optIn(source: ConsentSource, at: Instant) {
        record(ConsentEvent(kind: .optIn, at: at, source: source))
    }

    /// Records a revocation by `keyword` (the keyword or phrase the recipient used) at `at`.
    public mutating func optOut(keyword: String, at: Instant) {
        record(ConsentEvent(kind: .optOut, at: at, keyword: keyword))
    }

    /// Appends `event` after every event at or before its time (late records slot into place; nothing is lost).
    public mutating func record(_ event: ConsentEvent) {
        if let last = events.last, last.at > event.at {
            var low = 0
            var high = events.count
            while low < high {
                let mid = (low + high) / 2
                if events[mid].at <= event.at { low = mid + 1 } else { high = mid }
            }
            events.insert(event, at: low)
        } else {
            events.append(event)
        }
    }

    /// The last event at or before `instant`, which decides consent then.
    /// - Complexity: O(log n).
    public func latest(at instant: Instant) -> ConsentEvent? {
        var low = 0
        var high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].at <= instant { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : events[low - 1]
    }

    /// True when the recipient's last word at `instant` was an opt-out.
    public func isOptedOut(at instant: Instant) -> Bool {
        latest(at: instant)?.kind == .optOut
    }

    /// Whether marketing may go out at `instant`: only after an opt-in that no later opt-out revoked.
    public func mayMarket(at instant: Instant) -> ConsentDecision {
        guard let event = latest(at: instant) else {
            return ConsentDecision(allowed: false, reason: "no opt-in on record")
        }
        switch event.kind {
        case .optIn:
            let source = event.source?.rawValue ?? "unknown source"
            return ConsentDecision(allowed: true, reason: "opted in via \(source) at \(event.at.iso8601)")
        case .optOut:
            let keyword = event.keyword.map { " by \"\($0)\"" } ?? ""
            return ConsentDecision(allowed: false, reason: "opted out\(keyword) at \(event.at.iso8601)")
        }
    }
}
