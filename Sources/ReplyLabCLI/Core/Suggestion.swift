import JSONDocument

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
            let distance = SpellingSuggestion.editDistance(lowered, candidate.lowercased())
            let allowed = min(3, max(1, max(lowered.count, candidate.count) / 3))
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }
}
