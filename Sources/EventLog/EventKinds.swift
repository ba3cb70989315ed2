import Messaging

/// The small vocabularies of the event log. Raw values are exactly what is stored in SQLite, so SQL written
/// against the schema (in Swift, DuckDB or Trino) reads the same words.

/// Which way a message travelled, seen from the brand.
public enum MessageDirection: String, Sendable, Codable, CaseIterable {
    case outbound
    case inbound
}

/// Who or what wrote a message; analytics splits automation from agents and compliance replies by it.
public enum MessageKind: String, Sendable, Codable, CaseIterable {
    /// The first, scheduled message of a campaign (blast or opening of a flow).
    case campaign
    /// A reply written by the flow engine.
    case auto
    /// A reply typed by a human agent after a hand-off.
    case agent
    /// A carrier-mandated reply: opt-out confirmation, HELP, opt-in confirmation.
    case compliance
    /// A text the customer sent.
    case customer
}

/// Delivery state as a carrier reports it (Twilio's vocabulary, minus the transient ones).
public enum MessageStatus: String, Sendable, Codable, CaseIterable {
    case queued
    case sent
    case delivered
    case undelivered
    case failed
    /// An inbound message that reached the brand.
    case received
}

/// What a consent event did to a recipient's right to receive marketing.
public enum ConsentEventKind: String, Sendable, Codable, CaseIterable {
    case optIn = "opt_in"
    case optOut = "opt_out"
    /// A HELP request: consent is unchanged but a compliance reply is owed.
    case help
    /// An ambiguous reply ("no thanks") holds marketing until a person decides whether it revoked consent.
    case reviewHold = "review_hold"
    /// The person decided it was not a revocation; consent stands as it was.
    case reviewReleased = "review_released"
}

/// What an opt-out revokes: marketing only, or every text but the confirmation (FCC revoke-all).
public enum ConsentScope: String, Sendable, Codable, CaseIterable {
    case marketing
    case all
}

/// Why an outbound message was held back: the gate's own vocabulary (`SendHold.Cause`), stored as is, so the
/// log and the gate can never disagree on a word.
public typealias SuppressionReason = SendHold.Cause

/// How a hand-off to a human agent ended; `open` while the run ended before it did.
public enum HandoffResolution: String, Sendable, Codable, CaseIterable {
    case resolved
    case abandoned
    case open
}

/// What produced a run; analytics treats all alike, reports say which.
public enum RunKind: String, Sendable, Codable, CaseIterable {
    case simulation
    case `import`
    case population
}
