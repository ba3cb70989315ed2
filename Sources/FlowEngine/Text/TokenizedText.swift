/// An inbound reply cut into comparison tokens once, so every case of a router tests the same prepared words.
///
/// Tokenising follows goflow's `[\pM\pL\pN_']+|\pS`: runs of letters, marks, digits, `_` and apostrophes form
/// words; every symbol (including each emoji) is a token of its own; punctuation and spaces separate. Tokens are
/// folded (`TextFolding`) and stripped of quoting apostrophes at either end, so `'yes'` is `yes` but `don't` stays.
public struct TokenizedText: Sendable, Equatable {
    /// The reply as received.
    public let raw: String
    /// The folded reply with surrounding spaces removed, for prefix tests (computed when asked: few routers
    /// have a `starts_with` case).
    public var folded: String { TextFolding.fold(raw.trimmingSpaces) }
    /// Folded tokens in order.
    public let tokens: [String]
    /// Character offset of each token in `raw`, to order number words against digits.
    let offsets: [Int]

    /// - Complexity: O(*n*) in the length of `text`.
    public init(_ text: String) {
        raw = text
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            (tokens, offsets) = TokenizedText.asciiTokens(text)
            return
        }
        var tokens: [String] = []
        var offsets: [Int] = []
        var word = ""
        var wordStart = 0
        func flush() {
            var trimmed = Substring(word)
            while trimmed.first == "'" || trimmed.first == "\u{2019}" || trimmed.first == "\u{2018}" {
                trimmed = trimmed.dropFirst()
            }
            while trimmed.last == "'" || trimmed.last == "\u{2019}" || trimmed.last == "\u{2018}" {
                trimmed = trimmed.dropLast()
            }
            if !trimmed.isEmpty {
                tokens.append(TextFolding.fold(trimmed))
                offsets.append(wordStart)
            }
            word = ""
        }
        var offset = 0
        for character in text {
            switch TokenizedText.kind(of: character) {
            case .word:
                if word.isEmpty { wordStart = offset }
                word.append(character)
            case .symbol:
                flush()
                let symbol = TextFolding.fold(String(character))
                if !symbol.isEmpty {
                    tokens.append(symbol)
                    offsets.append(offset)
                }
            case .separator:
                flush()
            }
            offset += 1
        }
        flush()
        self.tokens = tokens
        self.offsets = offsets
    }

    enum CharacterKind { case word, symbol, separator }

    /// The same rules over bytes for plain ASCII replies, the common case: no Unicode property look-ups.
    private static func asciiTokens(_ text: String) -> ([String], [Int]) {
        var tokens: [String] = []
        var offsets: [Int] = []
        var word: [UInt8] = []
        var wordStart = 0
        func flush() {
            var start = 0
            var end = word.count
            while start < end, word[start] == UInt8(ascii: "'") { start += 1 }
            while end > start, word[end - 1] == UInt8(ascii: "'") { end -= 1 }
            if start < end {
                tokens.append(String(decoding: word[start..<end], as: UTF8.self))
                offsets.append(wordStart + start)
            }
            word.removeAll(keepingCapacity: true)
        }
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
                UInt8(ascii: "'"):
                if word.isEmpty { wordStart = offset }
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if word.isEmpty { wordStart = offset }
                word.append(byte | 0x20)
            case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
                UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                flush()
                tokens.append(String(UnicodeScalar(byte)))
                offsets.append(offset)
            default:
                flush()
            }
        }
        flush()
        return (tokens, offsets)
    }

    /// Letters, marks, digits, `_` and apostrophes build words; symbols and emoji stand alone; the rest separates.
    static func kind(of character: Character) -> CharacterKind {
        guard let scalar = character.unicodeScalars.first else { return .separator }
        if scalar == "_" || scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" { return .word }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return character.unicodeScalars.count > 1 && scalar.properties.isEmojiPresentation ? .symbol : .word
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return .symbol
        default:
            return .separator
        }
    }
}
