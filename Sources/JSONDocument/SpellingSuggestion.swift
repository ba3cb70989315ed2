/// Suggests the name an author probably meant ("timout" → "timeout"), for unknown keys and unknown references.
public enum SpellingSuggestion {
    /// The candidate nearest to `word` in edit distance, if it is within `maximumDistance`; the first listed wins
    /// a tie, so the suggestion is deterministic.
    /// - Complexity: O(*k* × *m* × *n*) for *k* candidates of length *m* and a word of length *n*.
    public static func closest(to word: String, among candidates: [String], maximumDistance: Int = 2) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= maximumDistance, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Edit distance over Unicode scalars where insertions, deletions, substitutions and swapping two adjacent
    /// characters each count one (optimal string alignment), since a swap ("timoeut", "lnit") is the commonest typo.
    /// - Complexity: O(*m* × *n*) time, O(*n*) space.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(
                    previous[j] + 1,
                    current[j - 1] + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                )
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
