/// The rules the compliance audit checks, each with a stable id (the report's and the CSV's key) and the sentence
/// a reader sees.
public enum AuditRule: String, Sendable, Hashable, CaseIterable, Comparable {
    case quietHours = "quiet_hours"
    case afterOptOut = "after_opt_out"
    case noConsent = "no_consent"
    case frequencyCap = "frequency_cap"
    case optOutConfirmation = "opt_out_confirmation"

    public var description: String {
        switch self {
        case .quietHours: "Outbound inside quiet hours (recipient's local time, federal and state rules)"
        case .afterOptOut: "Outbound after an opt-out (marketing only when the opt-out's scope is marketing)"
        case .noConsent: "Marketing without consent (no opt-in on record, or a reply held for review)"
        case .frequencyCap: "Frequency cap breaches (state same-subject caps and the brand's caps)"
        case .optOutConfirmation: "Opt-out confirmation missing or later than 5 minutes"
        }
    }

    /// Declaration order, so findings list rule by rule the same way every time.
    public static func < (lhs: AuditRule, rhs: AuditRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
