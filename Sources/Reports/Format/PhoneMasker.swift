/// Finds phone numbers in free text (message bodies, notes) and masks them, so a report can be shared.
///
/// Recognised, when not glued to other letters or digits:
/// - North American numbers: `+1 415 555 0123`, `1-415-555-0123`, `(415) 555-0123`, `415.555.0123`,
///   `4155550123`; the area code starts with 2–9 and separators sit only between the usual groups, so a
///   decimal such as `2.345678901` is left alone. Masked as `PhoneNumber.masked` does: `+1 415 ***-**23`.
/// - Other E.164 numbers: `+` and 8 to 15 digits, spaces or hyphens between groups (`+44 20 7946 0958`).
///   Masked as `+44 ***58` (the first two and last two digits kept).
///
/// - Complexity: O(n) in the text's length.
public enum PhoneMasker {
    /// `text` with every recognised phone number masked.
    public static func mask(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isDigit) else { return text }
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let leftOK = index == 0 || !isWordScalar(scalars[index - 1])
            if leftOK, let match = nanp(scalars, at: index) ?? international(scalars, at: index) {
                output.append(contentsOf: match.masked.unicodeScalars)
                index = match.end
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    private struct Match {
        var end: Int
        var masked: String
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || scalar.properties.isAlphabetic || scalar == "_" || scalar == "+"
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "." || scalar == "\u{A0}"
    }

    /// Reads exactly `count` digits starting at `index`.
    private static func digits(_ s: [Unicode.Scalar], _ index: Int, _ count: Int) -> [Int]? {
        guard index + count <= s.count else { return nil }
        var values: [Int] = []
        for i in index..<(index + count) {
            guard isDigit(s[i]) else { return nil }
            values.append(Int(s[i].value) - 48)
        }
        return values
    }

    private static func skipSeparator(_ s: [Unicode.Scalar], _ index: Int) -> Int {
        index < s.count && isSeparator(s[index]) ? index + 1 : index
    }

    private static func endsCleanly(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= s.count || !(isDigit(s[index]) || s[index].properties.isAlphabetic || s[index] == "_")
    }

    /// A NANP number with optional `+1`/`1` prefix, its groups 3-3-4.
    private static func nanp(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        var index = start
        if s[index] == "+" {
            guard index + 1 < s.count, s[index + 1] == "1" else { return nil }
            index = skipSeparator(s, index + 2)
        } else if s[index] == "1", index + 1 < s.count, isSeparator(s[index + 1]) || s[index + 1] == "(" {
            index = skipSeparator(s, index + 1)
        } else if s[index] == "1", digits(s, index, 11) != nil, endsCleanly(s, index + 11) {
            index += 1
        }
        let area: [Int]
        if index < s.count, s[index] == "(" {
            guard let inside = digits(s, index + 1, 3), index + 4 < s.count, s[index + 4] == ")" else { return nil }
            area = inside
            index += 5
            if index < s.count, s[index] == " " || s[index] == "\u{A0}" { index += 1 }
        } else {
            guard let plain = digits(s, index, 3) else { return nil }
            area = plain
            index = skipSeparator(s, index + 3)
        }
        guard area[0] >= 2, digits(s, index, 3) != nil else { return nil }
        index = skipSeparator(s, index + 3)
        guard let line = digits(s, index, 4), endsCleanly(s, index + 4) else { return nil }
        let lastTwo = "\(line[2])\(line[3])"
        return Match(end: index + 4, masked: "+1 \(area[0])\(area[1])\(area[2]) ***-**\(lastTwo)")
    }

    /// `+` and 8…15 digits, single spaces or hyphens allowed between digit groups.
    private static func international(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        guard s[start] == "+" else { return nil }
        var index = start + 1
        var found: [Int] = []
        var lastDigitEnd = index
        while index < s.count, found.count < 16 {
            if isDigit(s[index]) {
                found.append(Int(s[index].value) - 48)
                index += 1
                lastDigitEnd = index
            } else if s[index] == " " || s[index] == "-", !found.isEmpty, index + 1 < s.count, isDigit(s[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        guard (8...15).contains(found.count), endsCleanly(s, lastDigitEnd) else { return nil }
        let first = "\(found[0])\(found[1])"
        let last = "\(found[found.count - 2])\(found[found.count - 1])"
        return Match(end: lastDigitEnd, masked: "+\(first) ***\(last)")
    }
}
