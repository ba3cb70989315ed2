/// Finds the numbers a customer wrote, in digits ("2", "1,250.50", "٣") or in English words ("two",
/// "twenty-five", "a dozen"), in the order they appear, so number cases can take the first one that fits.
enum NumberReader {
    /// Every number in `text`, in order of appearance.
    /// - Complexity: O(*n*) in the length of the text.
    static func numbers(in text: TokenizedText) -> [Double] {
        var found: [(offset: Int, value: Double)] = digitNumbers(in: text.raw)
        found.append(contentsOf: wordNumbers(in: text))
        found.sort { $0.offset < $1.offset }
        return found.map(\.value)
    }

    private static func digit(_ character: Character) -> Int? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
            scalar.properties.numericType == .decimal, let value = character.wholeNumberValue
        else { return nil }
        return value
    }

    /// ½, ¼, ¾ and the like straight after digits: "9½" is 9.5.
    private static func vulgarFraction(_ character: Character) -> Double? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
            scalar.properties.numericType == .numeric, let value = scalar.properties.numericValue, value > 0, value < 1
        else { return nil }
        return value
    }

    /// Digit runs with optional thousands groups (`1,250`) and a decimal part (`84.50`); a leading `-` counts
    /// only at the start of a word, so "B-2" is 2 and "-3" is -3.
    private static func digitNumbers(in raw: String) -> [(offset: Int, value: Double)] {
        // No digit at all (most replies to a number question that are not numbers): nothing to scan.
        if raw.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x30 && $0 <= 0x39) }) { return [] }
        let characters = Array(raw)
        var result: [(Int, Double)] = []
        var index = 0
        while index < characters.count {
            guard digit(characters[index]) != nil else {
                index += 1
                continue
            }
            let start = index
            var whole = 0.0
            while index < characters.count {
                if let value = digit(characters[index]) {
                    whole = whole * 10 + Double(value)
                    index += 1
                } else if characters[index] == ",",
                    (1...3).allSatisfy({ index + $0 < characters.count && digit(characters[index + $0]) != nil }),
                    index + 4 >= characters.count || digit(characters[index + 4]) == nil
                {
                    index += 1
                } else {
                    break
                }
            }
            var value = whole
            if index < characters.count, let fraction = vulgarFraction(characters[index]) {
                value += fraction
                index += 1
            } else if index + 1 < characters.count, characters[index] == ".", digit(characters[index + 1]) != nil {
                index += 1
                var scale = 0.1
                while index < characters.count, let fraction = digit(characters[index]) {
                    value += Double(fraction) * scale
                    scale /= 10
                    index += 1
                }
            }
            let negative =
                start > 0 && characters[start - 1] == "-"
                && (start == 1 || characters[start - 2].isWhitespace)
            result.append((negative ? start - 1 : start, negative ? -value : value))
        }
        return result
    }

    /// Number words, searched in order: about 30 entries, so a linear search beats hashing them.
    private static let units: [(String, Double)] = [
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
        ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("dozen", 12),
    ]
    private static let tens: [(String, Double)] = [
        ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
        ("ninety", 90),
    ]

    /// English cardinal words up to the thousands: "twenty five", "two hundred and ten", "a dozen".
    private static func wordNumbers(in text: TokenizedText) -> [(offset: Int, value: Double)] {
        var result: [(Int, Double)] = []
        var total = 0.0
        var current = 0.0
        var start: Int?
        func finish() {
            if let start { result.append((start, total + current)) }
            total = 0
            current = 0
            start = nil
        }
        for (position, token) in text.tokens.enumerated() {
            func finishThenStart(_ value: Double) {
                finish()
                current = value
                start = text.offsets[position]
            }
            let parts = token.split(separator: "-").map(String.init)
            var consumed = !parts.isEmpty
            for part in parts {
                if let unit = units.first(where: { $0.0 == part })?.1 {
                    if part == "dozen" {
                        if start != nil, current > 0 { current *= 12 } else { finishThenStart(unit) }
                    } else if current.truncatingRemainder(dividingBy: 100) == 0
                        || (unit < 10 && current.truncatingRemainder(dividingBy: 10) == 0)
                    {
                        current += unit
                    } else {
                        finishThenStart(unit)
                    }
                } else if let ten = tens.first(where: { $0.0 == part })?.1 {
                    if current.truncatingRemainder(dividingBy: 100) == 0 {
                        current += ten
                    } else {
                        finishThenStart(ten)
                    }
                } else if part == "hundred", start != nil {
                    current = max(current, 1) * 100
                } else if part == "thousand", start != nil {
                    total += max(current, 1) * 1_000
                    current = 0
                } else {
                    consumed = false
                    break
                }
                if start == nil { start = text.offsets[position] }
            }
            if !consumed {
                if token == "and", start != nil { continue }
                finish()
            }
        }
        finish()
        return result
    }
}
