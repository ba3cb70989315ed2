import Foundation

/// A reply reduced to comparable words: NFKC, case, accent and width folded, apostrophes dropped ("don’t" →
/// "dont"), split on anything that is not a letter or digit, so punctuation, emoji and spacing never matter.
///
/// This is the CTIA-tolerant normaliser of compliance.md §1.2: "de minimis variances such as capitalization,
/// punctuation" must not defeat an opt-out.
struct ReplyWords: Equatable {
    let words: [String]

    init(_ text: String) {
        words = text.utf8.allSatisfy({ $0 < 0x80 }) ? Self.asciiWords(text) : Self.foldedWords(text)
    }

    /// The general path: Foundation's NFKC and case, accent and width folding.
    static func foldedWords(_ text: String) -> [String] {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var words: [String] = []
        var current = ""
        for character in folded {
            if character == "'" || character == "\u{2019}" || character == "\u{2018}" || character == "\u{02BC}" {
                continue
            }
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The words, with a reply spelt out letter by letter ("S T O P", "s.t.o.p") joined into one word.
    var spelledOut: [String] {
        guard words.count >= 3, words.allSatisfy({ $0.count == 1 }) else { return words }
        return [words.joined()]
    }

    /// One clause of a reply: the words between sentence punctuation, dashes or line breaks, and whether it ended
    /// with a question mark.
    struct Clause {
        let words: ReplyWords
        let isQuestion: Bool
    }

    /// The clauses of `text`, split at . ! ? , ; : dashes, brackets and line breaks ("Stop - Mike" → "Stop",
    /// "Mike"); clauses without words are dropped.
    static func clauses(of text: String) -> [Clause] {
        var clauses: [Clause] = []
        var current = ""
        func flush(question: Bool) {
            let words = ReplyWords(current)
            if !words.words.isEmpty { clauses.append(Clause(words: words, isQuestion: question)) }
            current = ""
        }
        for character in text {
            if ".!?,;:()\n\r\u{2013}\u{2014}".contains(character) || character == "-" || character == "\r\n" {
                flush(question: character == "?")
            } else {
                current.append(character)
            }
        }
        flush(question: false)
        return clauses
    }

    /// The words joined by single spaces: "OPT-OUT!" → "opt out".
    var joined: String { words.joined(separator: " ") }

    /// Every start index where `phrase` occurs as consecutive whole words.
    /// - Complexity: O(n × m) for n words and a phrase of m words.
    func occurrences(of phrase: [String]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= words.count else { return [] }
        var starts: [Int] = []
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            var matches = true
            for offset in 1..<phrase.count where words[start + offset] != phrase[offset] {
                matches = false
                break
            }
            if matches { starts.append(start) }
        }
        return starts
    }

    /// The same result as the Foundation path for plain ASCII, which most replies are, without the folding cost.
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "'"): continue
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
