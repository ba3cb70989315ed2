/// Why a text was held back or deferred, in a word the event log stores and a sentence an auditor reads.
///
/// `cause` raw values are the event log's `suppressions.reason` vocabulary, so a producer records a hold
/// without parsing sentences; `rule` names the statute or cap that applied when one did.
public struct SendHold: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The check that held the text.
    public enum Cause: String, Codable, Sendable, CaseIterable {
        /// Outside the recipient's allowed local hours; deferred, not dropped.
        case quietHours = "quiet_hours"
        /// A holiday on which a state forbids marketing texts; deferred to the next allowed day.
        case holiday
        /// A rolling-window cap (the brand's or a state's same-subject cap); deferred.
        case frequencyCap = "frequency_cap"
        /// No recorded marketing consent.
        case noConsent = "no_consent"
        /// The recipient opted out (every purpose but compliance replies).
        case optedOut = "opted_out"
        /// An ambiguous reply is waiting for a person to decide whether it revoked consent.
        case reviewHold = "review_hold"
        /// The recipient has no valid number to send to.
        case noPhone = "no_phone"
        /// The text's template had no value for a field and no default, so it would print with a gap.
        case templateGap = "template_gap"
    }

    public var cause: Cause
    /// The rule that applied, e.g. "Florida Telephone Solicitation Act" or "brand cap"; nil when none is named.
    public var rule: String?
    /// One sentence saying why, with times and zones.
    public var reason: String

    public init(_ cause: Cause, rule: String? = nil, reason: String) {
        self.cause = cause
        self.rule = rule
        self.reason = reason
    }

    public var description: String { reason }

    /// What kind of rule held the text (issue 13 item 5): a calling-hours rule, a holiday calendar, a cap, or
    /// the recipient's consent, number or the text itself.
    public enum RuleKind: String, Codable, Sendable, CaseIterable {
        /// A federal or state calling-hours window (`rule` names it: "Federal", "Texas").
        case hours
        /// A state's holiday calendar (`rule`: "Louisiana").
        case calendar
        /// A frequency cap: the brand's or a state's same-subject cap (`rule`: "brand cap", "Florida").
        case cap
        case consent
        case number
        case template
    }

    public var ruleKind: RuleKind {
        switch cause {
        case .quietHours: return .hours
        case .holiday: return .calendar
        case .frequencyCap: return .cap
        case .noConsent, .optedOut, .reviewHold: return .consent
        case .noPhone: return .number
        case .templateGap: return .template
        }
    }

    /// "Texas quiet hours", "Louisiana holiday calendar", "Florida same-subject cap", "brand cap", "opted out".
    public var ruleLabel: String {
        switch cause {
        case .quietHours: return "\(rule ?? "Federal") quiet hours"
        case .holiday: return "\(rule ?? "state") holiday calendar"
        case .frequencyCap:
            guard let rule, rule != "brand cap" else { return "brand cap" }
            return "\(rule) same-subject cap"
        default: return cause.rawValue.replacingPlaceholder("_", with: " ")
        }
    }
}
