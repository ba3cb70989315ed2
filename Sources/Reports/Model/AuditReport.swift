/// The compliance audit: every rule checked with its count, then the findings with their message ids.
public struct AuditReport: Sendable, Hashable {
    public struct Check: Sendable, Hashable {
        /// Stable rule id, e.g. "quiet_hours".
        public var rule: String
        /// "Outbound inside quiet hours (recipient's local time, state rules)".
        public var description: String
        public var findingCount: Int
        /// Problem for violations, warning for advisories, OK when clean.
        public var state: HealthState

        public init(rule: String, description: String, findingCount: Int, state: HealthState? = nil) {
            self.rule = rule
            self.description = description
            self.findingCount = findingCount
            self.state = state ?? (findingCount == 0 ? .ok : .problem)
        }
    }

    public struct Finding: Sendable, Hashable {
        public var rule: String
        /// What happened, e.g. "Campaign text sent 21:14 local time (CA, 8 am–9 pm)".
        public var summary: String
        /// When (UTC epoch milliseconds).
        public var at: Int64?
        /// The customer as the log stores it (already masked, or masked here when it is a number).
        public var customer: String?
        /// Message ids, the provider's Sid where there is one.
        public var messageIDs: [String]

        public init(rule: String, summary: String, at: Int64? = nil, customer: String? = nil, messageIDs: [String]) {
            self.rule = rule
            self.summary = summary
            self.at = at
            self.customer = customer
            self.messageIDs = messageIDs
        }
    }

    public var title: String
    public var checks: [Check]
    public var findings: [Finding]
    /// The HTML lists at most this many findings (the CSV has all).
    public var maxListed: Int
    public var csvName: String?
    public var note: String?

    public init(
        title: String,
        checks: [Check],
        findings: [Finding],
        maxListed: Int = 50,
        csvName: String? = nil,
        note: String? = nil
    ) {
        self.title = title
        self.checks = checks
        self.findings = findings
        self.maxListed = maxListed
        self.csvName = csvName
        self.note = note
    }
}
