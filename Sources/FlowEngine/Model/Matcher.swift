import Foundation

/// One test a router applies to a reply, with its arguments folded and tokenised when the flow is read.
///
/// Semantics follow goflow's text tests (see `datasets/flows/README.md`), with two deliberate differences:
/// `phrase` finds a phrase wherever it starts (goflow misses "world too" in "world world too"), and `regex` is
/// unanchored unless written `^…$`, always case-insensitive.
public enum Matcher: Sendable, Equatable {
    /// Any of the words appears in the reply.
    case anyWord([String])
    /// Every word appears, in any order.
    case allWords([String])
    /// The words appear next to each other, in this order.
    case phrase([String])
    /// The reply is exactly these words (punctuation, case and accents aside).
    case onlyPhrase([String])
    /// The trimmed reply starts with this text.
    case startsWith(String)
    /// The reply holds any number.
    case anyNumber
    /// The reply holds a number from `low` to `high`, both included.
    case numberBetween(Double, Double)
    /// The reply holds a number below the value.
    case numberLess(Double)
    /// The reply holds a number above the value.
    case numberGreater(Double)
    /// The reply matches the pattern (case-insensitive; unanchored unless written `^…$`).
    case regex(Pattern)
    /// The reply carries the flow intent with this index (`Flow.intents`).
    case intent(Int)
    /// The reply has any text at all.
    case anyText

    /// A compiled regular expression with its source, so flows compare and print by pattern.
    public struct Pattern: Sendable, Equatable {
        public let source: String
        let expression: NSRegularExpression

        init?(_ source: String) {
            guard let expression = try? NSRegularExpression(pattern: source, options: [.caseInsensitive]) else {
                return nil
            }
            self.source = source
            self.expression = expression
        }

        public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }

        func matches(_ text: String) -> Bool {
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// True when `reply` passes this test.
    /// - Complexity: O(*t* × *a*) for *t* reply tokens and *a* arguments; replies are a few words.
    func matches(_ reply: inout PreparedReply, intents: [Intent]) -> Bool {
        let tokens = reply.text.tokens
        switch self {
        case .anyWord(let words):
            return tokens.contains { words.contains($0) }
        case .allWords(let words):
            return words.allSatisfy { tokens.contains($0) }
        case .phrase(let words):
            return Matcher.containsRun(words, in: tokens)
        case .onlyPhrase(let words):
            return tokens == words
        case .startsWith(let prefix):
            return reply.text.folded.hasPrefix(prefix)
        case .anyNumber:
            return !reply.numbers.isEmpty
        case .numberBetween(let low, let high):
            return reply.numbers.contains { $0 >= low && $0 <= high }
        case .numberLess(let limit):
            return reply.numbers.contains { $0 < limit }
        case .numberGreater(let limit):
            return reply.numbers.contains { $0 > limit }
        case .regex(let pattern):
            return pattern.matches(reply.text.raw)
        case .intent(let index):
            return intents[index].matches(tokens)
        case .anyText:
            return !tokens.isEmpty
        }
    }

    /// True when `run` occurs contiguously in `tokens`.
    static func containsRun(_ run: [String], in tokens: [String]) -> Bool {
        guard !run.isEmpty, run.count <= tokens.count else { return false }
        for start in 0...(tokens.count - run.count) where tokens[start] == run[0] {
            var matched = true
            for offset in 1..<run.count where tokens[start + offset] != run[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}

/// A reply prepared once for every case of a router: tokens now, numbers only if a number case asks.
struct PreparedReply {
    let text: TokenizedText
    private var cachedNumbers: [Double]?

    init(_ raw: String) {
        text = TokenizedText(raw)
    }

    var numbers: [Double] {
        mutating get {
            if let cachedNumbers { return cachedNumbers }
            let found = NumberReader.numbers(in: text)
            cachedNumbers = found
            return found
        }
    }
}

/// A named set of keywords and phrases that say the same thing ("shipping": ship, delivery, "how long").
///
/// The keyword set is the stand-in for a classifier: a case tests `intent` by name, so swapping in a model
/// later changes how `matches` decides, not the flows.
public struct Intent: Sendable, Equatable {
    public let name: String
    /// Folded single words; any one of them signals the intent.
    public let words: [String]
    /// Folded multi-word phrases; any one of them, contiguous, signals the intent.
    public let phrases: [[String]]

    public init(name: String, words: [String], phrases: [[String]]) {
        self.name = name
        self.words = words
        self.phrases = phrases
    }

    /// - Complexity: O(*t* × (*w* + *p*)).
    public func matches(_ tokens: [String]) -> Bool {
        tokens.contains { words.contains($0) } || phrases.contains { Matcher.containsRun($0, in: tokens) }
    }
}
