/// Consent histories for many recipients, keyed by E.164 number.
public struct ConsentLedger: Hashable, Codable, Sendable {
    /// Histories by E.164 number; encode with `.sortedKeys` for stable output.
    public private(set) var histories: [String: ConsentHistory]

    public init() {
        histories = [:]
    }

    /// The history of `phone` (empty when nothing was recorded).
    public func history(for phone: PhoneNumber) -> ConsentHistory {
        histories[phone.e164] ?? ConsentHistory()
    }

    public mutating func optIn(_ phone: PhoneNumber, source: ConsentSource, at: Instant) {
        histories[phone.e164, default: ConsentHistory()].optIn(source: source, at: at)
    }

    public mutating func optOut(_ phone: PhoneNumber, keyword: String, at: Instant, scope: OptOutScope = .all) {
        histories[phone.e164, default: ConsentHistory()].optOut(keyword: keyword, at: at, scope: scope)
    }

    public mutating func holdForReview(_ phone: PhoneNumber, phrase: String, at: Instant) {
        histories[phone.e164, default: ConsentHistory()].holdForReview(phrase: phrase, at: at)
    }

    public mutating func releaseReview(_ phone: PhoneNumber, at: Instant) {
        histories[phone.e164, default: ConsentHistory()].releaseReview(at: at)
    }

    /// Whether marketing may go to `phone` at `at`, with the reason.
    public func mayMarket(to phone: PhoneNumber, at: Instant) -> ConsentDecision {
        history(for: phone).mayMarket(at: at)
    }

    /// Recipients in the ledger, sorted by number.
    public var phoneNumbers: [String] { histories.keys.sorted() }
}
