/// Writes CSV as RFC 4180 describes it, into a byte buffer the caller drains into a file or stream.
///
/// - A header row first; every row has the header's column count (a programming error otherwise).
/// - Fields are quoted only when they hold a comma, a double quote, CR or LF; quotes inside are doubled.
/// - Lines end in CRLF by default (RFC 4180 §2.1); `.lf` is there for tools that want Unix line ends.
///   Line breaks inside a quoted field are kept as written.
/// - Text is UTF-8 without a byte-order mark.
/// - Text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (OWASP "CSV Injection"), so a
///   spreadsheet shows it as text instead of running it as a formula. Numbers written as `integer` or
///   `decimal` are never prefixed, so `-5` stays a number; write numbers as numbers, not as text.
///
/// The same calls give the same bytes. For large exports call `takeBytes()` every few thousand rows and write
/// the chunk out, so memory stays flat:
///
/// ```swift
/// var csv = CSVWriter(header: ["variant", "customers", "reply_rate"])
/// csv.writeRow([.text("conversational"), .integer(5_210), .decimal(0.1834, places: 6)])
/// let bytes = csv.takeBytes()   // "variant,customers,reply_rate\r\nconversational,5210,0.183400\r\n"
/// ```
public struct CSVWriter: Sendable {
    /// The bytes that end a record.
    public enum LineEnding: Sendable {
        /// `\r\n`, as RFC 4180 specifies.
        case crlf
        /// `\n`.
        case lf

        var bytes: [UInt8] { self == .crlf ? [0x0D, 0x0A] : [0x0A] }
    }

    /// Fields per row: the header's length.
    public let columnCount: Int
    public let lineEnding: LineEnding
    /// Data rows finished so far (the header not counted).
    public private(set) var rowCount = 0
    private var buffer: [UInt8] = []
    private var fieldsInRow = 0
    private let lineEndBytes: [UInt8]

    /// Starts a CSV with `header` as its first row (header names are neutralised like any text).
    public init(header: [String], lineEnding: LineEnding = .crlf, reservingCapacity capacity: Int = 0) {
        precondition(!header.isEmpty, "a CSV needs at least one column")
        columnCount = header.count
        self.lineEnding = lineEnding
        lineEndBytes = lineEnding.bytes
        buffer.reserveCapacity(capacity)
        for (index, name) in header.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendText(name)
        }
        buffer.append(contentsOf: lineEndBytes)
    }

    /// Bytes written and not yet taken.
    public var pendingByteCount: Int { buffer.count }

    /// Returns the bytes written since the last call and empties the buffer.
    public mutating func takeBytes() -> [UInt8] {
        let taken = buffer
        buffer.removeAll(keepingCapacity: true)
        return taken
    }

    /// Writes one whole row; `cells.count` must equal `columnCount`.
    public mutating func writeRow(_ cells: [CSVCell]) {
        precondition(fieldsInRow == 0, "writeRow called in the middle of a row")
        for cell in cells { write(cell) }
        endRow()
    }

    /// Writes the next field of the current row.
    public mutating func write(_ cell: CSVCell) {
        switch cell {
        case .text(let text): write(text: text)
        case .integer(let value): write(integer: value)
        case .decimal(let value, let places): write(decimal: value, places: places)
        case .empty: writeEmpty()
        }
    }

    /// Writes a text field, neutralised and quoted as needed.
    public mutating func write(text: String) {
        separate()
        appendText(text)
    }

    /// Writes a whole-number field.
    public mutating func write(integer value: Int64) {
        separate()
        buffer.append(contentsOf: String(value).utf8)
    }

    /// Writes a decimal field with exactly `places` decimals (empty for NaN and infinities).
    public mutating func write(decimal value: Double, places: Int) {
        separate()
        buffer.append(contentsOf: NumberText.fixed(value, places: places).utf8)
    }

    /// Writes an empty field.
    public mutating func writeEmpty() { separate() }

    /// Ends the current row; it must have exactly `columnCount` fields.
    public mutating func endRow() {
        precondition(fieldsInRow == columnCount, "a CSV row has \(fieldsInRow) fields, the header \(columnCount)")
        buffer.append(contentsOf: lineEndBytes)
        fieldsInRow = 0
        rowCount += 1
    }

    private mutating func separate() {
        precondition(fieldsInRow < columnCount, "a CSV row has more fields than the header's \(columnCount)")
        if fieldsInRow > 0 { buffer.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    private mutating func appendText(_ text: String) {
        let utf8 = text.utf8
        let neutralise = utf8.first.map(CSVWriter.startsFormula) ?? false
        let needsQuotes = utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        }
        if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
        if neutralise { buffer.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
    }

    /// True for the first bytes OWASP lists as starting a spreadsheet formula.
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }
}
