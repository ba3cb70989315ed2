import EventLog
import Messaging

/// The first pass over a Twilio message log: every row checked and either kept (compact) or quarantined with its
/// line and reason, the file hashed on the way. Nothing touches the database here.
struct TwilioLogParser {
    let mapping: ImportMapping
    let keywords: KeywordPolicy

    init(mapping: ImportMapping, keywords: KeywordPolicy = .standard) {
        self.mapping = mapping
        self.keywords = keywords
    }

    /// Reads `path` to the end.
    /// - Parameter progress: called now and then with the bytes read and the file's size.
    /// - Throws: `IngestError` for a file that cannot be used at all (unreadable, UTF-16, a needed column missing).
    func parse(path: String, progress: (Int64, Int64) -> Void = { _, _ in }) throws(IngestError) -> ParsedMessageLog {
        let reader = try CSVReader(path: path, hashing: true)
        return try parse(reader, progress: progress)
    }

    func parse(
        _ reader: CSVReader,
        progress: (Int64, Int64) -> Void = { _, _ in }
    ) throws(IngestError) -> ParsedMessageLog {
        let file = reader.name
        guard try reader.next() else { throw .emptyFile(path: file) }
        if let problem = reader.problem { throw .badHeader(path: file, reason: problem.description) }
        let header = reader.strings
        let extra = mapping.messageColumns
        let resolver = try ColumnResolver(header: header, columns: TwilioColumns.all, extra: extra, file: file)
        func require(_ key: String) throws(IngestError) -> Int {
            try resolver.require(key, in: TwilioColumns.all, extra: extra, file: file)
        }
        let columns = Columns(
            sid: try require(TwilioColumns.sid),
            from: try require(TwilioColumns.from),
            to: try require(TwilioColumns.to),
            body: resolver.indexes[TwilioColumns.body],
            status: try require(TwilioColumns.status),
            sentAt: resolver.indexes[TwilioColumns.sentAt],
            createdAt: resolver.indexes[TwilioColumns.createdAt],
            segments: resolver.indexes[TwilioColumns.segments],
            errorCode: resolver.indexes[TwilioColumns.errorCode],
            direction: try require(TwilioColumns.direction),
            price: resolver.indexes[TwilioColumns.price],
            priceUnit: resolver.indexes[TwilioColumns.priceUnit],
            kind: try mapping.kindColumn.map { name throws(IngestError) in try Self.mappedColumn(name, header, file) },
            variant: try mapping.variantColumn.map { name throws(IngestError) in
                try Self.mappedColumn(name, header, file)
            }
        )
        if columns.sentAt == nil && columns.createdAt == nil {
            _ = try require(TwilioColumns.sentAt)
        }
        var log = ParsedMessageLog(file: file, sha256: "")
        let mappedNames = Set([mapping.kindColumn, mapping.variantColumn].compactMap { $0 })
        log.unusedColumns = resolver.unused.filter { !mappedNames.contains($0) }
        var state = State()
        // About 200 bytes a row in real exports: reserving avoids rehashing a million Sids several times.
        let expectedRows = Int(min(reader.totalBytes ?? 0, 1 << 34) / 200)
        state.twilioSids.reserveCapacity(expectedRows)
        log.rows.reserveCapacity(expectedRows)
        while try reader.next() {
            log.rowsRead += 1
            if log.rowsRead & 4_095 == 0 { progress(reader.bytesRead, reader.totalBytes ?? 0) }
            switch read(reader, columns, header.count, &log, &state) {
            case .kept(let message):
                log.rows.append(message)
            case .quarantined(let label, let reason):
                log.quarantine.append(
                    QuarantinedRow(line: Int64(reader.line), label: label, reason: reason, rawText: reader.rawText)
                )
            case .duplicate:
                log.duplicatesInFile += 1
            }
        }
        progress(reader.bytesRead, reader.totalBytes ?? reader.bytesRead)
        log.sha256 = reader.sha256Hex ?? ""
        return log
    }

    private static func mappedColumn(_ name: String, _ header: [String], _ file: String) throws(IngestError) -> Int {
        let wanted = TwilioColumns.normalised(name)
        guard let index = header.firstIndex(where: { TwilioColumns.normalised($0) == wanted }) else {
            throw .missingColumn(path: file, column: "'\(name)' (named in the mapping file)", accepted: [name])
        }
        return index
    }

    private struct Columns {
        var sid: Int
        var from: Int
        var to: Int
        var body: Int?
        var status: Int
        var sentAt: Int?
        var createdAt: Int?
        var segments: Int?
        var errorCode: Int?
        var direction: Int
        var price: Int?
        var priceUnit: Int?
        var kind: Int?
        var variant: Int?
    }

    /// What the pass remembers between rows.
    private struct State {
        var twilioSids: Set<SidKey> = []
        var businessIndex: [String: Int32] = [:]
        var keywordIndex: [String: Int32] = [:]
        var variantIndex: [String: Int32] = [:]
        var ordinal: Int32 = 0
    }

    private enum RowOutcome {
        case kept(ParsedMessage)
        case quarantined(label: String, reason: String)
        case duplicate
    }

    private func read(
        _ reader: CSVReader,
        _ columns: Columns,
        _ width: Int,
        _ log: inout ParsedMessageLog,
        _ state: inout State
    ) -> RowOutcome {
        if let problem = reader.problem {
            if case .invalidUTF8 = problem { return .quarantined(label: "invalid UTF-8", reason: problem.description) }
            return .quarantined(label: "damaged CSV row", reason: problem.description)
        }
        guard reader.fieldCount == width else {
            return .quarantined(
                label: "ragged row",
                reason: "the row has \(reader.fieldCount) fields, the header \(width); a comma in an unquoted field?"
            )
        }
        // Sid
        let sidValid = reader.withField(columns.sid) { SidKey.isAcceptable(Self.trimmed($0)) }
        guard sidValid else {
            let text = reader.string(columns.sid)
            return text.allSatisfy({ $0 == " " })
                ? .quarantined(label: "no Sid", reason: "the Sid is empty; every Twilio message has one")
                : .quarantined(
                    label: "bad Sid",
                    reason: "the Sid '\(text)' is not a message id (e.g. SM + 32 hex digits)"
                )
        }
        // Direction and status
        let directionText = reader.string(columns.direction)
        guard let direction = TwilioDirection.parse(directionText) else {
            return .quarantined(
                label: "unknown direction",
                reason: "Direction '\(directionText)' is not inbound, outbound-api, outbound-reply or outbound-call"
            )
        }
        let statusText = reader.string(columns.status)
        guard var status = TwilioStatus.parse(statusText) else {
            return .quarantined(
                label: "unknown status",
                reason: "Status '\(statusText)' is not a Twilio message status"
            )
        }
        if direction.isInbound {
            status = .received
        } else if status == .received {
            return .quarantined(
                label: "status contradicts direction",
                reason: "Status '\(statusText)' belongs to inbound texts, but Direction is '\(directionText)'"
            )
        }
        // Time: when sent, else when created (a text that never went out has no sending time).
        var dateColumn = columns.sentAt
        if let sentAt = columns.sentAt, reader.withField(sentAt, { Self.trimmed($0).isEmpty }) { dateColumn = nil }
        if dateColumn == nil, let createdAt = columns.createdAt,
            !reader.withField(createdAt, { Self.trimmed($0).isEmpty })
        {
            dateColumn = createdAt
        }
        guard let dateColumn else {
            return .quarantined(label: "no date", reason: "the row has neither a sending nor a creation date")
        }
        let stamp: Timestamp
        switch reader.withField(dateColumn, Timestamp.parse) {
        case .success(let value): stamp = value
        case .failure(let failure):
            let name = dateColumn == columns.sentAt ? "sent date" : "creation date"
            return .quarantined(
                label: "bad date",
                reason: Timestamp.reason(failure, column: name, text: reader.string(dateColumn))
            )
        }
        // Numbers: the customer is From for inbound texts and To for outbound ones.
        let customerColumn = direction.isInbound ? columns.from : columns.to
        let businessColumn = direction.isInbound ? columns.to : columns.from
        let (customerResult, customerPrefixes) = reader.withField(customerColumn) { bytes in
            let (number, prefixes) = PhoneField.strip(bytes)
            return (PhoneField.customer(number), prefixes)
        }
        let customer: PhoneNumber
        switch customerResult {
        case .success(let phone): customer = phone
        case .failure(let error):
            let text = reader.string(customerColumn)
            if text.uppercased().contains("E+") {
                return .quarantined(
                    label: "bad customer number",
                    reason: "customer number '\(text)' was turned into a number by a spreadsheet and lost digits; "
                        + "export the log again and do not open it in a spreadsheet first"
                )
            }
            return .quarantined(label: "bad customer number", reason: "customer number '\(text)': \(error)")
        }
        let (businessNumber, businessPrefixes) = reader.withField(businessColumn) { bytes in
            let (number, prefixes) = PhoneField.strip(bytes)
            return (PhoneField.business(number), prefixes)
        }
        guard let businessNumber else {
            return .quarantined(
                label: "bad business number",
                reason: "business number '\(reader.string(businessColumn))' is not a phone number, short code or "
                    + "sender ID"
            )
        }
        // Counts and money.
        var segments: Int32 = -1
        if let column = columns.segments, !reader.withField(column, { Self.trimmed($0).isEmpty }) {
            guard let value = reader.withField(column, DecimalField.integer), (0...1_000).contains(value) else {
                return .quarantined(
                    label: "bad segments",
                    reason: "NumSegments '\(reader.string(column))' is not a whole number of segments"
                )
            }
            segments = Int32(value)
        }
        var errorCode: Int32 = -1
        if let column = columns.errorCode, !reader.withField(column, { Self.trimmed($0).isEmpty }) {
            guard let value = reader.withField(column, DecimalField.integer), (0...999_999).contains(value) else {
                return .quarantined(
                    label: "bad error code",
                    reason: "ErrorCode '\(reader.string(column))' is not a Twilio error code (e.g. 30003)"
                )
            }
            errorCode = Int32(value)
        }
        var cost: Int64 = 0
        if let column = columns.price, !reader.withField(column, { Self.trimmed($0).isEmpty }) {
            switch reader.withField(column, { DecimalField.parse($0, places: 6) }) {
            case .success(let value): cost = abs(value)
            case .failure:
                return .quarantined(
                    label: "bad price",
                    reason: "Price '\(reader.string(column))' is not a decimal such as -0.00790"
                )
            }
            if let unit = columns.priceUnit {
                let text = reader.string(unit).trimmingSpaces.uppercased()
                if !text.isEmpty && text != "USD" {
                    log.nonUSDPrices += 1
                    cost = 0
                }
            }
        }
        // The row is good: decide what the mapping says and keep it.
        let sidKey = reader.withField(columns.sid) { SidKey(Self.trimmed($0)) }
        guard state.twilioSids.insert(sidKey).inserted else { return .duplicate }
        if customerPrefixes.whatsApp || businessPrefixes.whatsApp { log.whatsApp += 1 }
        if stamp.isNaive { log.naiveDates += 1 }
        var bodySpan = TextArena.Span(start: log.arena.bytes.count, count: 0)
        var isPlainGSM = true
        if let column = columns.body {
            let unneutralise = customerPrefixes.neutralised
            bodySpan = reader.withField(column) { bytes in
                isPlainGSM = Self.isPlainGSM(bytes)
                if unneutralise, bytes.count >= 2, bytes[0] == UInt8(ascii: "'"), Self.startsFormula(bytes[1]) {
                    return log.arena.append(UnsafeBufferPointer(rebasing: bytes[1...]))
                }
                return log.arena.append(bytes)
            }
        }
        let sidSpan = reader.withField(columns.sid) { log.arena.append(Self.trimmed($0)) }
        var keyword = KeywordClass.none
        var keywordText: Int32 = -1
        if direction.isInbound {
            let match = keywords.classify(log.arena.string(bodySpan))
            keyword = match.keywordClass
            if let text = match.keyword {
                keywordText = Self.intern(text, &state.keywordIndex, &log.keywords)
            }
        }
        var kindOverride: MessageKind?
        if let column = columns.kind {
            let value = TwilioColumns.normalised(reader.string(column))
            if !value.isEmpty {
                kindOverride = mapping.kindValues[value] ?? MessageKind(rawValue: value)
                if kindOverride == nil { log.unknownKindValues += 1 }
            }
        }
        var variant: Int32 = -1
        if let column = columns.variant {
            let name = reader.string(column).trimmingSpaces
            if !name.isEmpty { variant = Self.intern(name, &state.variantIndex, &log.variantNames) }
        }
        let ordinal = state.ordinal
        state.ordinal += 1
        return .kept(
            ParsedMessage(
                at: stamp.epochMilliseconds,
                customer: customer.nationalNumber,
                business: Self.intern(businessNumber, &state.businessIndex, &log.businessNumbers),
                line: Int32(clamping: reader.line),
                ordinal: ordinal,
                body: bodySpan,
                sid: sidSpan,
                costMicrodollars: cost,
                errorCode: errorCode,
                segments: segments,
                direction: direction,
                status: status,
                keyword: keyword,
                keywordText: keywordText,
                kindOverride: kindOverride,
                variant: variant,
                isPlainGSM: isPlainGSM
            )
        )
    }

    private static func intern(_ text: String, _ index: inout [String: Int32], _ list: inout [String]) -> Int32 {
        if let found = index[text] { return found }
        let next = Int32(list.count)
        index[text] = next
        list.append(text)
        return next
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// True when every byte is printable ASCII other than the backtick, or a line break: all of it is in the GSM-7
    /// basic or extension table, so the text travels as GSM-7.
    static func isPlainGSM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where (byte < 0x20 && byte != 0x0A && byte != 0x0D) || byte > 0x7E || byte == 0x60 {
            return false
        }
        return true
    }

    /// The first bytes a CSV writer neutralises with a leading `'` (OWASP): = + - @ tab CR.
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
