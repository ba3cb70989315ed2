/// A North American phone number in E.164 form, parsed from what people and exports actually write.
///
/// Validates the NANP rules (NPA `[2-9]XX`, not N11, not X9X; NXX `[2-9]XX`, not N11). Reports show `masked`,
/// joins use `keyedHash`, so the number itself need not leave the event log.
public struct PhoneNumber: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The ten NANP digits as a number, e.g. 4155550123.
    public let nationalNumber: Int64

    /// Builds a number from its ten digits after the same checks as `parse`.
    public init(nationalNumber: Int64, allowFictional: Bool = false) throws(PhoneNumberError) {
        guard (0...9_999_999_999).contains(nationalNumber) else {
            throw .wrongLength(digits: String(nationalNumber).count)
        }
        try PhoneNumber.validate(
            areaCode: Int(nationalNumber / 10_000_000),
            exchange: Int(nationalNumber / 10_000 % 1000),
            allowFictional: allowFictional
        )
        self.nationalNumber = nationalNumber
    }

    /// Parses "(415) 555-0123", "+1 415.555.0123", "1-415-555-0123", "whatsapp:+14155550123" and the like.
    ///
    /// `allowFictional` also accepts central-office codes 0XX/1XX, which are never assigned, for synthetic
    /// customers; 555-0100…0199 is accepted either way (reserved for fiction by NANPA).
    /// - Throws: `PhoneNumberError` naming what is wrong.
    public static func parse(_ text: String, allowFictional: Bool = false) throws(PhoneNumberError) -> PhoneNumber {
        var body = Substring(text).trimmingWhiteSpace()
        for prefix in ["whatsapp:", "tel:", "sms:"] where body.lowercased().hasPrefix(prefix) {
            body = body.dropFirst(prefix.count).trimmingWhiteSpace()
        }
        guard !body.isEmpty else { throw .empty }
        var digits: [UInt8] = []
        var hasPlus = false
        for (offset, character) in body.enumerated() {
            if let ascii = character.asciiValue, ascii >= 48, ascii <= 57 {
                digits.append(ascii - 48)
            } else if character == "+" {
                guard offset == 0 else { throw .misplacedPlus }
                hasPlus = true
            } else if !(character == " " || character == "-" || character == "." || character == "("
                || character == ")" || character == "\u{A0}")
            {
                throw .invalidCharacter(character)
            }
        }
        if hasPlus, let first = digits.first, first != 1 {
            throw .unsupportedCountryCode(String(digits.prefix(3).map { Character(String($0)) }))
        }
        if digits.count == 11 && digits[0] == 1 {
            digits.removeFirst()
        } else if hasPlus || digits.count != 10 {
            throw .wrongLength(digits: digits.count)
        }
        let national = digits.reduce(Int64(0)) { $0 * 10 + Int64($1) }
        return try PhoneNumber(nationalNumber: national, allowFictional: allowFictional)
    }

    private static func validate(areaCode: Int, exchange: Int, allowFictional: Bool) throws(PhoneNumberError) {
        if areaCode < 200 { throw .invalidAreaCode(areaCode, reason: "area codes start with a digit from 2 to 9") }
        if areaCode % 100 == 11 {
            throw .invalidAreaCode(areaCode, reason: "N11 codes are service codes such as 411 and 911")
        }
        if areaCode / 10 % 10 == 9 {
            throw .invalidAreaCode(areaCode, reason: "codes with 9 in the middle are reserved for NANP expansion")
        }
        if exchange < 200 {
            if !allowFictional { throw .fictionalExchange(exchange) }
        } else if exchange % 100 == 11 {
            throw .invalidExchange(exchange, reason: "N11 codes are service codes such as 411 and 911")
        }
    }

    /// "+14155550123".
    public var e164: String { "+1\(nationalNumber)" }

    /// The three-digit area code (NPA), e.g. 415.
    public var areaCode: Int { Int(nationalNumber / 10_000_000) }

    /// The central-office code (NXX), e.g. 555.
    public var exchange: Int { Int(nationalNumber / 10_000 % 1000) }

    /// The last four digits, e.g. 123 for …-0123.
    public var lineNumber: Int { Int(nationalNumber % 10_000) }

    /// True for numbers no real phone can have: 555-0100…0199 or a 0XX/1XX exchange.
    public var isFictional: Bool {
        exchange < 200 || (exchange == 555 && (100...199).contains(lineNumber))
    }

    /// "+1 415 ***-**23": keeps the area code, which quiet-hours audits need, and hides the subscriber.
    public var masked: String {
        let lastTwo = lineNumber % 100
        return "+1 \(areaCode) ***-**\(lastTwo < 10 ? "0" : "")\(lastTwo)"
    }

    /// A 64-bit SipHash-2-4 of the E.164 text under `key`: the same in every process and on every machine, so
    /// tables can be joined on it without storing the number. Keep the key secret to resist dictionary attacks.
    public func keyedHash(key: UInt64) -> UInt64 {
        SipHash24(key0: key, key1: key ^ 0x5265_706C_794C_6162).hash(Array(e164.utf8))
    }

    public var description: String { masked }

    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.nationalNumber < rhs.nationalNumber }

    /// Stored as the E.164 text, the form every provider export uses.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try PhoneNumber.parse(text, allowFictional: true)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}

extension Substring {
    func trimmingWhiteSpace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
