/// One breach of one rule, with the messages that show it.
public struct AuditFinding: Sendable, Hashable {
    public let rule: AuditRule
    public let customerID: Int64
    /// The customer as the log stores it (masked, "+1 415 ***-**23").
    public let customer: String
    /// When it happened (UTC epoch milliseconds): the offending send, or the opt-out left unconfirmed.
    public let at: Int64
    /// What happened, e.g. "marketing text at 21:14 in America/Los_Angeles, outside 08:00–21:00 (Federal…)".
    public let summary: String
    /// The provider's Sid where the log has one, else the run's message id.
    public let messageIDs: [String]

    public init(rule: AuditRule, customerID: Int64, customer: String, at: Int64, summary: String, messageIDs: [String])
    {
        self.rule = rule
        self.customerID = customerID
        self.customer = customer
        self.at = at
        self.summary = summary
        self.messageIDs = messageIDs
    }
}

/// How one rule fared on the run.
public struct AuditCheck: Sendable, Hashable {
    public let rule: AuditRule
    public let findingCount: Int
    /// Set when the log cannot support the check in full (e.g. an import with no consent records), saying what
    /// was not checked.
    public let advisory: String?

    public init(rule: AuditRule, findingCount: Int, advisory: String? = nil) {
        self.rule = rule
        self.findingCount = findingCount
        self.advisory = advisory
    }

    public var passed: Bool { findingCount == 0 }
}

/// The audit of one run: every rule with its count, then every finding.
public struct AuditResult: Sendable, Hashable {
    public let runID: Int64
    /// "simulation" or "import".
    public let runKind: String
    public let customersChecked: Int
    public let outboundChecked: Int
    /// One per rule, in `AuditRule` order.
    public let checks: [AuditCheck]
    /// By rule, then time, then customer.
    public let findings: [AuditFinding]

    public init(
        runID: Int64,
        runKind: String,
        customersChecked: Int,
        outboundChecked: Int,
        checks: [AuditCheck],
        findings: [AuditFinding]
    ) {
        self.runID = runID
        self.runKind = runKind
        self.customersChecked = customersChecked
        self.outboundChecked = outboundChecked
        self.checks = checks
        self.findings = findings
    }

    /// True when no rule found anything (advisories do not count).
    public var isClean: Bool { findings.isEmpty }

    public func findings(for rule: AuditRule) -> [AuditFinding] { findings.filter { $0.rule == rule } }
}
