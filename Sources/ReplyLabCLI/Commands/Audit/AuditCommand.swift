import Analytics
import JSONDocument
import Messaging
import Store

/// `replylab audit --db FILE [--run ID] [--json]`: the compliance audit of a simulated or imported run; exit 1
/// when it finds violations, so a CI step or a pre-launch script can stop on it.
struct AuditCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "audit",
            abstract: "Check a run for compliance violations: quiet hours, opt-outs, consent, caps, confirmations.",
            discussion: """
                Rules: outbound inside quiet hours (recipient's local time, federal and state rules); outbound after \
                an opt-out (marketing only when the opt-out covered marketing); marketing without consent; \
                frequency cap breaches (FL/OK/MD same-subject caps, plus --brand-cap); opt-out confirmation missing \
                or later than 5 minutes. Each finding lists its message ids (the Twilio Sid where there is one).
                Exit status: 0 clean, 1 violations found.
                Example: replylab audit --db runs.sqlite --run 2
                """,
            options: [
                .option("db", value: "file", help: "The event log (SQLite) holding the run."),
                .option("run", value: "id", help: "Run to audit (default: the newest simulated or imported run)."),
                .option(
                    "brand-cap",
                    value: "none|standard",
                    help:
                        "Brand caps on top of the state caps: none (default) or standard (3/24 h per subject, 10/7 d)."
                ),
                .flag(
                    "quiet-hours-marketing-only",
                    help: "Hold only marketing texts to quiet hours (default: transactional too, as the gate does)."
                ),
                .option("limit", value: "n", help: "Findings to print in text output (default 50; --json has all)."),
                .flag("json", help: "Print one JSON object with every check and finding."),
            ]
        )
    }

    let database: String
    let runID: Int64?
    let policy: AuditPolicy
    let limit: Int
    let json: Bool

    init(arguments: ParsedArguments) throws {
        guard let path = arguments.value("db"), !path.isEmpty else {
            throw UsageError("missing --db; type --db FILE, the event log holding the run (e.g. --db runs.sqlite)")
        }
        database = path
        if let text = arguments.value("run") {
            guard let id = Int64(text), id > 0 else {
                throw UsageError("--run expects a run id such as 2 (see 'replylab db info \(path)'), got '\(text)'")
            }
            runID = id
        } else {
            runID = nil
        }
        let brandCap: FrequencyCap
        switch arguments.value("brand-cap") ?? "none" {
        case "none": brandCap = .none
        case "standard": brandCap = .standard
        case let other:
            throw UsageError("--brand-cap expects none or standard, got '\(other)'")
        }
        policy = AuditPolicy(
            brandCap: brandCap,
            quietHoursApplyToTransactional: !arguments.flag("quiet-hours-marketing-only")
        )
        limit = try arguments.integer("limit", in: 0...Int.max) ?? 50
        json = arguments.flag("json")
    }

    func run(_ console: Console) throws -> Int32 {
        let store = try Database(path: database, mode: .readOnly)
        let result: AuditResult
        do {
            result = try ComplianceAudit.run(store, runID: runID, policy: policy)
        } catch let error as AuditError {
            if case .noSuchRun = error { throw UsageError("\(error); pick one with --run ID") }
            throw error
        }
        if json {
            console.out(Self.json(result))
        } else {
            Self.text(result, limit: limit, console: console)
        }
        return result.isClean ? ExitStatus.success : ExitStatus.failure
    }

    static func json(_ result: AuditResult) -> String {
        let checks: [JSONValue] = result.checks.map { check in
            .object([
                (key: "rule", value: .string(check.rule.rawValue)),
                (key: "description", value: .string(check.rule.description)),
                (key: "findings", value: .number(Double(check.findingCount))),
                (key: "advisory", value: check.advisory.map(JSONValue.string) ?? .null),
            ])
        }
        let findings: [JSONValue] = result.findings.map { finding in
            .object([
                (key: "rule", value: .string(finding.rule.rawValue)),
                (key: "at", value: .number(Double(finding.at))),
                (key: "at_utc", value: .string(Instant(epochMilliseconds: finding.at).iso8601)),
                (key: "customer_id", value: .number(Double(finding.customerID))),
                (key: "customer", value: .string(finding.customer)),
                (key: "summary", value: .string(finding.summary)),
                (key: "message_ids", value: .array(finding.messageIDs.map(JSONValue.string))),
            ])
        }
        return StatsOutput.object([
            ("run", .number(Double(result.runID))),
            ("run_kind", .string(result.runKind)),
            ("clean", .bool(result.isClean)),
            ("customers", .number(Double(result.customersChecked))),
            ("outbound", .number(Double(result.outboundChecked))),
            ("violations", .number(Double(result.findings.count))),
            ("checks", .array(checks)),
            ("findings", .array(findings)),
        ])
    }

    static func text(_ result: AuditResult, limit: Int, console: Console) {
        console.out(
            "Compliance audit of run \(result.runID) (\(result.runKind)): \(result.customersChecked) customers, "
                + "\(result.outboundChecked) outbound texts"
        )
        for check in result.checks {
            let mark = check.findingCount > 0 ? "FAIL" : (check.advisory == nil ? "ok  " : "note")
            console.out("  \(mark)  \(check.findingCount)  \(check.rule.rawValue): \(check.rule.description)")
            if let advisory = check.advisory { console.out("              \(advisory)") }
        }
        guard !result.isClean else {
            console.out("No violations.")
            return
        }
        console.out()
        console.out("\(result.findings.count) violation(s):")
        for finding in result.findings.prefix(limit) {
            console.out(
                "  \(Instant(epochMilliseconds: finding.at).iso8601)  \(finding.rule.rawValue)  \(finding.customer)  "
                    + finding.summary
            )
            console.out(
                "      messages: \(finding.messageIDs.isEmpty ? "(none logged)" : finding.messageIDs.joined(separator: ", "))"
            )
        }
        if result.findings.count > limit {
            console.out("  … \(result.findings.count - limit) more; --json lists them all")
        }
    }
}
