import Messaging

/// Phone numbers as exports write them: `+14155550123`, `14155550123`, `(415) 555-0123`, `whatsapp:+1…`, and
/// `'+14155550123` from a CSV writer that neutralised a cell starting with `+` against spreadsheet formulas.
///
/// Customers must be North American numbers (`PhoneNumber`, fictional 555-01XX and 0XX/1XX exchanges allowed so
/// simulated runs re-import); the brand's side may also be a short code (5–6 digits) or an alphanumeric sender ID.
enum PhoneField {
    /// What was peeled off the text before the number itself.
    struct Prefixes: Equatable {
        /// A leading `'` (a neutralised CSV cell) was removed.
        var neutralised = false
        /// A `whatsapp:` channel prefix was removed.
        var whatsApp = false
    }

    /// The bytes with surrounding spaces, a leading `'` and a `whatsapp:` prefix removed.
    static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt8>, Prefixes) {
        var start = 0
        var end = bytes.count
        var prefixes = Prefixes()
        while start < end && bytes[start] == 0x20 { start += 1 }
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        if start < end && bytes[start] == UInt8(ascii: "'") {
            start += 1
            prefixes.neutralised = true
        }
        let whatsApp = Array("whatsapp:".utf8)
        if end - start >= whatsApp.count
            && (0..<whatsApp.count).allSatisfy({ bytes[start + $0] | 0x20 == whatsApp[$0] })
        {
            start += whatsApp.count
            prefixes.whatsApp = true
            while start < end && bytes[start] == 0x20 { start += 1 }
        }
        return (UnsafeBufferPointer(rebasing: bytes[start..<end]), prefixes)
    }

    /// A customer's number: the fast path reads `+1` and 10 digits, or 10 or 11 bare digits; anything else goes
    /// through `PhoneNumber.parse` so its error says what is wrong.
    static func customer(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<PhoneNumber, PhoneNumberError> {
        var digits: Int64 = 0
        var count = 0
        var index = 0
        var plus = false
        if index < bytes.count && bytes[index] == UInt8(ascii: "+") {
            plus = true
            index += 1
        }
        var simple = true
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else {
                simple = false
                break
            }
            if count < 18 { digits = digits * 10 + Int64(byte - 0x30) }
            count += 1
            index += 1
        }
        if simple && ((count == 11 && digits / 10_000_000_000 == 1) || (count == 10 && !plus)) {
            do {
                return .success(try PhoneNumber(nationalNumber: digits % 10_000_000_000, allowFictional: true))
            } catch {
                return .failure(error)
            }
        }
        do {
            return .success(try PhoneNumber.parse(String(decoding: bytes, as: UTF8.self), allowFictional: true))
        } catch {
            return .failure(error)
        }
    }

    /// The brand's number as stored in `messages.business_number`: E.164 for a NANP number, the digits of a short
    /// code, or an alphanumeric sender ID as written; nil when it is none of these.
    static func business(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if case .success(let phone) = customer(bytes) { return phone.e164 }
        guard !bytes.isEmpty, bytes.count <= 11 else { return nil }
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return (5...6).contains(bytes.count) ? String(decoding: bytes, as: UTF8.self) : nil
        }
        let allowed = bytes.allSatisfy { byte in
            Timestamp.isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x20 || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
        return allowed && bytes.contains(where: Timestamp.isLetter) ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
