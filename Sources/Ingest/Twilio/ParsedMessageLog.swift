import EventLog
import Messaging

/// One message row that passed every check, kept compact (about 80 bytes plus its body and Sid in `TextArena`) so
/// a 10^6-row log fits in memory while it is sorted and threaded.
struct ParsedMessage {
    /// UTC epoch ms.
    var at: Int64
    /// The customer's ten NANP digits.
    var customer: Int64
    /// Index into `ParsedMessageLog.businessNumbers`.
    var business: Int32
    /// Physical line the row starts on.
    var line: Int32
    /// Row order in the file, to keep the sort stable.
    var ordinal: Int32
    var body: TextArena.Span
    var sid: TextArena.Span
    var costMicrodollars: Int64
    /// Twilio error code, -1 when blank.
    var errorCode: Int32
    /// From the file; -1 when blank (counted from the body when stored).
    var segments: Int32
    var direction: TwilioDirection
    var status: MessageStatus
    /// The keyword layer's reading of an inbound body.
    var keyword: KeywordClass
    /// Index into `ParsedMessageLog.keywords`, -1 when none.
    var keywordText: Int32
    /// The kind the mapping's kind column gave, when it gave one.
    var kindOverride: MessageKind?
    /// Index into `ParsedMessageLog.variantNames` from the mapping's variant column, -1 when none.
    var variant: Int32
    /// The body is plain GSM-7 text (printable ASCII but the backtick, and line breaks), so its encoding is known
    /// without counting segments.
    var isPlainGSM: Bool
}

/// Bytes of many short texts in one buffer, so a million bodies cost one allocation instead of a million.
struct TextArena {
    struct Span {
        var start: Int
        var count: Int32
    }

    private(set) var bytes: [UInt8] = []

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) -> Span {
        let span = Span(start: bytes.count, count: Int32(text.count))
        bytes.append(contentsOf: text)
        return span
    }

    func string(_ span: Span) -> String {
        bytes.withUnsafeBufferPointer { all in
            String(
                decoding: UnsafeBufferPointer(rebasing: all[span.start..<(span.start + Int(span.count))]),
                as: UTF8.self
            )
        }
    }

    func withBytes<Result>(_ span: Span, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[span.start..<(span.start + Int(span.count))]))
        }
    }
}

/// A refused row: where it was, why (a short label for the report and a sentence for the table), and its text.
struct QuarantinedRow: Equatable, Sendable {
    var line: Int64
    /// Groups rows in the load report ("bad date", "ragged row").
    var label: String
    var reason: String
    var rawText: String
}

/// Everything the first pass over a message log found.
struct ParsedMessageLog {
    var file: String
    var sha256: String
    var rows: [ParsedMessage] = []
    var arena = TextArena()
    var businessNumbers: [String] = []
    var keywords: [String] = []
    var variantNames: [String] = []
    var quarantine: [QuarantinedRow] = []
    /// Data rows read (header and blank lines not counted).
    var rowsRead = 0
    var duplicatesInFile = 0
    var naiveDates = 0
    var whatsApp = 0
    /// Rows whose price was in another currency than USD: loaded with cost 0.
    var nonUSDPrices = 0
    /// Kind-column values the mapping does not name: the rule decided those rows.
    var unknownKindValues = 0
    var unusedColumns: [String] = []
}
