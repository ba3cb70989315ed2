/// What an opt-out covers: marketing only, or every message but the compliance replies (compliance.md §2 and §6:
/// the FCC's "revoke-all" rule, waived until 2027-01-31, would make every revocation `all`).
///
/// A carrier-exact keyword (STOP, CANCEL…) is always `all`: the carrier blocks the number for every message
/// (Twilio error 21610) whatever the sender records.
public enum OptOutScope: String, Codable, Sendable, CaseIterable {
    /// Marketing stops; order updates and answers the customer asked for may still go.
    case marketing
    /// Every message stops except the one opt-out confirmation and help replies.
    case all

    /// True when an opt-out of this scope bars a text sent for `purpose`.
    public func covers(_ purpose: MessagePurpose) -> Bool {
        switch purpose {
        case .compliance: return false
        case .marketing: return true
        case .transactional: return self == .all
        }
    }

    /// True when this scope bars everything `other` bars.
    public func includes(_ other: OptOutScope) -> Bool { self == .all || other == .marketing }
}
