import Analytics

extension AuditReport {
    /// The report section for an audit: one check per rule (a rule the log could not fully support is a warning
    /// with its advisory in the note), then the findings with their message ids.
    public init(
        from audit: AuditResult,
        title: String = "Compliance audit",
        maxListed: Int = 50,
        csvName: String? = "audit.csv"
    ) {
        let checks = audit.checks.map { check in
            Check(
                rule: check.rule.rawValue,
                description: check.rule.description,
                findingCount: check.findingCount,
                state: check.findingCount > 0 ? .problem : (check.advisory == nil ? .ok : .warning)
            )
        }
        let findings = audit.findings.map { finding in
            Finding(
                rule: finding.rule.rawValue,
                summary: finding.summary,
                at: finding.at,
                customer: finding.customer,
                messageIDs: finding.messageIDs
            )
        }
        var notes = [
            "Run \(audit.runID) (\(audit.runKind)): \(audit.customersChecked) customers and "
                + "\(audit.outboundChecked) outbound texts checked."
        ]
        notes += audit.checks.compactMap { check in check.advisory.map { "\(check.rule.rawValue): \($0)." } }
        self.init(
            title: title,
            checks: checks,
            findings: findings,
            maxListed: maxListed,
            csvName: csvName,
            note: notes.joined(separator: " ")
        )
    }
}
