import EventLog
import Messaging

/// The columns of one message the audit reads: a value type, so the per-customer loop allocates nothing per row.
struct AuditedMessage: Sendable, Hashable {
    var id: Int64
    var externalID: String?
    var isOutbound: Bool
    var kind: MessageKind
    /// As logged; nil for inbound texts and for producers that did not record it.
    var purpose: MessagePurpose?
    var at: Int64
    var subject: String?
    var flowNode: String?
    var category: String?

    /// The logged purpose, else the one the kind implies (campaign → marketing, auto/agent → transactional,
    /// compliance → compliance), as the Twilio importer assigns it.
    var effectivePurpose: MessagePurpose? {
        if let purpose { return purpose }
        switch kind {
        case .campaign: return .marketing
        case .auto, .agent: return .transactional
        case .compliance: return .compliance
        case .customer: return nil
        }
    }

    /// The id a finding shows: the provider's Sid when there is one.
    var label: String { externalID ?? String(id) }

    /// The cap subject: the logged subject, else the flow node, else one shared bucket (read conservatively: texts
    /// of unknown subject may all be on the same one).
    var capSubject: String { subject ?? flowNode ?? "(no subject)" }
}

/// One consent event as the audit replays it.
struct AuditedConsentEvent: Sendable, Hashable {
    var kind: ConsentEventKind
    var at: Int64
    var keyword: String?
    var source: String
    var scope: ConsentScope?
}

/// What the log says about a customer's consent before the run's first event.
enum BaselineConsent: Sendable, Hashable {
    /// The customer record names a consent source (a generated population's `consent_source`).
    case given(String)
    /// The customer record says "none": no marketing consent.
    case none
    /// The record does not say (an import): only opt-ins inside the log count, and marketing to a customer with
    /// none is reported as not checkable rather than as a breach.
    case unknown

    /// Reads `"consent_source":"…"` from the attributes object with a scan, not a JSON parse per customer.
    static func from(attributesJSON json: String) -> BaselineConsent {
        let utf8 = Array(json.utf8)
        let key = Array("\"consent_source\"".utf8)
        guard utf8.count > key.count else { return .unknown }
        var index = 0
        while index + key.count <= utf8.count {
            if utf8[index] == key[0], Array(utf8[index..<(index + key.count)]) == key { break }
            index += 1
        }
        guard index + key.count <= utf8.count else { return .unknown }
        index += key.count
        while index < utf8.count, utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: ":") { index += 1 }
        guard index < utf8.count, utf8[index] == UInt8(ascii: "\"") else { return .unknown }
        let start = index + 1
        guard let end = utf8[start...].firstIndex(of: UInt8(ascii: "\"")) else { return .unknown }
        let value = String(decoding: utf8[start..<end], as: UTF8.self)
        switch value {
        case "none": return .none
        case "", "unknown": return .unknown
        default: return .given(value)
        }
    }
}
