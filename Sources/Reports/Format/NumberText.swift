/// Locale-independent, deterministic number text for reports, CSVs and notebooks.
///
/// Rounding works on the shortest decimal form Swift prints for a `Double` (the same digits on every platform), so
/// 0.285 rounds to "0.29" as a reader expects, not to "0.28" as `(0.285 * 100).rounded()` would. Halves round away
/// from zero. Negative zero prints as "0".
public enum NumberText {
    /// `value` with exactly `places` decimals and an ASCII minus ("-1.50"); "" for NaN and infinities.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        let places = max(0, places)
        let (digits, pointIndex) = roundedDigits(value.magnitude, places: places)
        var text = ""
        let integerDigits = digits.prefix(pointIndex)
        text += integerDigits.isEmpty ? "0" : String(decoding: integerDigits, as: UTF8.self)
        if places > 0 {
            text += "."
            text += String(decoding: digits.dropFirst(pointIndex), as: UTF8.self)
        }
        let isZero = digits.allSatisfy { $0 == UInt8(ascii: "0") }
        return value < 0 && !isZero ? "-" + text : text
    }

    /// `value` with thousands separators ("12,345", "-1,000").
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        return value < 0 ? "-" + text : text
    }

    /// `value` with `places` decimals and thousands separators in the integer part ("12,345.6").
    public static func groupedFixed(_ value: Double, places: Int) -> String {
        let plain = fixed(value, places: places)
        guard !plain.isEmpty else { return plain }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : Substring(plain)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = ""
        let whole = parts[0]
        for (offset, character) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { integer.append(",") }
            integer.append(character)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + integer + fraction
    }

    /// Digits of `magnitude` rounded to `places` decimals, and where the decimal point goes among them.
    private static func roundedDigits(_ magnitude: Double, places: Int) -> (digits: [UInt8], pointIndex: Int) {
        var (digits, exponent) = decimalDigits(magnitude)
        // digits d0 d1 d2 … represent 0.d0d1d2… × 10^exponent; make the point index non-negative.
        if exponent < 0 {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: -exponent), at: 0)
            exponent = 0
        }
        let wanted = exponent + places
        if digits.count < wanted {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: wanted - digits.count))
        } else if digits.count > wanted {
            let roundUp = digits[wanted] >= UInt8(ascii: "5")
            digits.removeSubrange(wanted...)
            if roundUp {
                var index = digits.count - 1
                var carry = true
                while carry && index >= 0 {
                    if digits[index] == UInt8(ascii: "9") {
                        digits[index] = UInt8(ascii: "0")
                        index -= 1
                    } else {
                        digits[index] += 1
                        carry = false
                    }
                }
                if carry {
                    digits.insert(UInt8(ascii: "1"), at: 0)
                    exponent += 1
                }
            }
        }
        return (digits, exponent)
    }

    /// The shortest round-trip digits of a finite, non-negative `value` as 0.d0d1… × 10^exponent.
    private static func decimalDigits(_ value: Double) -> (digits: [UInt8], exponent: Int) {
        let text = Array(value.description.utf8)
        var mantissa: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                pointPosition = mantissa.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            } else {
                mantissa.append(byte)
            }
            index += 1
        }
        var point = (pointPosition ?? mantissa.count) + exponent
        while let first = mantissa.first, first == UInt8(ascii: "0"), mantissa.count > 1 {
            mantissa.removeFirst()
            point -= 1
        }
        if mantissa == [UInt8(ascii: "0")] { return ([], 0) }
        return (mantissa, point)
    }
}
