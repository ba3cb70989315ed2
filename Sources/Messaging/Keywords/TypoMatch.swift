/// "One slip of the thumb" between a reply word and a keyword: two neighbouring letters swapped ("stpo"), letters
/// doubled ("stooop") or, in words of five letters or more, one letter dropped ("unsubscibe").
///
/// Deliberately narrower than an edit distance of one: substitutions and added letters would turn "shop" into
/// "stop" and "removed" into "remove", and CTIA's tolerance (compliance.md §1.2) is about de minimis variances.
///
/// Every inbound reply of up to eight words is compared with each revocation word, so the comparison works on the
/// strings' UTF-8 bytes in place and allocates nothing; most pairs are settled by their first letters.
enum TypoMatch {
    /// True when `word` is `target` or one slip away from it.
    /// - Complexity: O(*n*) in the word length, no allocation.
    static func isNear(_ word: String, _ target: String) -> Bool {
        if word == target { return true }
        guard target.utf8.count >= 4 else { return false }
        var typed = word
        var wanted = target
        return typed.withUTF8 { typed in wanted.withUTF8 { wanted in isNear(typed, wanted) } }
    }

    /// True when `word` is near any of `targets`.
    static func isNearAny(_ word: String, _ targets: [String]) -> Bool {
        targets.contains { isNear(word, $0) }
    }

    /// The byte-level test; `wanted` has at least four bytes and differs from `typed`.
    private static func isNear(_ typed: UnsafeBufferPointer<UInt8>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        // Doubling keeps the first letter, and a swap or a drop at the front leaves the target's second letter
        // first: any other first letter is no slip.
        guard let first = typed.first, first == wanted[0] || (typed.count > 1 && first == wanted[1]) else {
            return false
        }
        if collapsedEqual(typed, wanted) { return true }
        if typed.count == wanted.count { return isTransposition(typed, wanted) }
        if typed.count + 1 == wanted.count, wanted.count >= 5 { return isDeletion(typed, of: wanted) }
        return false
    }

    /// True when the two are equal once each run of one letter is reduced to one ("stooop" and "stop").
    private static func collapsedEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            let letter = a[i]
            guard b[j] == letter else { return false }
            while i < a.count && a[i] == letter { i += 1 }
            while j < b.count && b[j] == letter { j += 1 }
        }
        return i == a.count && j == b.count
    }

    /// Equal but for two neighbouring letters swapped (same length).
    private static func isTransposition(_ typed: UnsafeBufferPointer<UInt8>, _ wanted: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        var first = 0
        while first < typed.count && typed[first] == wanted[first] { first += 1 }
        guard first + 1 < typed.count, typed[first] == wanted[first + 1], typed[first + 1] == wanted[first] else {
            return false
        }
        var k = first + 2
        while k < typed.count {
            if typed[k] != wanted[k] { return false }
            k += 1
        }
        return true
    }

    /// `wanted` with one letter left out (`typed` is one byte shorter).
    private static func isDeletion(_ typed: UnsafeBufferPointer<UInt8>, of wanted: UnsafeBufferPointer<UInt8>) -> Bool
    {
        var first = 0
        while first < typed.count && typed[first] == wanted[first] { first += 1 }
        var k = first
        while k < typed.count {
            if typed[k] != wanted[k + 1] { return false }
            k += 1
        }
        return true
    }
}
