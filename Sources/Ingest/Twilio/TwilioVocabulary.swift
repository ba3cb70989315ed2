import EventLog

/// Twilio's `Direction` values, plus the Console's display spellings ("Outgoing API", "Incoming").
enum TwilioDirection: UInt8, Sendable {
    /// A text the customer sent.
    case inbound
    /// Sent through the REST API (campaigns, Studio flows, agents' consoles).
    case outboundAPI
    /// A TwiML reply to an inbound text: an automated answer by construction.
    case outboundReply
    /// Sent during a voice call.
    case outboundCall

    var isInbound: Bool { self == .inbound }

    /// Case, spaces, hyphens and underscores are ignored: `outbound-api`, `Outgoing API`, `OUTBOUND_API`.
    static func parse(_ text: String) -> TwilioDirection? {
        // The spellings Twilio itself writes first, without building a normalised copy.
        switch text {
        case "inbound": return .inbound
        case "outbound-api": return .outboundAPI
        case "outbound-reply": return .outboundReply
        default: break
        }
        switch TwilioColumns.normalised(text) {
        case "inbound", "incoming", "received": return .inbound
        case "outboundapi", "outgoingapi", "outbound", "outgoing": return .outboundAPI
        case "outboundreply", "outgoingreply", "reply": return .outboundReply
        case "outboundcall", "outgoingcall": return .outboundCall
        default: return nil
        }
    }

    /// The word `export twilio` writes.
    var word: String {
        switch self {
        case .inbound: "inbound"
        case .outboundAPI: "outbound-api"
        case .outboundReply: "outbound-reply"
        case .outboundCall: "outbound-call"
        }
    }
}

/// Twilio's message statuses (analytics.md §2.3) in the event log's smaller vocabulary.
///
/// In flight (`accepted`, `scheduled`, `queued`, `sending`) → queued; `sent` → sent (final when no receipt came);
/// `delivered` and `read` (a read receipt implies delivery) → delivered; `undelivered` and `partially_delivered`
/// (not every part arrived) → undelivered; `failed` and `canceled` (never reached the carrier) → failed;
/// `receiving`, `received` → received.
enum TwilioStatus {
    static func parse(_ text: String) -> MessageStatus? {
        switch text {
        case "delivered": return .delivered
        case "received": return .received
        case "sent": return .sent
        case "undelivered": return .undelivered
        case "failed": return .failed
        default: break
        }
        switch TwilioColumns.normalised(text) {
        case "accepted", "scheduled", "queued", "sending": return .queued
        case "sent": return .sent
        case "delivered", "read": return .delivered
        case "undelivered", "partiallydelivered": return .undelivered
        case "failed", "canceled", "cancelled": return .failed
        case "receiving", "received": return .received
        default: return nil
        }
    }
}

/// A message id as a set key: Twilio's `SM`/`MM` + 32 hex digits packed exactly into 18 bytes (case folded), any
/// other id shape (SignalWire's UUIDs, home-made exports) kept as text.
enum SidKey: Hashable, Sendable {
    case twilio(prefix: UInt16, high: UInt64, low: UInt64)
    case other(String)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count == 34, Timestamp.isLetter(bytes[0]), Timestamp.isLetter(bytes[1]),
            let high = Self.hex(bytes, from: 2), let low = Self.hex(bytes, from: 18)
        {
            self = .twilio(prefix: UInt16(bytes[0] & 0xDF) << 8 | UInt16(bytes[1] & 0xDF), high: high, low: low)
        } else {
            self = .other(String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func hex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64? {
        var value: UInt64 = 0
        for index in start..<(start + 16) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// A usable id: 1–64 printable ASCII characters without spaces or commas.
    static func isAcceptable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= 64 && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") }
    }
}
