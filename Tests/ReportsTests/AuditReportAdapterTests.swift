import Analytics
import Testing

@testable import Reports

/// The audit as the report section reads it: rules map one to one, advisories become warnings, ids pass through.
@Suite struct AuditReportAdapterTests {
    @Test func checksFindingsAndNotes() {
        let audit = AuditResult(
            runID: 3,
            runKind: "import",
            customersChecked: 12,
            outboundChecked: 40,
            checks: AuditRule.allCases.map { rule in
                AuditCheck(
                    rule: rule,
                    findingCount: rule == .quietHours ? 1 : 0,
                    advisory: rule == .noConsent ? "consent not recorded" : nil
                )
            },
            findings: [
                AuditFinding(
                    rule: .quietHours,
                    customerID: 4,
                    customer: "+1 415 ***-**23",
                    at: 1_780_000_000_000,
                    summary: "marketing text: quiet hours",
                    messageIDs: ["SM00005ca1ab1e00000000000000000011"]
                )
            ]
        )
        let report = AuditReport(from: audit)
        #expect(report.checks.map(\.rule) == AuditRule.allCases.map(\.rawValue))
        #expect(report.checks.map(\.state) == [.problem, .ok, .ok, .warning, .ok, .ok])
        #expect(report.findings.first?.messageIDs == ["SM00005ca1ab1e00000000000000000011"])
        #expect(report.findings.first?.customer == "+1 415 ***-**23")
        #expect(report.note?.contains("Run 3 (import): 12 customers and 40 outbound texts checked.") == true)
        #expect(report.note?.contains("no_consent: consent not recorded.") == true)
        #expect(report.csvName == "audit.csv")
    }
}
