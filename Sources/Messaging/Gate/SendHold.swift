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
}
