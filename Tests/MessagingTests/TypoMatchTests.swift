import Testing

@testable import Messaging

/// `TypoMatch` compares bytes in place; these pin it to the rule as first written with arrays (`reference`), over
/// every keyword word against slips of every other, and on the examples its documentation gives.
@Suite struct TypoMatchTests {
    /// The rule written plainly: the definition the in-place version must agree with.
    static func reference(_ word: String, _ target: String) -> Bool {
        if word == target { return true }
        let typed = Array(word.utf8)
        let wanted = Array(target.utf8)
        guard wanted.count >= 4 else { return false }
        func collapsed(_ bytes: [UInt8]) -> [UInt8] {
            var result: [UInt8] = []
            for byte in bytes where result.last != byte { result.append(byte) }
            return result
        }
        if collapsed(typed) == collapsed(wanted) { return true }
        if typed.count == wanted.count {
            guard let first = typed.indices.first(where: { typed[$0] != wanted[$0] }), first + 1 < typed.count else {
                return false
            }
            return typed[first] == wanted[first + 1] && typed[first + 1] == wanted[first]
                && typed[(first + 2)...] == wanted[(first + 2)...]
        }
        if typed.count + 1 == wanted.count, wanted.count >= 5 {
            let first = typed.indices.first { typed[$0] != wanted[$0] } ?? typed.count
            return typed[first...] == wanted[(first + 1)...]
        }
        return false
    }

    /// Every single swap, doubling, drop and substitution of `word`, and the word itself.
    static func slips(of word: String) -> [String] {
        let letters = Array(word)
        var result = [word, ""]
        for k in letters.indices {
            var dropped = letters
            dropped.remove(at: k)
            result.append(String(dropped))
            var doubled = letters
            doubled.insert(letters[k], at: k)
            result.append(String(doubled))
            doubled.insert(letters[k], at: k)
            result.append(String(doubled))
            if k + 1 < letters.count {
                var swapped = letters
                swapped.swapAt(k, k + 1)
                result.append(String(swapped))
            }
            var substituted = letters
            substituted[k] = "x"
            result.append(String(substituted))
        }
        return result
    }

    static let targets: [String] = {
        let policy = KeywordPolicy.standard
        let words = policy.perSeWords + policy.courtesyWords + policy.messageWords + policy.revocationPhrases
            + policy.wholeReplyRevocations + ["aaaa", "stop", "no", "ok", "unsubscribe", "optout", "é", "café"]
        return Array(Set(words.flatMap { $0.split(separator: " ").map(String.init) })).sorted()
    }()

    @Test func agreesWithTheRuleOnEverySlipOfEveryKeywordWord() {
        var compared = 0
        var disagreements: [String] = []
        for target in Self.targets {
            for other in Self.targets + Self.slips(of: target) {
                compared += 1
                if TypoMatch.isNear(other, target) != Self.reference(other, target) {
                    disagreements.append("\(other) ~ \(target)")
                }
            }
        }
        #expect(compared > 10_000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test(arguments: [
        ("stpo", "stop", true), ("sotp", "stop", true), ("tsop", "stop", true), ("stooop", "stop", true),
        ("sstop", "stop", true), ("unsubscibe", "unsubscribe", true), ("nsubscribe", "unsubscribe", true),
        ("shop", "stop", false), ("stops", "stop", false), ("sto", "stop", false), ("removed", "remove", false),
        ("", "stop", false), ("en", "end", false), ("edn", "end", false), ("stop", "stop", true),
    ])
    func documentedExamples(word: String, target: String, near: Bool) {
        #expect(TypoMatch.isNear(word, target) == near)
    }
}
