/// Decimal strings read exactly into integer money: Twilio's `-0.00750` into microdollars, a shop's `84.50` into
/// cents. No `Double` is involved, so `0.1 + 0.2` never drifts.
enum DecimalField {
    /// Why a field is not a decimal amount.
    enum Failure: Error, Equatable {
        case notADecimal
        case tooManyDecimals(Int)
        case tooLarge
    }

    /// `text` as a whole number of 10^-`places` units, with its sign. Accepts an optional sign, an optional `$`,
    /// digits with optional thousands commas and at most `places` decimals; a leading `'` (a neutralised cell) is
    /// ignored. More decimals than `places` are refused unless they are zeros.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, places: Int) -> Result<Int64, Failure> {
        var index = 0
        var end = bytes.count
        while index < end && bytes[index] == 0x20 { index += 1 }
        while end > index && bytes[end - 1] == 0x20 { end -= 1 }
        if index < end && bytes[index] == UInt8(ascii: "'") { index += 1 }
        var negative = false
        if index < end && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if index < end && bytes[index] == UInt8(ascii: "$") { index += 1 }
        var whole: Int64 = 0
        var digits = 0
        while index < end && (bytes[index] >= 0x30 && bytes[index] <= 0x39 || bytes[index] == UInt8(ascii: ",")) {
            if bytes[index] != UInt8(ascii: ",") {
                guard whole < 100_000_000_000 else { return .failure(.tooLarge) }
                whole = whole * 10 + Int64(bytes[index] - 0x30)
                digits += 1
            }
            index += 1
        }
        var fraction: Int64 = 0
        var fractionDigits = 0
        if index < end && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end && bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                let digit = Int64(bytes[index] - 0x30)
                if fractionDigits < places {
                    fraction = fraction * 10 + digit
                } else if digit != 0 {
                    return .failure(.tooManyDecimals(places))
                }
                fractionDigits += 1
                digits += 1
                index += 1
            }
        }
        guard index == end, digits > 0 else { return .failure(.notADecimal) }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        for _ in min(fractionDigits, places)..<places { fraction *= 10 }
        let value = whole * scale + fraction
        return .success(negative ? -value : value)
    }

    /// A whole number (segments, error codes); a `.0` that spreadsheets add is accepted.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard case .success(let value) = parse(bytes, places: 0),
            !bytes.contains(UInt8(ascii: "$")), !bytes.contains(UInt8(ascii: ","))
        else { return nil }
        return value
    }
}
