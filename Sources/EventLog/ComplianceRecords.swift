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
    /// For an opt-out: what it revoked; nil for other kinds (and for v1 logs, which did not record it).
    public var scope: ConsentScope?

    public init(
        runID: Int64,
        eventID: Int64,
        customerID: Int64,
        at: Int64,
        kind: ConsentEventKind,
        keyword: String?,
        source: String,
        scope: ConsentScope? = nil
    ) {
        self.scope = scope
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
    /// The rule that applied (`SendHold.rule`: "Florida", "brand cap"), nil when none is named.
    public var rule: String?

    public init(
        runID: Int64,
        suppressionID: Int64,
        customerID: Int64,
        at: Int64,
        reason: SuppressionReason,
        deferredUntil: Int64?,
        subject: String,
        rule: String? = nil
    ) {
        self.rule = rule
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
    /// The file the row came from (its name as given), so a message log and an orders file loaded into one run
    /// keep their own line numbers.
    public var file: String
    /// 1-based line in the source file where the row starts; unique within the run and file.
    public var line: Int64
    public var reason: String
    public var rawText: String

    public init(runID: Int64, file: String = "", line: Int64, reason: String, rawText: String) {
        self.runID = runID
        self.file = file
        self.line = line
        self.reason = reason
        self.rawText = rawText
    }
}
