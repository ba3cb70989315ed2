/// "One slip of the thumb" between a reply word and a keyword: two neighbouring letters swapped ("stpo"), letters
/// doubled ("stooop") or, in words of five letters or more, one letter dropped ("unsubscibe").
///
/// Deliberately narrower than an edit distance of one: substitutions and added letters would turn "shop" into
/// "stop" and "removed" into "remove", and CTIA's tolerance (compliance.md §1.2) is about de minimis variances.
enum TypoMatch {
    /// True when `word` is `target` or one slip away from it.
    /// - Complexity: O(*n*) in the word length.
    static func isNear(_ word: String, _ target: String) -> Bool {
        if word == target { return true }
        let typed = Array(word.utf8)
        let wanted = Array(target.utf8)
        guard wanted.count >= 4 else { return false }
        if collapsed(typed) == collapsed(wanted) { return true }
        if typed.count == wanted.count { return isTransposition(typed, wanted) }
        if typed.count + 1 == wanted.count, wanted.count >= 5 { return isDeletion(typed, of: wanted) }
        return false
    }

    /// True when `word` is near any of `targets`.
    static func isNearAny(_ word: String, _ targets: [String]) -> Bool {
        targets.contains { isNear(word, $0) }
    }

    /// Runs of one letter reduced to one: "stooop" → "stop".
    static func collapsed(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        for byte in bytes where result.last != byte { result.append(byte) }
        return result
    }

    /// Equal but for two neighbouring letters swapped.
    static func isTransposition(_ typed: [UInt8], _ wanted: [UInt8]) -> Bool {
        guard let first = typed.indices.first(where: { typed[$0] != wanted[$0] }), first + 1 < typed.count else {
            return false
        }
        return typed[first] == wanted[first + 1] && typed[first + 1] == wanted[first]
            && typed[(first + 2)...] == wanted[(first + 2)...]
    }

    /// `wanted` with one letter left out.
    static func isDeletion(_ typed: [UInt8], of wanted: [UInt8]) -> Bool {
        let first = typed.indices.first { typed[$0] != wanted[$0] } ?? typed.count
        return typed[first...] == wanted[(first + 1)...]
    }
}
