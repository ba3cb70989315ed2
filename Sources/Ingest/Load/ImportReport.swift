import EventLog

/// What one import did, for the command to print and tests to check: nothing in it is estimated.
public struct ImportReport: Equatable, Sendable {
    /// The run the rows went into (the earlier run when the file had been loaded before).
    public var runID: Int64
    public var messages: FileReport
    public var orders: OrdersReport?
    /// Rows per kind of message loaded.
    public var kinds: [MessageKind: Int] = [:]
    public var customers = 0
    public var conversations = 0
    /// Hand-offs rebuilt from agents' texts (one per conversation an agent wrote in).
    public var handoffs = 0
    /// Consent events recorded, by kind.
    public var consentEvents: [ConsentEventKind: Int] = [:]
    /// Texts sent over WhatsApp (`whatsapp:` numbers), stored like SMS.
    public var whatsApp = 0
    /// Prices in another currency than USD: those texts are stored with cost 0.
    public var nonUSDPrices = 0
    /// Values of the mapping's kind column it does not name: the documented rule decided those texts.
    public var unknownKindValues = 0
    /// Customers whose texts came from business numbers the mapping puts in different variants (kept in the first).
    public var customersOnSeveralVariants = 0

    /// True when the load added nothing at all (the same files again).
    public var addedNothing: Bool {
        messages.loaded == 0 && messages.quarantined.isEmpty && (orders.map { $0.addedNothing } ?? true)
    }

    /// One file's counts.
    public struct FileReport: Equatable, Sendable {
        public var file: String
        public var sha256: String
        /// The run that already holds this very file (same SHA-256), when it was loaded before: nothing was added.
        public var alreadyLoadedIn: Int64?
        /// Data rows in the file.
        public var rowsRead = 0
        public var loaded = 0
        /// Reason label → rows, most frequent first.
        public var quarantined: [Count] = []
        public var duplicatesInFile = 0
        /// Rows whose id an earlier import run already holds.
        public var duplicatesOfEarlierImports = 0
        /// The earlier import runs those duplicates are in.
        public var earlierRuns: [Int64] = []
        /// Times without a zone, taken as UTC.
        public var naiveDates = 0
        /// Header cells no rule reads, as written.
        public var unusedColumns: [String] = []

        public var quarantinedTotal: Int { quarantined.reduce(0) { $0 + $1.rows } }
    }

    /// The orders file's counts: orders and abandoned carts.
    public struct OrdersReport: Equatable, Sendable {
        public var file: FileReport
        public var orders = 0
        public var carts = 0
        /// Customers the orders file names who are not in the message log: added to the run, in no variant.
        public var customersNotInLog = 0

        public var addedNothing: Bool { orders == 0 && carts == 0 && file.quarantined.isEmpty }
    }

    public struct Count: Equatable, Sendable {
        public var label: String
        public var rows: Int
    }

    static func counts(_ rows: [QuarantinedRow]) -> [Count] {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.label, default: 0] += 1 }
        return counts.map { Count(label: $0.key, rows: $0.value) }
            .sorted { $0.rows != $1.rows ? $0.rows > $1.rows : $0.label < $1.label }
    }
}

/// Where an import is, for a progress bar.
public enum ImportProgress: Sendable {
    /// Reading and checking the message log: bytes so far of the total.
    case reading(bytes: Int64, of: Int64)
    /// Storing messages: rows so far of the total.
    case writing(rows: Int, of: Int)
}
