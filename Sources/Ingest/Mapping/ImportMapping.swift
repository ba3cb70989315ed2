import EventLog
import Foundation
import JSONDocument
import Messaging

/// What an import cannot guess from the files themselves: other column names, who sent each text, which arm of an
/// experiment each customer was in, and the thresholds of the inference rules. Every key is optional.
///
/// ```json
/// {
///   "note": "Spring cart test, exported from the Twilio Console on 2025-12-01",
///   "messages": {
///     "columns": {"sid": "Message Id", "sent_at": "Sent"},
///     "conversation_gap_hours": 48,
///     "auto_reply_seconds": 60,
///     "kind_column": "Sender Type",
///     "kind_values": {"bot": "auto", "human": "agent", "blast": "campaign"},
///     "variant_column": "Variant",
///     "numbers": {"+18885550100": {"variant": "two-way", "kind": "campaign"}},
///     "customers": {"+14155550123": "two-way",
///                   "+14155550124": {"variant": "holdout", "assigned_at": "2025-11-29T14:00:00Z", "segment": "vip"}},
///     "variants": {"two-way": {"share": 0.45, "flow": "flows/cart.json"}, "holdout": {"share": 0.1, "holdout": true}},
///     "default_variant": "all",
///     "opt_out_phrase_scope": "marketing"
///   },
///   "orders": {
///     "columns": {"order_id": "Name", "customer_phone": "Billing Phone", "at": "Created at", "value": "Total"},
///     "value_unit": "dollars"
///   }
/// }
/// ```
/// Read with `JSONDocument`'s reader: an unknown key or a wrong value is an error naming the file and JSON path.
public struct ImportMapping: Equatable, Sendable {
    /// How long a (business number, customer) thread may be silent before the next text starts a new conversation.
    /// Default 48 h, the inactivity rule Attentive documents for a conversation's end (analytics.md §1.2).
    public var conversationGapMilliseconds: Int64 = 48 * 3_600_000
    /// An outbound text this soon after the customer's text is automated; later, a person typed it. Default 60 s.
    public var autoReplyMilliseconds: Int64 = 60_000
    /// What a revocation phrase ("stop texting me") opts out of: the brand's policy, which a log does not say.
    /// A carrier keyword (STOP) is always `all`.
    public var optOutPhraseScope: ConsentScope = .marketing
    /// Message-log header spellings by column key (`sid`, `from`, `to`, `body`, `status`, `sent_at`,
    /// `created_at`, `segments`, `error_code`, `direction`, `price`, `price_unit`).
    public var messageColumns: [String: String] = [:]
    /// A message-log column that says who wrote each text.
    public var kindColumn: String?
    /// That column's values (compared without case, spaces, hyphens or underscores) → kind.
    public var kindValues: [String: MessageKind] = [:]
    /// A message-log column that names each customer's variant.
    public var variantColumn: String?
    /// Per business number (E.164, short code or sender ID): its variant and the kind of every text it sends.
    public var numbers: [String: NumberRule] = [:]
    /// Per customer (national number): the variant and when the customer entered the experiment.
    public var customers: [Int64: CustomerRule] = [:]
    /// Declared variants in file order: share, holdout flag, flow.
    public var variants: [VariantRule] = []
    /// Where a customer no rule places goes.
    public var defaultVariant = "all"
    /// Orders-file header spellings by column key (`order_id`, `customer_phone`, `customer_phone_hash`, `at`,
    /// `value`, `cart_id`, `abandoned`).
    public var orderColumns: [String: String] = [:]
    /// The unit of the orders file's value column; nil decides by its header (`…cents` → cents, else dollars).
    public var orderValueUnit: ValueUnit?

    public enum ValueUnit: String, Sendable {
        case dollars
        case cents
    }

    public struct NumberRule: Equatable, Sendable {
        public var variant: String?
        /// Every outbound text from the number is this kind (campaign, auto, agent or compliance).
        public var kind: MessageKind?

        public init(variant: String? = nil, kind: MessageKind? = nil) {
            self.variant = variant
            self.kind = kind
        }
    }

    public struct CustomerRule: Equatable, Sendable {
        public var phone: PhoneNumber
        public var variant: String
        /// UTC epoch ms; nil leaves `assignments.assigned_at` to the customer's first outbound text.
        public var assignedAt: Int64?
        /// The audience segment a CRM or the experiment tool gives the customer; nil leaves "unknown".
        public var segment: String?

        public init(phone: PhoneNumber, variant: String, assignedAt: Int64? = nil, segment: String? = nil) {
            self.phone = phone
            self.variant = variant
            self.assignedAt = assignedAt
            self.segment = segment
        }
    }

    public struct VariantRule: Equatable, Sendable {
        public var name: String
        /// Planned share 0…1; nil records the observed share of customers.
        public var share: Double?
        public var isHoldout: Bool
        public var flow: String?

        public init(name: String, share: Double? = nil, isHoldout: Bool = false, flow: String? = nil) {
            self.name = name
            self.share = share
            self.isHoldout = isHoldout
            self.flow = flow
        }
    }

    public init() {}

    static let messageKeys = TwilioColumns.all.map(\.key)
    static let orderKeys = OrderColumns.all.map(\.key)
    static let kindWords = ["campaign", "auto", "agent", "compliance", "customer"]

    /// Reads the mapping file at `path`.
    /// - Throws: `IngestError.cannotRead`, or `.mapping` naming the JSON path of what is wrong.
    public static func load(path: String) throws(IngestError) -> ImportMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(path: path, reason: "no such file or it cannot be read")
        }
        return try ImportMapping(parsing: [UInt8](data), file: path)
    }

    /// Reads a mapping from JSON bytes; `file` names it in errors.
    public init(parsing bytes: [UInt8], file: String) throws(IngestError) {
        let options = JSONReaderOptions(nullIsMissing: true, commentKeys: ["note"])
        let root = try JSONReader<IngestError>(parsing: bytes, file: file, options: options)
            .requireObject(allowed: ["messages", "orders"])
        if let messages = root.child("messages") {
            try readMessages(messages)
        }
        if let orders = root.child("orders") {
            try orders.requireObject(allowed: ["columns", "value_unit"])
            if let columns = orders.child("columns") {
                orderColumns = try Self.columns(columns, keys: Self.orderKeys)
            }
            if let unit = orders.child("value_unit") {
                orderValueUnit = ValueUnit(rawValue: try unit.choice(["dollars", "cents"]))
            }
        }
    }

    private mutating func readMessages(_ messages: JSONReader<IngestError>) throws(IngestError) {
        try messages.requireObject(allowed: [
            "columns", "conversation_gap_hours", "auto_reply_seconds", "kind_column", "kind_values", "variant_column",
            "numbers", "customers", "variants", "default_variant", "opt_out_phrase_scope",
        ])
        if let scope = messages.child("opt_out_phrase_scope") {
            optOutPhraseScope = ConsentScope(rawValue: try scope.choice(["marketing", "all"])) ?? .marketing
        }
        if let columns = messages.child("columns") {
            messageColumns = try Self.columns(columns, keys: Self.messageKeys)
        }
        if let gap = messages.child("conversation_gap_hours") {
            conversationGapMilliseconds = Int64((try gap.number(in: 0.001...8_760) * 3_600_000).rounded())
        }
        if let window = messages.child("auto_reply_seconds") {
            autoReplyMilliseconds = Int64((try window.number(in: 0...86_400) * 1_000).rounded())
        }
        kindColumn = try messages.child("kind_column")?.nonEmptyString()
        if let values = messages.child("kind_values") {
            for (key, reader) in try values.members(.document) {
                kindValues[TwilioColumns.normalised(key)] = MessageKind(rawValue: try reader.choice(Self.kindWords))
            }
        }
        variantColumn = try messages.child("variant_column")?.nonEmptyString()
        if let numbers = messages.child("numbers") {
            for (key, reader) in try numbers.members(.document) {
                let number = try Self.businessNumber(key, at: reader)
                try reader.requireObject(allowed: ["variant", "kind"])
                var rule = NumberRule()
                rule.variant = try reader.child("variant")?.nonEmptyString()
                if let kind = reader.child("kind") {
                    rule.kind = MessageKind(rawValue: try kind.choice(["campaign", "auto", "agent", "compliance"]))
                }
                self.numbers[number] = rule
            }
        }
        if let customers = messages.child("customers") {
            for (key, reader) in try customers.members(.document) {
                let phone: PhoneNumber
                do {
                    phone = try PhoneNumber.parse(key, allowFictional: true)
                } catch {
                    throw reader.failure(
                        .invalidValue(found: "the key \"\(key)\"", expected: "a phone number: \(error)")
                    )
                }
                if case .string = reader.value {
                    self.customers[phone.nationalNumber] = CustomerRule(
                        phone: phone,
                        variant: try reader.nonEmptyString()
                    )
                    continue
                }
                try reader.requireObject(allowed: ["variant", "assigned_at", "segment"])
                var rule = CustomerRule(phone: phone, variant: try reader.required("variant").nonEmptyString())
                rule.segment = try reader.child("segment")?.nonEmptyString()
                if let at = reader.child("assigned_at") {
                    let text = try at.string()
                    guard case .success(let stamp) = Timestamp.parse(text), !stamp.isNaive else {
                        throw at.failure(
                            .invalidValue(
                                found: "\"\(text)\"",
                                expected: "an ISO 8601 time with a zone, e.g. 2025-11-29T14:00:00Z"
                            )
                        )
                    }
                    rule.assignedAt = stamp.epochMilliseconds
                }
                self.customers[phone.nationalNumber] = rule
            }
        }
        if let variants = messages.child("variants") {
            for (name, reader) in try variants.members(.document) {
                try reader.requireObject(allowed: ["share", "holdout", "flow"])
                self.variants.append(
                    VariantRule(
                        name: name,
                        share: try reader.child("share")?.number(in: 0...1),
                        isHoldout: try reader.child("holdout")?.bool() ?? false,
                        flow: try reader.child("flow")?.string()
                    )
                )
            }
        }
        if let name = messages.child("default_variant") { defaultVariant = try name.nonEmptyString() }
    }

    private static func columns(
        _ reader: JSONReader<IngestError>,
        keys: [String]
    ) throws(IngestError) -> [String: String] {
        try reader.requireObject(allowed: keys)
        var columns: [String: String] = [:]
        for (key, value) in try reader.members(.document) { columns[key] = try value.nonEmptyString() }
        return columns
    }

    private static func businessNumber(_ key: String, at reader: JSONReader<IngestError>) throws(IngestError) -> String
    {
        var bytes = Array(key.utf8)
        let number = bytes.withUnsafeMutableBufferPointer { buffer in
            PhoneField.business(PhoneField.strip(UnsafeBufferPointer(buffer)).0)
        }
        guard let number else {
            throw reader.failure(
                .invalidValue(found: "the key \"\(key)\"", expected: "a phone number, a short code or a sender ID")
            )
        }
        return number
    }

    // MARK: Writing

    /// The mapping as canonical JSON (sorted keys, two-space indent), the file `export twilio --mapping` writes.
    public var jsonText: String {
        var messages: [(String, JSONValue)] = []
        if conversationGapMilliseconds != ImportMapping().conversationGapMilliseconds {
            messages.append(("conversation_gap_hours", .number(Double(conversationGapMilliseconds) / 3_600_000)))
        }
        if autoReplyMilliseconds != ImportMapping().autoReplyMilliseconds {
            messages.append(("auto_reply_seconds", .number(Double(autoReplyMilliseconds) / 1_000)))
        }
        if !messageColumns.isEmpty {
            messages.append(
                ("columns", .object(messageColumns.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
            )
        }
        if let kindColumn { messages.append(("kind_column", .string(kindColumn))) }
        if optOutPhraseScope != .marketing {
            messages.append(("opt_out_phrase_scope", .string(optOutPhraseScope.rawValue)))
        }
        if !kindValues.isEmpty {
            messages.append(
                (
                    "kind_values",
                    .object(kindValues.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.rawValue)) })
                )
            )
        }
        if let variantColumn { messages.append(("variant_column", .string(variantColumn))) }
        if !numbers.isEmpty {
            messages.append(
                (
                    "numbers",
                    .object(
                        numbers.sorted { $0.key < $1.key }.map { number, rule in
                            var fields: [(String, JSONValue)] = []
                            if let kind = rule.kind { fields.append(("kind", .string(kind.rawValue))) }
                            if let variant = rule.variant { fields.append(("variant", .string(variant))) }
                            return (number, .object(fields))
                        }
                    )
                )
            )
        }
        if !customers.isEmpty {
            let sorted = customers.values.sorted { $0.phone < $1.phone }
            messages.append(
                (
                    "customers",
                    .object(
                        sorted.map { rule in
                            guard rule.assignedAt != nil || rule.segment != nil else {
                                return (rule.phone.e164, .string(rule.variant))
                            }
                            var fields: [(String, JSONValue)] = []
                            if let at = rule.assignedAt { fields.append(("assigned_at", .string(ISOTime.format(at)))) }
                            if let segment = rule.segment { fields.append(("segment", .string(segment))) }
                            fields.append(("variant", .string(rule.variant)))
                            return (rule.phone.e164, .object(fields))
                        }
                    )
                )
            )
        }
        if defaultVariant != "all" { messages.append(("default_variant", .string(defaultVariant))) }
        if !variants.isEmpty {
            messages.append(
                (
                    "variants",
                    .object(
                        variants.map { rule in
                            var fields: [(String, JSONValue)] = []
                            if let flow = rule.flow { fields.append(("flow", .string(flow))) }
                            if rule.isHoldout { fields.append(("holdout", .bool(true))) }
                            if let share = rule.share { fields.append(("share", .number(share))) }
                            return (rule.name, .object(fields))
                        }
                    )
                )
            )
        }
        var root: [(String, JSONValue)] = []
        if !messages.isEmpty { root.append(("messages", .object(messages.sorted { $0.0 < $1.0 }))) }
        var orders: [(String, JSONValue)] = []
        if !orderColumns.isEmpty {
            orders.append(
                ("columns", .object(orderColumns.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
            )
        }
        if let orderValueUnit { orders.append(("value_unit", .string(orderValueUnit.rawValue))) }
        if !orders.isEmpty { root.append(("orders", .object(orders))) }
        return PrettyJSON.render(.object(root)) + "\n"
    }
}

/// Indented JSON for files people read and diff; keys stay in the order given.
enum PrettyJSON {
    static func render(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            let lines = members.map {
                inner + JSONValue.string($0.key).jsonText + ": " + render($0.value, indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent
                + "]"
        default:
            return value.jsonText
        }
    }
}

/// UTC epoch milliseconds as ISO 8601 with milliseconds and `Z` (`2025-11-29T14:05:09.120Z`), the form exports
/// write and imports read back exactly.
public enum ISOTime {
    public static func format(_ epochMilliseconds: Int64) -> String {
        let instant = Instant(epochMilliseconds: epochMilliseconds)
        let millisecond = Int(((epochMilliseconds % 1_000) + 1_000) % 1_000)
        let text = instant.iso8601
        let digits = String(millisecond)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }
}
