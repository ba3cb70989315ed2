/// "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a typo.
enum Suggestion {
    /// The candidate nearest to `typed`, or nil when none is plausibly what was meant.
    ///
    /// A prefix of a candidate counts as a match (`sim` → `simulate`); otherwise the edit distance must
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

    /// Edit distance over Unicode scalars where swapping two adjacent letters counts as one edit
    /// (optimal string alignment), since `lnit` for `lint` is the commonest typo of all.
    /// - Complexity: O(*m* × *n*) time and memory; names are short.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
