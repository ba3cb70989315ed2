/// Classifies inbound replies as opt-out, help, opt-in, for review, or ordinary, in two layers (compliance.md §0).
///
/// Layer one emulates the carrier: the whole reply, normalised, is one keyword. Layer two applies the FCC 24-24
/// "any reasonable means" rule: clear revocation phrases anywhere in a reply opt out; a per-se word such as
/// STOP inside an ordinary sentence goes to a person. An idiom ("I can't stop smiling") never clears a per-se word:
/// word lists cannot tell "Stop at once" from "stop at the mall", so it only tells the reviewer why it looked
/// harmless.
public struct KeywordPolicy: Hashable, Sendable {
    /// Carrier opt-out keywords matched against the whole reply.
    public let optOutKeywords: [String]
    /// Carrier opt-in keywords matched against the whole reply.
    public let optInKeywords: [String]
    /// Help keywords matched against the whole reply.
    public let helpKeywords: [String]
    /// Replies that opt out only when they are the whole message ("alto", "baja"): common words otherwise.
    public let wholeReplyRevocations: [String]
    /// Phrases that revoke consent wherever they appear ("stop texting", "leave me alone").
    public let revocationPhrases: [String]
    /// Words that revoke by themselves (FCC per-se list) and may be padded with courtesy words ("stop please").
    public let perSeWords: [String]
    /// Words that may pad a per-se word without changing its meaning ("please", "now", "thanks").
    public let courtesyWords: [String]
    /// Words naming the messages a per-se word refers to ("stop msgs", "STOP all texts"): still a revocation.
    public let messageWords: [String]
    /// Idioms in which a per-se word is probably not about messages ("can't stop", "stop by", "cancel my order").
    /// They lower the reply to needs-review at most, never to an ordinary reply, and name what the reviewer sees.
    public let harmlessIdioms: [String]
    /// Replies that may mean "stop" and need a person ("not interested", "who is this").
    public let reviewPhrases: [String]

    public init(
        optOutKeywords: [String],
        optInKeywords: [String],
        helpKeywords: [String],
        wholeReplyRevocations: [String],
        revocationPhrases: [String],
        perSeWords: [String],
        courtesyWords: [String],
        messageWords: [String] = [],
        harmlessIdioms: [String],
        reviewPhrases: [String]
    ) {
        self.optOutKeywords = optOutKeywords
        self.optInKeywords = optInKeywords
        self.helpKeywords = helpKeywords
        self.wholeReplyRevocations = wholeReplyRevocations
        self.revocationPhrases = revocationPhrases
        self.perSeWords = perSeWords
        self.courtesyWords = courtesyWords
        self.messageWords = messageWords
        self.harmlessIdioms = harmlessIdioms
        self.reviewPhrases = reviewPhrases
        let normal = { (list: [String]) in list.map { ReplyWords($0).words }.filter { !$0.isEmpty } }
        compiled = Compiled(
            optOut: normal(optOutKeywords),
            optIn: normal(optInKeywords),
            help: normal(helpKeywords),
            wholeReply: normal(wholeReplyRevocations),
            revocations: normal(revocationPhrases),
            perSe: normal(perSeWords).map { $0.joined(separator: " ") },
            courtesy: normal(courtesyWords).map { $0.joined(separator: " ") },
            message: normal(messageWords).map { $0.joined(separator: " ") },
            idioms: normal(harmlessIdioms),
            review: normal(reviewPhrases)
        )
    }

    /// The lists in normal form, computed once so classifying a reply normalises only the reply.
    private struct Compiled: Hashable, Sendable {
        var optOut: [[String]]
        var optIn: [[String]]
        var help: [[String]]
        var wholeReply: [[String]]
        var revocations: [[String]]
        /// Short lists searched linearly: cheaper than hashing for a handful of words, and no hashed look-ups.
        var perSe: [String]
        var courtesy: [String]
        var message: [String]
        var idioms: [[String]]
        var review: [[String]]
    }

    private let compiled: Compiled

    /// Twilio's default keyword sets plus the two-word forms "opt out" and "stop all", the FCC per-se words and
    /// the free-text revocations of compliance.md §1.4 (sources there).
    public static let standard = KeywordPolicy(
        optOutKeywords: [
            "STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
            "OPT OUT",
        ],
        optInKeywords: ["START", "YES", "UNSTOP"],
        helpKeywords: ["HELP", "INFO"],
        wholeReplyRevocations: ["alto", "baja", "para", "basta", "cancelar", "remove", "unsub", "stahp"],
        revocationPhrases: [
            "unsubscribe", "opt out", "optout", "opt me out", "stop texting", "stop txting", "stop text",
            "stop messaging", "stop sending", "stop contacting", "stop the texts", "stop these texts",
            "stop these messages", "stop all messages", "stop at once", "quit texting", "quit messaging",
            "quit sending",
            "remove me", "remove my number", "take me off", "delete my number", "leave me alone", "go away",
            "no more texts", "no more text", "no more messages", "dont text me", "do not text me",
            "dont message me", "do not message me", "dont contact me", "do not contact me", "never text me",
            "wrong number", "not my number", "lose my number", "no mas",
        ],
        perSeWords: ["stop", "stopall", "quit", "end", "revoke", "cancel", "unsubscribe", "optout"],
        courtesyWords: [
            "please", "pls", "plz", "now", "thanks", "thank", "you", "thx", "ty", "it", "all", "me", "asap",
            "already", "ok", "okay", "just", "seriously", "again", "immediately", "right", "away",
        ],
        messageWords: [
            "text", "texts", "txt", "txts", "msg", "msgs", "message", "messages", "sms", "these", "those", "the",
            "your", "ur", "this",
        ],
        harmlessIdioms: [
            "cant stop", "cannot stop", "couldnt stop", "wont stop", "dont stop", "never stop", "stop by",
            "stop in", "stop at", "stop over", "end up", "the end", "end of", "sale end", "offer end", "deal end",
            "promo end", "cancel my order", "cancel the order", "cancel order", "cancel my appointment",
            "cancel the appointment", "cancel appointment", "cancel my reservation", "cancel my booking",
            "cancel my delivery",
        ],
        reviewPhrases: [
            "not interested", "no thanks", "no thank you", "no thx", "not now", "who is this", "who dis",
            "how did you get my number", "why are you texting me", "too many texts", "too many messages", "spam",
            "goodbye", "bye",
        ]
    )

    /// Classifies one inbound reply.
    /// - Complexity: O(n × p) for n words and p phrases; replies are short.
    public func classify(_ text: String) -> KeywordMatch {
        let reply = ReplyWords(text)
        guard !reply.words.isEmpty else { return KeywordMatch(keywordClass: .none, keyword: nil) }
        if let index = compiled.optOut.firstIndex(of: reply.words) {
            return KeywordMatch(keywordClass: .optOutExact, keyword: optOutKeywords[index])
        }
        if let index = compiled.help.firstIndex(of: reply.words) {
            return KeywordMatch(keywordClass: .help, keyword: helpKeywords[index])
        }
        if let index = compiled.optIn.firstIndex(of: reply.words) {
            return KeywordMatch(keywordClass: .optIn, keyword: optInKeywords[index])
        }
        if let phrase = compiled.wholeReply.first(where: { $0 == reply.words }) {
            return KeywordMatch(keywordClass: .optOutPhrase, keyword: phrase.joined(separator: " "))
        }
        if let phrase = compiled.revocations.first(where: { phrase in
            reply.occurrences(of: phrase).contains { !Self.isNegated(reply.words, at: $0) }
        }) {
            return KeywordMatch(keywordClass: .optOutPhrase, keyword: phrase.joined(separator: " "))
        }
        let perSeIndices = reply.words.indices.filter { compiled.perSe.contains(reply.words[$0]) }
        if let first = perSeIndices.first, reply.words.allSatisfy(isRevocationCompany) {
            return KeywordMatch(keywordClass: .optOutPhrase, keyword: reply.words[first])
        }
        if let first = perSeIndices.first {
            var idiomAt = [Int?](repeating: nil, count: reply.words.count)
            for (number, idiom) in compiled.idioms.enumerated() {
                for start in reply.occurrences(of: idiom) {
                    for index in start..<(start + idiom.count) where idiomAt[index] == nil { idiomAt[index] = number }
                }
            }
            let bareWord = perSeIndices.first { idiomAt[$0] == nil }.map { reply.words[$0] }
            let idiom = idiomAt[first].map { compiled.idioms[$0].joined(separator: " ") }
            return KeywordMatch(keywordClass: .needsReview, keyword: bareWord ?? idiom)
        }
        if let phrase = compiled.review.first(where: { !reply.occurrences(of: $0).isEmpty }) {
            return KeywordMatch(keywordClass: .needsReview, keyword: phrase.joined(separator: " "))
        }
        return KeywordMatch(keywordClass: .none, keyword: nil)
    }

    /// Words that may keep company with a per-se word in a revocation: per-se, courtesy and message words, and
    /// the help keywords ("STOP HELP" opts out; the confirmation says how to get help).
    private func isRevocationCompany(_ word: String) -> Bool {
        compiled.perSe.contains(word) || compiled.courtesy.contains(word) || compiled.message.contains(word)
            || compiled.help.contains([word])
    }

    /// Words that turn a following revocation phrase around ("please don't stop texting me").
    static let negations = ["dont", "not", "never"]

    /// True when the phrase starting at `start` directly follows a negation.
    static func isNegated(_ words: [String], at start: Int) -> Bool {
        start > 0 && negations.contains(words[start - 1])
    }

    /// True when `word` is any carrier opt-out, opt-in or help keyword: a menu answer must never be one, since
    /// "Reply CANCEL to cancel" opts the customer out at the carrier.
    public func isReserved(_ word: String) -> Bool {
        reservedClass(of: word) != nil
    }

    /// The class a reserved word belongs to (`.optOutExact`, `.optIn` or `.help`), or nil; for linter messages.
    public func reservedClass(of word: String) -> KeywordClass? {
        let words = ReplyWords(word).words
        guard !words.isEmpty else { return nil }
        if compiled.optOut.contains(words) { return .optOutExact }
        if compiled.optIn.contains(words) { return .optIn }
        if compiled.help.contains(words) { return .help }
        return nil
    }
}
