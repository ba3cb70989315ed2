import Foundation

/// Reads RFC 4180 CSV row by row from a file or from bytes, streaming: memory holds one chunk and the current row,
/// whatever the file's size.
///
/// Accepted: quoted fields, doubled quotes inside them, line breaks inside quoted fields, CRLF, LF or bare-CR row
/// ends, a UTF-8 byte-order mark. A row keeps the number of the physical line it starts on (line breaks inside
/// quoted fields count), so a quarantined row can be found in an editor. A damaged row (a quote never closed, text
/// after a closing quote, bytes that are not UTF-8) is still returned, with `problem` set, so the caller can
/// quarantine it and go on; blank lines are skipped. A stray quote inside an unquoted field is kept as text, as
/// spreadsheets do.
///
/// ```swift
/// let csv = try CSVReader(path: "messages.csv")
/// while try csv.next() { print(csv.line, csv.string(0)) }
/// ```
/// - Complexity: O(n) in the file's bytes; a row that spans a chunk boundary is scanned twice.
public final class CSVReader {
    /// Why a row could not be read as fields.
    public enum RowProblem: Equatable, Sendable, CustomStringConvertible {
        /// The file ended inside a quoted field: a quote was never closed (the row runs to the end of the file).
        case unterminatedQuote
        /// Characters follow the closing quote of field `field` (0-based) before the next comma or line end.
        case textAfterClosingQuote(field: Int)
        /// The row's bytes are not UTF-8 from byte `offset` (0-based, within the row) on.
        case invalidUTF8(offset: Int, byte: UInt8)

        public var description: String {
            switch self {
            case .unterminatedQuote:
                return "a quoted field is never closed (the row runs to the end of the file)"
            case .textAfterClosingQuote(let field):
                return "field \(field + 1) has text after its closing quote; double a quote inside a quoted field"
            case .invalidUTF8(let offset, let byte):
                let hex = String(byte, radix: 16, uppercase: true)
                return "byte \(offset + 1) of the row (0x\(hex.count == 1 ? "0" + hex : hex)) is not UTF-8; "
                    + "save the file as UTF-8 (it may be Latin-1 or Windows-1252)"
            }
        }
    }

    /// The file as named by the caller, or "<bytes>".
    public let name: String
    /// 1-based physical line the current row starts on.
    public private(set) var line = 0
    /// Set when the current row is damaged; its fields are then a best effort.
    public private(set) var problem: RowProblem?
    /// Bytes of the input consumed so far, for progress.
    public var bytesRead: Int64 { bufferFileOffset + Int64(position) }
    /// Total size of the input when known (files and bytes), for progress.
    public let totalBytes: Int64?

    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var position = 0
    private var bufferFileOffset: Int64 = 0
    private var isAtEndOfInput = false
    private var nextLine = 1
    private var rowStart = 0
    private var rowEnd = 0
    private var values: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var hasher: SHA256?
    private var backgroundHasher: BackgroundSHA256?
    private var isFirstFill = true

    /// Opens `path` for reading.
    ///
    /// - Parameters:
    ///   - hashing: also compute the SHA-256 of every byte of the file (`sha256Hex` once the last row is read), on a
    ///     second thread.
    ///   - chunkSize: bytes read at a time; a row longer than a chunk grows the buffer.
    /// - Throws: `IngestError.cannotRead` when the file cannot be opened.
    public init(path: String, hashing: Bool = false, chunkSize: Int = 1 << 20) throws(IngestError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        totalBytes = fstat(descriptor, &status) == 0 ? Int64(status.st_size) : nil
        self.descriptor = descriptor
        name = path
        capacity = max(chunkSize, 64)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        backgroundHasher = hashing ? BackgroundSHA256() : nil
        values.reserveCapacity(4_096)
        fieldEnds.reserveCapacity(64)
    }

    /// Reads CSV held in memory (tests, small inputs).
    public init(bytes: [UInt8], name: String = "<bytes>", hashing: Bool = false) {
        descriptor = -1
        self.name = name
        totalBytes = Int64(bytes.count)
        capacity = max(bytes.count, 64)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        count = bytes.count
        isAtEndOfInput = true
        if hashing {
            var hasher = SHA256()
            bytes.withUnsafeBytes { hasher.update($0) }
            self.hasher = hasher
        }
    }

    /// Reads CSV text held in memory.
    public convenience init(text: String, name: String = "<text>") {
        self.init(bytes: Array(text.utf8), name: name)
    }

    deinit {
        buffer.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// The lowercase hex SHA-256 of the whole input, once `next()` has returned false; nil before or when not hashing.
    public private(set) var sha256Hex: String?

    // MARK: Rows

    /// Moves to the next row; false at the end of the input.
    /// - Throws: `IngestError.cannotRead` on a read error, `.notUTF8File` for a UTF-16 file.
    public func next() throws(IngestError) -> Bool {
        if isFirstFill {
            isFirstFill = false
            try fill()
            try skipByteOrderMark()
        }
        while true {
            if position >= count {
                if isAtEndOfInput {
                    finishHashing()
                    return false
                }
                try fill()
                continue
            }
            let outcome = parseRow(from: position)
            switch outcome {
            case .incomplete:
                try fill()
            case .complete(let end, let contentEnd):
                rowStart = position
                rowEnd = contentEnd
                position = end
                if contentEnd == rowStart && fieldEnds.count == 1 && problem == nil { continue }  // a blank line
                if problem == nil, let invalid = Self.firstInvalidUTF8(buffer + rowStart, rowEnd - rowStart) {
                    problem = .invalidUTF8(offset: invalid, byte: buffer[rowStart + invalid])
                }
                return true
            }
        }
    }

    /// Fields in the current row.
    public var fieldCount: Int { fieldEnds.count }

    /// The unquoted bytes of field `index` (0-based) of the current row.
    @inline(__always)
    public func withField<Result>(
        _ index: Int,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows
        -> Result
    {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return try values.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<fieldEnds[index]]))
        }
    }

    /// Field `index` (0-based) of the current row as text (invalid UTF-8 shows as U+FFFD).
    public func string(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every field of the current row as text.
    public var strings: [String] { (0..<fieldCount).map(string) }

    /// The current row as written in the file, quotes and inner line breaks included, without its line end (invalid
    /// UTF-8 shows as U+FFFD): what quarantine keeps.
    public var rawText: String {
        String(decoding: UnsafeBufferPointer(start: buffer + rowStart, count: rowEnd - rowStart), as: UTF8.self)
    }

    // MARK: Scanning

    private enum Outcome {
        /// The row ends before `contentEnd`'s line end; the next row starts at `end`.
        case complete(end: Int, contentEnd: Int)
        /// More bytes are needed to finish the row (or to see past a CR).
        case incomplete
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Scans one row from `start`, filling `values` and `fieldEnds`; on `.incomplete` nothing is kept.
    private func parseRow(from start: Int) -> Outcome {
        values.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        problem = nil
        var lines = 0
        var index = start
        let end = count
        let eof = isAtEndOfInput
        let bytes = buffer
        while true {
            // At the start of a field.
            if index < end && bytes[index] == Self.quote {
                index += 1
                var segment = index
                while true {
                    while index < end && bytes[index] != Self.quote {
                        if bytes[index] == Self.lineFeed { lines += 1 }
                        index += 1
                    }
                    if index == end {
                        guard eof else { return .incomplete }
                        appendValue(bytes, segment, index)
                        fieldEnds.append(values.count)
                        problem = .unterminatedQuote
                        return finish(start: start, contentEnd: end, next: end, lines: lines)
                    }
                    appendValue(bytes, segment, index)
                    if index + 1 == end && !eof { return .incomplete }
                    if index + 1 < end && bytes[index + 1] == Self.quote {
                        values.append(Self.quote)
                        index += 2
                        segment = index
                        continue
                    }
                    index += 1
                    break
                }
                if index < end {
                    let byte = bytes[index]
                    if byte != Self.comma && byte != Self.lineFeed && byte != Self.carriageReturn {
                        if problem == nil { problem = .textAfterClosingQuote(field: fieldEnds.count) }
                        let segment = index
                        while index < end {
                            let byte = bytes[index]
                            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                            index += 1
                        }
                        if index == end && !eof { return .incomplete }
                        appendValue(bytes, segment, index)
                    }
                }
            } else {
                let segment = index
                while index < end {
                    let byte = bytes[index]
                    if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    index += 1
                }
                if index == end && !eof { return .incomplete }
                appendValue(bytes, segment, index)
            }
            fieldEnds.append(values.count)
            if index == end { return finish(start: start, contentEnd: end, next: end, lines: lines) }
            let byte = bytes[index]
            if byte == Self.comma {
                index += 1
                continue
            }
            if byte == Self.lineFeed {
                return finish(start: start, contentEnd: index, next: index + 1, lines: lines + 1)
            }
            // A CR ends the row; a LF right after it belongs to the same line end.
            if index + 1 == end && !eof { return .incomplete }
            let next = index + 1 < end && bytes[index + 1] == Self.lineFeed ? index + 2 : index + 1
            return finish(start: start, contentEnd: index, next: next, lines: lines + 1)
        }
    }

    @inline(__always)
    private func appendValue(_ bytes: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) {
        if to > from { values.append(contentsOf: UnsafeBufferPointer(start: bytes + from, count: to - from)) }
    }

    @inline(__always)
    private func finish(start: Int, contentEnd: Int, next: Int, lines: Int) -> Outcome {
        line = nextLine
        nextLine += lines
        return .complete(end: next, contentEnd: contentEnd)
    }

    // MARK: Input

    /// Keeps the unread bytes, moved to the front, and reads more after them (growing the buffer for a long row).
    private func fill() throws(IngestError) {
        guard descriptor >= 0, !isAtEndOfInput else {
            isAtEndOfInput = true
            return
        }
        if position > 0 {
            let unread = count - position
            if unread > 0 { buffer.update(from: buffer + position, count: unread) }
            bufferFileOffset += Int64(position)
            count = unread
            position = 0
        }
        if count == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        while count < capacity {
            let got = read(descriptor, buffer + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: name, reason: String(cString: strerror(errno)))
            }
            if got == 0 {
                isAtEndOfInput = true
                break
            }
            backgroundHasher?.update(UnsafeRawBufferPointer(start: buffer + count, count: got))
            count += got
        }
    }

    private func skipByteOrderMark() throws(IngestError) {
        if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            position = 3
        } else if count >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            throw .notUTF8File(path: name, encoding: "UTF-16")
        }
    }

    private func finishHashing() {
        guard sha256Hex == nil else { return }
        if let backgroundHasher { sha256Hex = backgroundHasher.finalizeHex() }
        if var hasher { sha256Hex = hasher.finalizeHex() }
    }

    // MARK: UTF-8

    /// The offset of the first byte of `bytes` that breaks UTF-8 (RFC 3629: no overlongs, surrogates or values
    /// past U+10FFFF), nil when all is well.
    /// - Complexity: O(n); eight ASCII bytes at a time.
    static func firstInvalidUTF8(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        var index = 0
        while index < length {
            if index + 8 <= length {
                let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let width: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0:
                width = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED:
                width = 3
                high = 0x9F
            case 0xF0:
                width = 4
                low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4:
                width = 4
                high = 0x8F
            default: return index
            }
            guard index + width <= length else { return index }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return index }
            for continuation in 2..<width where bytes[index + continuation] & 0xC0 != 0x80 { return index }
            index += width
        }
        return nil
    }
}

/// A reader owns its file descriptor and buffer and stays on one task.
@available(*, unavailable, message: "A CSVReader belongs to the task that opened it")
extension CSVReader: Sendable {}
