import EventLog
import Messaging
import Store

/// Hand-built event logs for the audit: a builder that writes real rows through `EventLogWriter` into SQLite, and
/// clock helpers on one Tuesday in June 2026 (daylight time: New York UTC−4, Los Angeles UTC−7).
struct AuditLogBuilder {
    let runID: Int64
    let kind: String
    var customers: [CustomerRecord] = []
    var messages: [MessageRecord] = []
    var consentEvents: [ConsentEventRecord] = []

    init(runID: Int64 = 1, kind: String = "simulation") {
        self.runID = runID
        self.kind = kind
    }

    /// UTC epoch milliseconds on 2026-06-09 (a Tuesday) at `hour:minute:second` UTC, `day` days later.
    static func at(_ hour: Int, _ minute: Int = 0, _ second: Int = 0, day: Int = 0) -> Int64 {
        Instant(year: 2026, month: 6, day: 9 + day, hour: hour, minute: minute, second: second).epochMilliseconds
    }

    /// Adds a customer; `consent` is the population attribute ("web_form", "none") or nil to leave it unrecorded.
    @discardableResult
    mutating func customer(
        _ id: Int64,
        phone: String,
        zone: String,
        state: String,
        consent: String?
    ) -> Int64 {
        let attributes = consent.map { #"{"first_name":"Ana","consent_source":"\#($0)"}"# } ?? "{}"
        customers.append(
            CustomerRecord(
                runID: runID,
                customerID: id,
                maskedPhone: phone,
                phoneHash: id,
                timeZone: zone,
                state: state,
                segment: "active",
                attributesJSON: attributes
            )
        )
        return id
    }

    /// An outbound text; the message id is the next in the run.
    @discardableResult
    mutating func send(
        _ customer: Int64,
        at: Int64,
        kind: MessageKind = .campaign,
        purpose: MessagePurpose? = .marketing,
        subject: String? = "cart",
        sid: String? = nil
    ) -> Int64 {
        append(customer, .outbound, kind, at, purpose, subject, sid, body: "Your cart is waiting")
    }

    /// An inbound text, with the consent event it caused when it was a keyword.
    @discardableResult
    mutating func reply(
        _ customer: Int64,
        _ body: String,
        at: Int64,
        consent: ConsentEventKind? = nil,
        scope: ConsentScope? = nil,
        sid: String? = nil
    ) -> Int64 {
        let id = append(customer, .inbound, .customer, at, nil, nil, sid, body: body)
        if let consent {
            consentEvents.append(
                ConsentEventRecord(
                    runID: runID,
                    eventID: Int64(consentEvents.count + 1),
                    customerID: customer,
                    at: at,
                    kind: consent,
                    keyword: body,
                    source: "keyword",
                    scope: scope
                )
            )
        }
        return id
    }

    private mutating func append(
        _ customer: Int64,
        _ direction: MessageDirection,
        _ kind: MessageKind,
        _ at: Int64,
        _ purpose: MessagePurpose?,
        _ subject: String?,
        _ sid: String?,
        body: String
    ) -> Int64 {
        let id = Int64(messages.count + 1)
        messages.append(
            MessageRecord(
                runID: runID,
                messageID: id,
                customerID: customer,
                conversationID: nil,
                direction: direction,
                kind: kind,
                at: at,
                body: body,
                segments: 1,
                encoding: "GSM-7",
                status: direction == .outbound ? .delivered : .received,
                costMicrodollars: 8_300,
                flowNode: nil,
                purpose: purpose,
                subject: subject,
                externalID: sid
            )
        )
        return id
    }

    /// The rows in a fresh in-memory event log.
    func database() throws -> Database {
        let database = try Database.inMemory()
        try write(to: database)
        return database
    }

    func write(to database: Database) throws {
        let writer = try EventLogWriter(database: database)
        try writer.append(
            EventBatch(
                runs: [
                    RunRecord(
                        id: runID,
                        kind: kind,
                        source: "audit-fixture",
                        seed: 1,
                        configJSON: "{}",
                        toolVersion: "test",
                        createdAt: Self.at(0)
                    )
                ],
                customers: customers,
                messages: messages,
                consentEvents: consentEvents
            )
        )
        try writer.finish()
    }
}
