/// What an inbound reply means for consent, before any flow sees it.
public enum KeywordClass: String, Codable, Sendable, CaseIterable {
    /// The whole reply is one carrier opt-out keyword ("STOP", " stop! "): the carrier itself blocks the number.
    case optOutExact = "opt_out_exact"
    /// A clear revocation in other words ("stop texting me", "leave me alone"): FCC 24-24's reasonable means.
    case optOutPhrase = "opt_out_phrase"
    /// Might be a revocation ("not interested", "We must STOP this bill"): a person decides; hold sends meanwhile.
    case needsReview = "needs_review"
    /// HELP or INFO: answer with the help reply whatever the subscription state.
    case help
    /// START, YES or UNSTOP: the recipient opts back in.
    case optIn = "opt_in"
    /// An ordinary reply for the flow.
    case none

    /// True for the classes that must stop marketing until resolved.
    public var suppressesMarketing: Bool {
        self == .optOutExact || self == .optOutPhrase || self == .needsReview
    }
}

/// The class of a reply and the keyword or phrase that decided it.
public struct KeywordMatch: Hashable, Codable, Sendable {
    public var keywordClass: KeywordClass
    /// The keyword ("STOP") or phrase ("leave me alone") found; nil for `.none`.
    public var keyword: String?

    public init(keywordClass: KeywordClass, keyword: String?) {
        self.keywordClass = keywordClass
        self.keyword = keyword
    }

    private enum CodingKeys: String, CodingKey {
        case keywordClass = "keyword_class"
        case keyword
    }
}
