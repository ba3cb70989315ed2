/// Why a text is being sent: decides which checks apply.
public enum MessagePurpose: String, Codable, Sendable, CaseIterable {
    /// Promotions and campaigns: need consent and no open review hold, obey quiet hours and caps.
    case marketing
    /// Order updates and replies the customer asked for: no marketing consent needed, still never to an
    /// opted-out number.
    case transactional
    /// Opt-out confirmations and help replies: always sent at once (within 5 minutes, CTIA §5.1.3).
    case compliance
}

/// What the gate says about one outbound text.
public enum GateDecision: Hashable, Codable, Sendable {
    case send
    /// Allowed later: outside quiet hours or a cap window; `until` is the first instant it may go.
    case deferred(until: Instant, hold: SendHold)
    /// Not allowed at all (no consent, opted out, no valid number).
    case suppressed(SendHold)
}

/// Everything the gate needs to know about one recipient.
public struct RecipientCompliance: Hashable, Codable, Sendable {
    public var phone: PhoneNumber?
    /// IANA zones the recipient may be in (several when the area code spans zones).
    public var timeZones: [String]
    /// State of the phone's area code.
    public var state: String?
    /// State of residence when known (from the consent record); its rules apply as well as the area code's.
    public var residenceState: String?
    public var consent: ConsentHistory
    public var sends: SendHistory

    public init(
        phone: PhoneNumber?,
        timeZones: [String],
        state: String?,
        residenceState: String? = nil,
        consent: ConsentHistory = ConsentHistory(),
        sends: SendHistory = SendHistory()
    ) {
        self.phone = phone
        self.timeZones = timeZones
        self.state = state
        self.residenceState = residenceState
        self.consent = consent
        self.sends = sends
    }

    /// A recipient whose zones and state come from the phone's area code.
    public init(
        phone: PhoneNumber,
        directory: AreaCodeDirectory = .nanp,
        residenceState: String? = nil,
        consent: ConsentHistory = ConsentHistory(),
        sends: SendHistory = SendHistory()
    ) {
        let info = directory.lookup(phone.areaCode)
        self.init(
            phone: phone,
            timeZones: info?.timeZones ?? [],
            state: info?.state,
            residenceState: residenceState,
            consent: consent,
            sends: sends
        )
    }

    /// Every zone the recipient may be in: the area code's `timeZones`, then the zones of the residence state
    /// (every zone its area codes use, from `AreaCodeDirectory.nanp`), since a known resident is in that state
    /// whatever the number says (compliance.md §3.3). Empty when `timeZones` is: an unknown zone falls back to
    /// every US zone, which already covers the state.
    public var candidateTimeZones: [String] {
        guard !timeZones.isEmpty, let residenceState else { return timeZones }
        var zones = timeZones
        for zone in AreaCodeDirectory.nanp.timeZones(inState: residenceState) where !zones.contains(zone) {
            zones.append(zone)
        }
        return zones
    }

    /// Every state whose rules apply: the area code's and the residence's.
    public var states: [String] {
        var states: [String] = []
        for state in [state, residenceState].compactMap({ $0 }) where !states.contains(state) { states.append(state) }
        return states
    }
}

/// The single check every outbound text passes: number, opt-out, consent, frequency caps and quiet hours.
public struct OutboundGate: Sendable {
    public var quietHours: QuietHoursPolicy
    /// The brand's own caps; statutory same-subject caps are added for FL, OK and MD recipients.
    public var cap: FrequencyCap
    /// Quiet hours bind marketing always; transactional texts too unless this is false (compliance.md §3.1).
    public var quietHoursApplyToTransactional: Bool

    public init(quietHours: QuietHoursPolicy, cap: FrequencyCap, quietHoursApplyToTransactional: Bool = true) {
        self.quietHours = quietHours
        self.cap = cap
        self.quietHoursApplyToTransactional = quietHoursApplyToTransactional
    }

    /// The standard quiet-hours policy, statutory caps only.
    public static let standard = OutboundGate(quietHours: .standard, cap: .none)

    /// Decides whether a text on `subject` for `purpose` may go to `recipient` at `at`.
    ///
    /// Order: compliance replies always go; then a valid number, an opt-out (of scope `all`: every purpose, as the
    /// carrier would with error 21610; of scope `marketing`: marketing only), consent and open review holds (marketing only), frequency caps
    /// (marketing only: the brand's and the state's same-subject caps), quiet hours. The gate does not record
    /// anything: once a text goes out, call `recipient.sends.record(subject:at:)`.
    public func check(
        _ recipient: RecipientCompliance,
        purpose: MessagePurpose,
        subject: String,
        at: Instant
    ) -> GateDecision {
        check(recipient, schedule: quietHours.schedule(for: recipient), purpose: purpose, subject: subject, at: at)
    }

    /// The same check with the recipient's quiet-hours schedule resolved in advance (the simulator's hot path).
    public func check(
        _ recipient: RecipientCompliance,
        schedule: QuietHoursPolicy.Schedule,
        purpose: MessagePurpose,
        subject: String,
        at: Instant
    ) -> GateDecision {
        if purpose == .compliance { return .send }
        guard recipient.phone != nil else { return .suppressed(SendHold(.noPhone, reason: "no valid phone number")) }
        let standing = recipient.consent.standing(at: at)
        if let optOut = standing.consent, optOut.kind == .optOut, (optOut.scope ?? .all).covers(purpose) {
            return .suppressed(SendHold(.optedOut, reason: recipient.consent.mayMarket(at: at).reason))
        }
        let isMarketing = purpose == .marketing
        if isMarketing && (standing.consent == nil || standing.openHold != nil) {
            let cause: SendHold.Cause = standing.consent == nil ? .noConsent : .reviewHold
            return .suppressed(SendHold(cause, reason: recipient.consent.mayMarket(at: at).reason))
        }
        guard isMarketing || quietHoursApplyToTransactional else { return .send }
        let brandLimit =
            isMarketing
            ? FrequencyCap.firstBlocking(cap.limits, recipient.sends, subject: subject, at: at) : nil
        let stateLimit =
            isMarketing && brandLimit == nil
            ? FrequencyCap.firstBlocking(schedule.sameSubjectCaps, recipient.sends, subject: subject, at: at) : nil
        let quietAllowed = schedule.isAllowed(at: at)
        if brandLimit == nil && stateLimit == nil && quietAllowed { return .send }
        let hold: SendHold
        if let limit = brandLimit {
            hold = SendHold(.frequencyCap, rule: "brand cap", reason: "frequency cap: \(limit)")
        } else if let limit = stateLimit {
            let rule = schedule.rules.first { $0.sameSubjectCap == limit }?.name
            hold = SendHold(.frequencyCap, rule: rule, reason: "frequency cap: \(limit)")
        } else {
            hold = schedule.blockingHold(at: at) ?? SendHold(.quietHours, reason: "quiet hours")
        }
        let caps = isMarketing ? cap.adding(schedule.sameSubjectCaps) : FrequencyCap.none
        var candidate = at
        for _ in 0..<32 {
            let capped = caps.nextAllowed(recipient.sends, subject: subject, after: candidate)
            let open = schedule.nextAllowed(after: capped)
            candidate = open
            if open == capped && caps.allows(recipient.sends, subject: subject, at: open) { break }
        }
        return .deferred(until: candidate, hold: hold)
    }
}

extension QuietHoursPolicy {
    /// Resolves `recipient` once: every candidate zone (area code and residence state) and every applicable
    /// state's rules, so each state's hours are checked on each clock the person may be on.
    public func schedule(for recipient: RecipientCompliance) -> Schedule {
        schedule(timeZones: recipient.candidateTimeZones, states: recipient.states)
    }
}
