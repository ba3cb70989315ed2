import EventLog
import Messaging
import Store

/// The compliance audit of one run, simulated or imported: reads the log with three ordered SELECTs (customers,
/// messages, consent events, each by customer then time), merges them customer by customer and replays each
/// customer's sends through `CustomerAudit`.
///
/// The SQL is plain ANSI (no SQLite-only functions), so it runs as is on DuckDB or a warehouse export.
/// - Complexity: O(rows) reading, memory of one customer's rows at a time.
public enum ComplianceAudit {
    static let customerSQL = """
        SELECT customer_id, masked_phone, time_zone, state, attributes_json
        FROM customers WHERE run_id = ? ORDER BY customer_id
        """
    static let messageSQL = """
        SELECT customer_id, message_id, direction, kind, purpose, at, subject, flow_node, external_id, category
        FROM messages WHERE run_id = ? ORDER BY customer_id, at, message_id
        """
    static let consentSQL = """
        SELECT customer_id, kind, at, keyword, source, scope
        FROM consent_events WHERE run_id = ? ORDER BY customer_id, at, event_id
        """

    /// The runs an audit can read (simulations and imports), oldest first.
    public static func auditableRuns(in database: Database) throws -> [(id: Int64, kind: String)] {
        let statement = try database.prepare(
            "SELECT id, kind FROM runs WHERE kind IN ('simulation', 'import') ORDER BY id"
        )
        var runs: [(id: Int64, kind: String)] = []
        while try statement.step() { runs.append((try statement.column(0), try statement.column(1))) }
        return runs
    }

    /// Audits `runID`, or the newest simulated or imported run when nil.
    /// - Throws: `AuditError` for a missing run, `StoreError`/`SQLiteError` for an unreadable log.
    public static func run(
        _ database: Database,
        runID: Int64? = nil,
        policy: AuditPolicy = .standard
    ) throws -> AuditResult {
        try EventLogSchema.requireCurrent(database)
        let runs = try auditableRuns(in: database)
        guard let latest = runs.last else { throw AuditError.noRuns }
        let chosen = runID ?? latest.id
        guard let run = runs.first(where: { $0.id == chosen }) else {
            throw AuditError.noSuchRun(id: chosen, available: runs.map(\.id))
        }

        let customers = try database.prepare(customerSQL)
        let messages = try database.prepare(messageSQL)
        let consent = try database.prepare(consentSQL)
        for statement in [customers, messages, consent] { try statement.bind(run.id, at: 1) }
        var messageCursor = try MessageCursor(messages)
        var consentCursor = try ConsentCursor(consent)

        var schedules = ScheduleCache(policy: policy)
        var findings: [AuditFinding] = []
        var customerCount = 0
        var outboundCount = 0
        var uncheckedMarketing = 0
        var uncheckedCustomers = 0
        var unknownZoneCustomers = 0
        var customerMessages: [AuditedMessage] = []
        var customerEvents: [AuditedConsentEvent] = []

        while try customers.step() {
            let customerID: Int64 = try customers.column(0)
            let masked: String = try customers.column(1)
            let zone: String = try customers.column(2)
            let state: String = try customers.column(3)
            let baseline = BaselineConsent.from(attributesJSON: try customers.column(4))
            customerCount += 1
            try messageCursor.take(customer: customerID, into: &customerMessages)
            try consentCursor.take(customer: customerID, into: &customerEvents)
            outboundCount += customerMessages.count { $0.isOutbound }

            let (schedule, zoneKnown) = schedules.schedule(maskedPhone: masked, timeZone: zone, state: state)
            if !zoneKnown { unknownZoneCustomers += 1 }
            var audit = CustomerAudit(customerID: customerID, customer: masked, schedule: schedule, policy: policy)
            findings += audit.findings(messages: customerMessages, events: customerEvents, baseline: baseline)
            if audit.uncheckedMarketing > 0 {
                uncheckedMarketing += audit.uncheckedMarketing
                uncheckedCustomers += 1
            }
        }

        findings.sort {
            ($0.rule, $0.at, $0.customerID, $0.messageIDs.first ?? "")
                < ($1.rule, $1.at, $1.customerID, $1.messageIDs.first ?? "")
        }
        var counts: [AuditRule: Int] = [:]
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        let checks = AuditRule.allCases.map { rule -> AuditCheck in
            var advisory: String?
            if rule == .noConsent && uncheckedMarketing > 0 {
                advisory =
                    "the log records no consent for \(uncheckedCustomers) customer(s) who got \(uncheckedMarketing) "
                    + "marketing text(s) (imports carry no opt-ins); those texts were not checked"
            }
            if rule == .quietHours && unknownZoneCustomers > 0 {
                advisory =
                    "\(unknownZoneCustomers) customer(s) had no known time zone and were checked against every "
                    + "US zone"
            }
            return AuditCheck(rule: rule, findingCount: counts[rule] ?? 0, advisory: advisory)
        }
        return AuditResult(
            runID: run.id,
            runKind: run.kind,
            customersChecked: customerCount,
            outboundChecked: outboundCount,
            checks: checks,
            findings: findings
        )
    }
}

/// Quiet-hours schedules by (area code, zone, state): a run has a few hundred distinct ones, so each is built once.
private struct ScheduleCache {
    let policy: AuditPolicy
    var built: [String: (QuietHoursPolicy.Schedule, Bool)] = [:]

    init(policy: AuditPolicy) { self.policy = policy }

    /// The recipient's schedule: the area code's zones and state (the masked phone keeps the area code), the
    /// logged zone, and the logged state as residence, as the gate resolves a recipient; and whether any zone
    /// was known.
    mutating func schedule(maskedPhone: String, timeZone: String, state: String) -> (QuietHoursPolicy.Schedule, Bool) {
        let areaCode = Self.areaCode(maskedPhone)
        let key = "\(areaCode ?? 0)|\(timeZone)|\(state)"
        if let found = built[key] { return found }
        let info = areaCode.flatMap { policy.directory.lookup($0) }
        var zones = info?.timeZones ?? []
        if !timeZone.isEmpty,
            policy.quietHours.table(named: timeZone) != nil || UTCOffsetTable(zoneName: timeZone) != nil,
            !zones.contains(timeZone)
        {
            zones.append(timeZone)
        }
        let recipient = RecipientCompliance(
            phone: nil,
            timeZones: zones,
            state: info?.state,
            residenceState: state.isEmpty ? nil : state
        )
        let result = (policy.quietHours.schedule(for: recipient), !zones.isEmpty)
        built[key] = result
        return result
    }

    /// 415 from "+1 415 ***-**23" (or a full "+14155550123"); nil when the text has no NANP area code.
    static func areaCode(_ phone: String) -> Int? {
        let digits = phone.utf8.prefix(8).filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard phone.hasPrefix("+1"), digits.count >= 4 else { return nil }
        var code = 0
        for digit in digits[1...3] { code = code * 10 + Int(digit - UInt8(ascii: "0")) }
        return code
    }
}

/// Walks the message SELECT one customer at a time.
private struct MessageCursor {
    let statement: Statement
    var pending: (customer: Int64, message: AuditedMessage)?

    init(_ statement: Statement) throws {
        self.statement = statement
        pending = try Self.read(statement)
    }

    /// Replaces `buffer` with `customer`'s rows; rows of customers missing from the customers table are skipped.
    mutating func take(customer: Int64, into buffer: inout [AuditedMessage]) throws {
        buffer.removeAll(keepingCapacity: true)
        while let row = pending, row.customer <= customer {
            if row.customer == customer { buffer.append(row.message) }
            pending = try Self.read(statement)
        }
    }

    private static func read(_ statement: Statement) throws -> (customer: Int64, message: AuditedMessage)? {
        guard try statement.step() else { return nil }
        let direction: String = try statement.column(2)
        let kindText: String = try statement.column(3)
        let purposeText: String? = try statement.column(4)
        let message = AuditedMessage(
            id: try statement.column(1),
            externalID: try statement.column(8),
            isOutbound: direction == MessageDirection.outbound.rawValue,
            kind: MessageKind(rawValue: kindText) ?? .customer,
            purpose: purposeText.flatMap(MessagePurpose.init(rawValue:)),
            at: try statement.column(5),
            subject: try statement.column(6),
            flowNode: try statement.column(7),
            category: try statement.column(9)
        )
        return (try statement.column(0), message)
    }
}

/// Walks the consent SELECT one customer at a time.
private struct ConsentCursor {
    let statement: Statement
    var pending: (customer: Int64, event: AuditedConsentEvent)?

    init(_ statement: Statement) throws {
        self.statement = statement
        pending = try Self.read(statement)
    }

    mutating func take(customer: Int64, into buffer: inout [AuditedConsentEvent]) throws {
        buffer.removeAll(keepingCapacity: true)
        while let row = pending, row.customer <= customer {
            if row.customer == customer { buffer.append(row.event) }
            pending = try Self.read(statement)
        }
    }

    private static func read(_ statement: Statement) throws -> (customer: Int64, event: AuditedConsentEvent)? {
        guard try statement.step() else { return nil }
        let kindText: String = try statement.column(1)
        let scopeText: String? = try statement.column(5)
        guard let kind = ConsentEventKind(rawValue: kindText) else { return try read(statement) }
        let event = AuditedConsentEvent(
            kind: kind,
            at: try statement.column(2),
            keyword: try statement.column(3),
            source: try statement.column(4),
            scope: scopeText.flatMap(ConsentScope.init(rawValue:))
        )
        return (try statement.column(0), event)
    }
}
