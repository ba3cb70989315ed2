/// "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a typo.
enum Suggestion {
    /// The candidate nearest to `typed`, or nil when none is plausibly what was meant.
    ///
    /// A prefix of a candidate counts as a match (`sim` → `simulate`); otherwise the Levenshtein distance must
    /// be at most a third of the longer word, and at least 1 and at most 3 edits. Ties go to the earlier
    /// candidate so the suggestion is deterministic.
    static func closest(to typed: String, in candidates: [String]) -> String? {
        let lowered = typed.lowercased()
        if lowered.count >= 2, let prefixed = candidates.first(where: { $0.hasPrefix(lowered) }) {
            return prefixed
        }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            let allowed = min(3, max(1, max(lowered.count, candidate.count) / 3))
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Levenshtein distance over Unicode scalars.
    /// - Complexity: O(*m* × *n*) time, O(*n*) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
