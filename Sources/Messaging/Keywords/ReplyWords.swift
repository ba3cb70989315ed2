import Foundation

/// A reply reduced to comparable words: NFKC, case, accent and width folded, apostrophes dropped ("don’t" →
/// "dont"), split on anything that is not a letter or digit, so punctuation, emoji and spacing never matter.
///
/// This is the CTIA-tolerant normaliser of compliance.md §1.2: "de minimis variances such as capitalization,
/// punctuation" must not defeat an opt-out.
struct ReplyWords: Equatable {
    let words: [String]

    init(_ text: String) {
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
        self.words = words
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
}
