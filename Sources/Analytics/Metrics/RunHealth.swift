/// What the health banner checks before anyone reads a result: held-back sends, refused input rows, failures.
public struct RunHealth: Sendable, Hashable {
    /// Outbound texts the gate held back, by reason (quiet hours, cap, …), with how many were only deferred.
    public var suppressions: [ReasonCount] = []
    /// Input rows an import refused, by reason.
    public var quarantine: [ReasonCount] = []

    public init() {}

    public var suppressedTotal: Int64 { suppressions.reduce(0) { $0 + $1.count } }
    public var quarantinedTotal: Int64 { quarantine.reduce(0) { $0 + $1.count } }
}

/// A count under one reason word, as the log stores it.
public struct ReasonCount: Sendable, Hashable {
    public var reason: String
    public var count: Int64
    /// For suppressions: how many were deferred rather than dropped.
    public var deferred: Int64

    public init(_ reason: String, count: Int64, deferred: Int64 = 0) {
        self.reason = reason
        self.count = count
        self.deferred = deferred
    }
}

/// Outbound texts of one arm that failed or went undelivered with one carrier error code (0 = none given).
public struct DeliveryFailure: Sendable, Hashable {
    public var variantID: Int64
    public var errorCode: Int64
    public var failures: Int64

    public init(variantID: Int64, errorCode: Int64, failures: Int64) {
        self.variantID = variantID
        self.errorCode = errorCode
        self.failures = failures
    }

    /// Twilio's meaning of the common codes (reference §2.1), for the report's labels.
    public static func meaning(_ code: Int64) -> String {
        switch code {
        case 0: "no error code given"
        case 21610: "attempt to send to an unsubscribed recipient"
        case 30003: "unreachable handset"
        case 30004: "message blocked"
        case 30005: "unknown or inactive number"
        case 30006: "landline or unreachable carrier"
        case 30007: "carrier filtering"
        case 30008: "unknown error"
        default: "carrier error"
        }
    }
}

/// Carts of one arm and how many an order completed inside the conversion window.
public struct CartRecovery: Sendable, Hashable {
    public var carts: Int64 = 0
    public var recovered: Int64 = 0
    public var recoveredCents: Int64 = 0

    public init() {}

    /// Recovery rate = targeted carts completed within the window ÷ carts targeted.
    public var rate: Rate { Rate(recovered, of: carts) }
}
