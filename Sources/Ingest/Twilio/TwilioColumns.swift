/// Finds the columns an import needs in a header row, by alias: case, spaces, hyphens and underscores do not
/// matter, so `SentDate`, `date_sent`, `dateSent` and `Date Sent` all name the sending time.
///
/// Resolved once per file into column indexes; rows are then read by index, never by name.
struct ColumnResolver {
    /// One column the import knows: its key and every header spelling accepted for it.
    struct Column {
        var key: String
        var aliases: [String]
    }

    /// Index of each known column found, by key.
    private(set) var indexes: [String: Int] = [:]
    /// Header cells that matched no known column, as written, in file order.
    private(set) var unused: [String] = []
    /// Cells in the header.
    let count: Int

    /// - Parameters:
    ///   - extra: mapping-file spellings (`"columns": {"sid": "Message Id"}`), tried before the built-in ones.
    /// - Throws: `IngestError.duplicateColumn` when two cells name the same column.
    init(header: [String], columns: [Column], extra: [String: String], file: String) throws(IngestError) {
        count = header.count
        var keyByAlias: [String: String] = [:]
        for column in columns {
            for alias in column.aliases { keyByAlias[TwilioColumns.normalised(alias)] = column.key }
        }
        var mapped: [String: String] = [:]
        for (key, name) in extra { mapped[TwilioColumns.normalised(name)] = key }
        var headerByKey: [String: String] = [:]
        for (index, cell) in header.enumerated() {
            let name = TwilioColumns.normalised(cell)
            guard let key = mapped[name] ?? (extra[keyByAlias[name] ?? ""] == nil ? keyByAlias[name] : nil) else {
                unused.append(cell)
                continue
            }
            if let earlier = headerByKey[key] {
                throw .duplicateColumn(path: file, column: key, headers: [earlier, cell])
            }
            headerByKey[key] = cell
            indexes[key] = index
        }
    }

    /// The index of `key`, or a missing-column error listing what was accepted.
    func require(_ key: String, in columns: [Column], extra: [String: String], file: String) throws(IngestError) -> Int
    {
        if let index = indexes[key] { return index }
        let accepted = extra[key].map { [$0] } ?? columns.first { $0.key == key }?.aliases ?? [key]
        throw .missingColumn(path: file, column: key, accepted: accepted)
    }
}

/// The message-log columns of Twilio's Console export, REST API, BulkExport and CLI, and common home-made exports
/// (analytics.md §2.2).
enum TwilioColumns {
    static let sid = "sid"
    static let from = "from"
    static let to = "to"
    static let body = "body"
    static let status = "status"
    static let sentAt = "sent_at"
    static let createdAt = "created_at"
    static let segments = "segments"
    static let errorCode = "error_code"
    static let direction = "direction"
    static let price = "price"
    static let priceUnit = "price_unit"

    static let all: [ColumnResolver.Column] = [
        .init(key: sid, aliases: ["Sid", "SMS Message SID", "Message SID", "MessageSid", "SmsSid", "SmsMessageSid"]),
        .init(key: from, aliases: ["From", "from_"]),
        .init(key: to, aliases: ["To"]),
        .init(key: body, aliases: ["Body", "Message Body"]),
        .init(key: status, aliases: ["Status", "SmsStatus", "MessageStatus"]),
        .init(key: sentAt, aliases: ["SentDate", "date_sent", "dateSent", "Date Sent", "Sent At"]),
        .init(key: createdAt, aliases: ["date_created", "dateCreated", "Date Created", "Created At"]),
        .init(key: segments, aliases: ["NumSegments", "num_segments", "Message Segments", "Segments"]),
        .init(key: errorCode, aliases: ["ErrorCode", "error_code", "Error Code"]),
        .init(key: direction, aliases: ["Direction"]),
        .init(key: price, aliases: ["Price"]),
        .init(key: priceUnit, aliases: ["PriceUnit", "price_unit"]),
    ]

    /// Lowercased, without spaces, hyphens or underscores: the form aliases are compared in.
    static func normalised(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, UInt8(ascii: "_"), UInt8(ascii: "-"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
