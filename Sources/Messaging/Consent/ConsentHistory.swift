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
        /// A reply that may be a revocation ("not interested") holds marketing until a person decides.
        case reviewHold = "review_hold"
        /// The person decided it was not a revocation; consent stands as it was.
        case reviewReleased = "review_released"
    }

    public var kind: Kind
    public var at: Instant
    /// For opt-ins: how consent was given.
    public var source: ConsentSource?
    /// For opt-outs and review holds: the keyword or phrase the recipient used ("STOP", "not interested").
    public var keyword: String?
    /// For opt-outs: what the opt-out covers; nil (older records) reads as `.all`, the conservative side.
    public var scope: OptOutScope?

    public init(
        kind: Kind,
        at: Instant,
        source: ConsentSource? = nil,
        keyword: String? = nil,
        scope: OptOutScope? = nil
    ) {
        self.kind = kind
        self.at = at
        self.source = source
        self.keyword = keyword
        self.scope = scope
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

    /// Records a revocation by `keyword` (the keyword or phrase the recipient used) at `at`, covering `scope`.
    public mutating func optOut(keyword: String, at: Instant, scope: OptOutScope = .all) {
        record(ConsentEvent(kind: .optOut, at: at, keyword: keyword, scope: scope))
    }

    /// Holds marketing from `at` until `releaseReview(at:)`, an opt-out or an opt-in, because the reply
    /// `phrase` might be a revocation (compliance.md §1.4: queue ambiguous replies, suppress meanwhile).
    public mutating func holdForReview(phrase: String, at: Instant) {
        record(ConsentEvent(kind: .reviewHold, at: at, keyword: phrase))
    }

    /// Ends a review hold: a person read the reply and it was not a revocation.
    public mutating func releaseReview(at: Instant) {
        record(ConsentEvent(kind: .reviewReleased, at: at))
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

    /// The last event of any kind at or before `instant`.
    /// - Complexity: O(log n).
    public func latest(at instant: Instant) -> ConsentEvent? {
        let end = endIndex(at: instant)
        return end == 0 ? nil : events[end - 1]
    }

    /// The last opt-in or opt-out at or before `instant`, and the review hold still open after it, if any.
    /// - Complexity: O(log n + k) for k review events after the last opt-in or opt-out.
    public func standing(at instant: Instant) -> (consent: ConsentEvent?, openHold: ConsentEvent?) {
        var openHold: ConsentEvent?
        var released = false
        var index = endIndex(at: instant)
        while index > 0 {
            index -= 1
            let event = events[index]
            switch event.kind {
            case .optIn, .optOut: return (event, openHold)
            case .reviewReleased: if openHold == nil { released = true }
            case .reviewHold: if openHold == nil && !released { openHold = event }
            }
        }
        return (nil, openHold)
    }

    /// Index after the last event at or before `instant`.
    private func endIndex(at instant: Instant) -> Int {
        var low = 0
        var high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].at <= instant { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// True when the recipient's last word on consent at `instant` was an opt-out.
    public func isOptedOut(at instant: Instant) -> Bool {
        standing(at: instant).consent?.kind == .optOut
    }

    /// The scope of the opt-out in force at `instant`, or nil when the recipient is not opted out.
    public func optOutScope(at instant: Instant) -> OptOutScope? {
        guard let event = standing(at: instant).consent, event.kind == .optOut else { return nil }
        return event.scope ?? .all
    }

    /// True when a text for `purpose` at `instant` is barred by an opt-out.
    public func isOptedOut(of purpose: MessagePurpose, at instant: Instant) -> Bool {
        optOutScope(at: instant)?.covers(purpose) ?? false
    }

    /// Whether marketing may go out at `instant`: only after an opt-in that no later opt-out revoked.
    public func mayMarket(at instant: Instant) -> ConsentDecision {
        let standing = standing(at: instant)
        guard let event = standing.consent else {
            return ConsentDecision(allowed: false, reason: "no opt-in on record")
        }
        if event.kind == .optOut {
            let keyword = event.keyword.map { " by \"\($0)\"" } ?? ""
            let scope = event.scope == .marketing ? " of marketing" : ""
            return ConsentDecision(allowed: false, reason: "opted out\(scope)\(keyword) at \(event.at.iso8601)")
        }
        if let hold = standing.openHold {
            let phrase = hold.keyword.map { " of \"\($0)\"" } ?? ""
            return ConsentDecision(allowed: false, reason: "held for review\(phrase) since \(hold.at.iso8601)")
        }
        let source = event.source?.rawValue ?? "unknown source"
        return ConsentDecision(allowed: true, reason: "opted in via \(source) at \(event.at.iso8601)")
    }
}
