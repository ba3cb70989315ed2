/// A marketer's one-line explanation of what a message's characters cost, e.g. "the ’ in “don’t” makes this
/// 2 segments instead of 1; use '".
public enum SegmentAdvice {
    /// Look-alike characters with a GSM-7 equivalent a reader will not miss. Small and reviewed on purpose
    /// (compliance.md §4.5 warns against Twilio's Smart Encoding map, which swaps ‹ and ›).
    public static let gsmEquivalents: [(Character, String)] = [
        ("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{02BC}", "'"), ("`", "'"), ("\u{00B4}", "'"),
        ("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{201E}", "\""),
        ("\u{2013}", "-"), ("\u{2014}", "-"), ("\u{2212}", "-"), ("\u{2026}", "..."),
        ("\u{00A0}", " "), ("\u{2009}", " "), ("\u{202F}", " "), ("\t", " "), ("\u{2022}", "-"),
    ]

    /// The GSM-7 text for `character`, or nil when it has none (emoji, most accented letters).
    public static func gsmEquivalent(of character: Character) -> String? {
        gsmEquivalents.first { $0.0 == character }?.1
    }

    /// `text` with every look-alike replaced by its GSM-7 equivalent.
    /// - Complexity: O(n).
    public static func replacingLookAlikes(in text: String) -> String {
        var result = ""
        for character in text { result += gsmEquivalent(of: character) ?? String(character) }
        return result
    }

    /// What the message's encoding and length cost and how to save, or nil when there is nothing to say.
    public static func explain(_ text: String) -> String? {
        let count = SegmentCount.of(text)
        guard count.encoding == .ucs2 else { return explainGSM(count) }
        let culprits = count.nonGSMCharacters.map { "the \(displayName(of: $0))\(wordContext(of: $0, in: text))" }
        let list = joinedList(culprits)
        let plural = culprits.count > 1
        let replaceable = count.nonGSMCharacters.filter { gsmEquivalent(of: $0) != nil }
        let fixed = SegmentCount.of(replacingLookAlikes(in: text))
        if replaceable.count == count.nonGSMCharacters.count {
            var equivalents: [String] = []
            for character in replaceable {
                let plain = gsmEquivalent(of: character) == " " ? "a plain space" : gsmEquivalent(of: character) ?? ""
                if !equivalents.contains(plain) { equivalents.append(plain) }
            }
            let use = "use " + joinedList(equivalents)
            if fixed.segments < count.segments {
                return "\(list) \(plural ? "make" : "makes") this \(segments(count.segments)) instead of "
                    + "\(fixed.segments); \(use)"
            }
            return "\(list) \(plural ? "switch" : "switches") this to UCS-2 (70 units a segment, not 160); "
                + "still \(segments(count.segments)), but \(use) to keep room"
        }
        var stripped = ""
        for character in replacingLookAlikes(in: text) where count.nonGSMCharacters.contains(character) == false {
            stripped.append(character)
        }
        let without = SegmentCount.of(stripped)
        let suffix =
            without.segments < count.segments
            ? "; without \(plural ? "them" : "it") this would be \(segments(without.segments)) instead of \(count.segments)"
            : ""
        return "\(list) \(plural ? "force" : "forces") UCS-2 (70 units a segment, not 160)\(suffix)"
    }

    private static func explainGSM(_ count: SegmentCount) -> String? {
        guard count.segments > 1 else { return nil }
        let capacityWithOneLess = count.segments == 2 ? 160 : (count.segments - 1) * 153
        let over = count.totalUnits - capacityWithOneLess
        guard over > 0, over <= 40 else { return nil }
        return "\(count.totalUnits) septets make \(segments(count.segments)); cut \(over) to send "
            + "\(segments(count.segments - 1))"
    }

    /// The character as a reader can see it: invisible ones (no-break space, tab, joiners) by code point.
    public static func displayName(of character: Character) -> String {
        let invisible =
            character.isWhitespace
            || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format }
        guard invisible else { return String(character) }
        return character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }

    /// " in “don’t”" for the first word containing `character`, or "" when the character stands alone.
    private static func wordContext(of character: Character, in text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
        guard let word = words.first(where: { $0.contains(character) }), word.count > 1 else { return "" }
        let shown = word.count > 24 ? String(word.prefix(24)) + "…" : String(word)
        if shown.first == "\u{201C}" || shown.last == "\u{201D}" { return " in \(shown)" }
        return " in \u{201C}\(shown)\u{201D}"
    }

    private static func segments(_ count: Int) -> String { count == 1 ? "1 segment" : "\(count) segments" }

    private static func joinedList(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) and \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
