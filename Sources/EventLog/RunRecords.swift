/// One simulation, import or population run: everything else in the log hangs off its `id`.
///
/// `kind` is a `RunKind` raw value ("simulation", "import", "population"); it stays a `String` so the
/// contract with producers is the stored word itself.
public struct RunRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var kind: String
    /// The experiment, population spec or imported file the run came from.
    public var source: String
    /// The base seed of a simulated run; nil for imports.
    public var seed: Int64?
    /// The full configuration as JSON, so a run can be reproduced from the log alone.
    public var configJSON: String
    public var toolVersion: String
    /// UTC epoch milliseconds.
    public var createdAt: Int64
    /// SHA-256 (lowercase hex) of the imported file, so a second load of the same bytes is recognised; nil for
    /// simulated runs.
    public var sourceSHA256: String?

    public init(
        id: Int64,
        kind: String,
        source: String,
        seed: Int64?,
        configJSON: String,
        toolVersion: String,
        createdAt: Int64,
        sourceSHA256: String? = nil
    ) {
        self.sourceSHA256 = sourceSHA256
        self.id = id
        self.kind = kind
        self.source = source
        self.seed = seed
        self.configJSON = configJSON
        self.toolVersion = toolVersion
        self.createdAt = createdAt
    }

    /// The same record with a typed kind, so producers cannot misspell it.
    public init(
        id: Int64,
        kind: RunKind,
        source: String,
        seed: Int64?,
        configJSON: String,
        toolVersion: String,
        createdAt: Int64,
        sourceSHA256: String? = nil
    ) {
        self.init(
            id: id,
            kind: kind.rawValue,
            source: source,
            seed: seed,
            configJSON: configJSON,
            toolVersion: toolVersion,
            createdAt: createdAt,
            sourceSHA256: sourceSHA256
        )
    }

    /// `kind` as a `RunKind`, nil for a word this build does not know.
    public var runKind: RunKind? { RunKind(rawValue: kind) }
}

/// One arm of an experiment, the holdout included, so lift is computed against a named row.
public struct VariantRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run.
    public var variantID: Int64
    public var name: String
    /// The flow file the arm runs, or a description of its one-way message.
    public var flow: String
    /// Planned share of customers, 0...1; the sample-ratio check compares assignments against it.
    public var share: Double
    /// True for the arm that receives nothing.
    public var isHoldout: Bool

    public init(runID: Int64, variantID: Int64, name: String, flow: String, share: Double, isHoldout: Bool) {
        self.runID = runID
        self.variantID = variantID
        self.name = name
        self.flow = flow
        self.share = share
        self.isHoldout = isHoldout
    }
}

/// One customer of a run. The phone is kept only masked plus a keyed hash, so a log can be shared.
public struct CustomerRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// Unique within the run.
    public var customerID: Int64
    /// E.g. "+1 415 ***-**23".
    public var maskedPhone: String
    /// `PhoneNumber.keyedHash(key:)` bit-cast to Int64, to join imports on the same recipient.
    public var phoneHash: Int64
    /// IANA name, e.g. "America/Chicago".
    public var timeZone: String
    /// Two-letter US state, or "" when unknown.
    public var state: String
    /// new | active | lapsed | vip.
    public var segment: String
    /// The attributes object of the customer-attributes contract, as JSON text.
    public var attributesJSON: String
    /// The full E.164 number, kept only when it is fictional (a generated population's 555-01XX or 0XX/1XX
    /// numbers), so a simulated run can be exported in Twilio's format; nil for real numbers, which the log
    /// keeps masked and hashed only.
    public var fictionalPhone: String?

    public init(
        runID: Int64,
        customerID: Int64,
        maskedPhone: String,
        phoneHash: Int64,
        timeZone: String,
        state: String,
        segment: String,
        attributesJSON: String,
        fictionalPhone: String? = nil
    ) {
        self.fictionalPhone = fictionalPhone
        self.runID = runID
        self.customerID = customerID
        self.maskedPhone = maskedPhone
        self.phoneHash = phoneHash
        self.timeZone = timeZone
        self.state = state
        self.segment = segment
        self.attributesJSON = attributesJSON
    }
}

/// Which arm a customer was randomised into; one row per customer of an experiment.
public struct AssignmentRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    public var customerID: Int64
    public var variantID: Int64
    /// When the customer entered the experiment: the campaign's planned first send, the same instant for a
    /// holdout customer who gets nothing, so every arm's windows start alike (UTC epoch ms; nil in v1 logs).
    public var assignedAt: Int64?

    public init(runID: Int64, customerID: Int64, variantID: Int64, assignedAt: Int64? = nil) {
        self.runID = runID
        self.customerID = customerID
        self.variantID = variantID
        self.assignedAt = assignedAt
    }
}

/// One abandoned cart a campaign targets: the recovery rate's denominator and what an order must match.
public struct CartRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    /// The shop's cart id; unique within the run.
    public var cartID: String
    public var customerID: Int64
    /// When the cart was left (UTC epoch ms).
    public var abandonedAt: Int64
    /// Integer cents.
    public var valueCents: Int64

    public init(runID: Int64, cartID: String, customerID: Int64, abandonedAt: Int64, valueCents: Int64) {
        self.runID = runID
        self.cartID = cartID
        self.customerID = customerID
        self.abandonedAt = abandonedAt
        self.valueCents = valueCents
    }
}

/// One agent's shift: when they could take chats and how many at once, the denominator of utilisation.
public struct AgentShiftRecord: Hashable, Sendable, Codable {
    public var runID: Int64
    public var agentID: Int64
    /// UTC epoch ms.
    public var startsAt: Int64
    public var endsAt: Int64
    /// Chats the agent handles at the same time.
    public var concurrency: Int64

    public init(runID: Int64, agentID: Int64, startsAt: Int64, endsAt: Int64, concurrency: Int64) {
        self.runID = runID
        self.agentID = agentID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.concurrency = concurrency
    }
}
