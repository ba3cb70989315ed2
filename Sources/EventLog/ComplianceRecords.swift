/// One opt-in, opt-out or HELP, with the keyword that caused it, so the audit can replay consent.
public struct ConsentEventRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run.
    public var eventID: Int64
    public var customerID: Int64
    /// UTC epoch milliseconds.
    public var at: Int64
    public var kind: ConsentEventKind
    /// The keyword as the customer typed it (e.g. "STOP", "stop please"), nil for web-form or checkout consent.
    public var keyword: String?
    /// `ConsentSource` raw value ("keyword", "web_form", "checkout", "import").
    public var source: String

    public init(
        runID: Int64,
        eventID: Int64,
        customerID: Int64,
        at: Int64,
        kind: ConsentEventKind,
        keyword: String?,
        source: String
    ) {
        self.runID = runID
        self.eventID = eventID
        self.customerID = customerID
        self.at = at
        self.kind = kind
        self.keyword = keyword
        self.source = source
    }
}

/// One outbound message the gate held back: why, and until when if it was only deferred.
public struct SuppressionRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run.
    public var suppressionID: Int64
    public var customerID: Int64
    /// UTC epoch milliseconds.
    public var at: Int64
    public var reason: SuppressionReason
    /// When the message may go instead (quiet hours), nil when it was dropped.
    public var deferredUntil: Int64?
    /// What was held back: the campaign subject or flow node, for the frequency cap and the audit.
    public var subject: String

    public init(
        runID: Int64,
        suppressionID: Int64,
        customerID: Int64,
        at: Int64,
        reason: SuppressionReason,
        deferredUntil: Int64?,
        subject: String
    ) {
        self.runID = runID
        self.suppressionID = suppressionID
        self.customerID = customerID
        self.at = at
        self.reason = reason
        self.deferredUntil = deferredUntil
        self.subject = subject
    }
}

/// One input row an import refused, kept verbatim with its line number so nothing disappears silently.
public struct QuarantineRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// 1-based line in the source file; unique within the run.
    public var line: Int64
    public var reason: String
    public var rawText: String

    public init(runID: Int64, line: Int64, reason: String, rawText: String) {
        self.runID = runID
        self.line = line
        self.reason = reason
        self.rawText = rawText
    }
}
