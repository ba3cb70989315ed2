/// Classifies inbound replies as opt-out, help, opt-in, for review, or ordinary, in two layers (compliance.md §0).
///
/// Layer one emulates the carrier: the whole reply, normalised, is one keyword. Layer two applies the FCC 24-24
/// "any reasonable means" rule: clear revocation phrases anywhere in a reply opt out (typos one slip off too);
/// a per-se word such as STOP standing as a clause of its own ("Stop. Who is this?") or aimed at the messages
/// ("cancel my texts") opts out; inside an ordinary sentence it goes to a person. A harmless idiom ("Can you stop
/// by?", "When does the sale end?") clears the word only when the reply says nothing about messages, does not open
/// with STOP as an order, and does not write the word in capitals inside lower-case text: issue 13 measured the
/// review queue filling with questions about stores and sales (`datasets/replies/labelled.csv`).
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
    /// They clear the word when the reply has no `messageTopics` word (see the type's note), else name what the
    /// reviewer sees.
    public let harmlessIdioms: [String]
    /// Idioms that negate the per-se word ("don't stop"): they clear it even in a reply about the messages.
    public let negatingIdioms: [String]
    /// Words that make a reply about the messages themselves ("texts", "number", "marketing"): a per-se word next
    /// to one is never cleared by a harmless idiom, and a bare one opts out ("stop it with the texts already").
    public let messageTopics: [String]
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
        negatingIdioms: [String] = [],
        messageTopics: [String] = [],
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
        self.negatingIdioms = negatingIdioms
        self.messageTopics = messageTopics
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
            idioms: normal(harmlessIdioms + negatingIdioms),
            negatingIdiomCount: normal(negatingIdioms).count,
            topics: normal(messageTopics).map { $0.joined(separator: " ") },
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
        /// Harmless idioms, then the negating ones (the last `negatingIdiomCount`).
        var idioms: [[String]]
        var negatingIdiomCount: Int
        var topics: [String]
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
        wholeReplyRevocations: [
            "alto", "baja", "para", "basta", "cancelar", "remove", "unsub", "stahp", "no more", "enough",
        ],
        revocationPhrases: [
            "unsubscribe", "opt out", "optout", "opt me out", "stop texting", "stop txting", "stop text",
            "stop messaging", "stop sending", "stop contacting", "stop the texts", "stop these texts",
            "stop these messages", "stop all messages", "stop at once", "quit texting", "quit messaging",
            "quit sending",
            "remove me", "remove my number", "take me off", "delete my number", "leave me alone", "go away",
            "no more texts", "no more text", "no more messages", "dont text me", "do not text me",
            "dont message me", "do not message me", "dont contact me", "do not contact me", "never text me",
            "wrong number", "not my number", "lose my number", "no mas", "said stop", "no me manden",
            "no me envien", "dejen de",
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
            "cant stop", "cannot stop", "couldnt stop", "wont stop", "stop by", "stop in", "stop at", "stop over",
            "stop using", "bus stop", "one stop", "end up", "the end", "end of", "does it end", "will it end",
            "sale end", "offer end", "deal end", "promo end", "cancel my order", "cancel the order", "cancel order",
            "cancel my appointment", "cancel the appointment", "cancel appointment", "cancel my reservation",
            "cancel my booking", "cancel my delivery", "quit my job", "quit smoking",
        ],
        negatingIdioms: ["dont stop", "do not stop", "never stop"],
        messageTopics: [
            "text", "texts", "texting", "txt", "txts", "txting", "msg", "msgs", "message", "messages", "messaging",
            "sms", "number", "list", "marketing", "promos", "promotions", "spam", "notifications", "alerts",
            "contacting", "subscribed", "consent",
        ],
        reviewPhrases: [
            "not interested", "no thanks", "no thank you", "no thx", "not now", "who is this", "who dis",
            "how did you get my number", "why are you texting me", "too many texts", "too many messages", "spam",
            "goodbye", "bye", "never signed up", "i want out",
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
        let words = reply.spelledOut
        if let phrase = compiled.wholeReply.first(where: { $0 == words }) {
            return KeywordMatch(keywordClass: .optOutPhrase, keyword: phrase.joined(separator: " "))
        }
        if let phrase = compiled.revocations.first(where: { phrase in
            reply.occurrences(of: phrase).contains { !Self.isNegated(reply.words, at: $0) }
        }) {
            return KeywordMatch(keywordClass: .optOutPhrase, keyword: phrase.joined(separator: " "))
        }
        let perSeIndices = words.indices.filter { compiled.perSe.contains(words[$0]) }
        if let first = perSeIndices.first, words.allSatisfy(isRevocationCompany) {
            return KeywordMatch(keywordClass: .optOutPhrase, keyword: words[first])
        }
        if let typo = misspeltRevocation(words) { return KeywordMatch(keywordClass: .optOutPhrase, keyword: typo) }
        if !perSeIndices.isEmpty { return perSeInSentence(text, reply) }
        if let phrase = compiled.review.first(where: { !reply.occurrences(of: $0).isEmpty }) {
            return KeywordMatch(keywordClass: .needsReview, keyword: phrase.joined(separator: " "))
        }
        return KeywordMatch(keywordClass: .none, keyword: nil)
    }

    /// A short reply one slip off a revocation ("stpo", "unsubscibe", "leave me alon"): the canonical word or
    /// phrase, else nil. Only replies of up to eight words are tried (`TypoMatch` says what counts as a slip).
    /// - Complexity: O(p × n × w) for p phrases of n words of length w.
    private func misspeltRevocation(_ words: [String]) -> String? {
        guard words.count <= 8 else { return nil }
        if words.count <= 6, let index = words.firstIndex(where: { TypoMatch.isNearAny($0, compiled.perSe) }),
            words.allSatisfy({ isRevocationCompany($0) || TypoMatch.isNearAny($0, compiled.perSe) })
        {
            return compiled.perSe.first { TypoMatch.isNear(words[index], $0) }
        }
        for phrase in compiled.wholeReply where phrase.count == words.count {
            if zip(words, phrase).allSatisfy(TypoMatch.isNear) { return phrase.joined(separator: " ") }
        }
        for phrase in compiled.revocations where phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) where !Self.isNegated(words, at: start) {
                let window = words[start..<(start + phrase.count)]
                // An exact occurrence was already judged (and found negated or absent).
                if window.elementsEqual(phrase) { continue }
                if zip(window, phrase).allSatisfy(TypoMatch.isNear) { return phrase.joined(separator: " ") }
            }
        }
        return nil
    }

    /// A per-se word inside a longer reply: an opt-out when it stands as a clause of its own or is aimed at the
    /// messages, an ordinary reply when harmless idioms explain every occurrence, else a person decides.
    private func perSeInSentence(_ text: String, _ reply: ReplyWords) -> KeywordMatch {
        let hasTopic = reply.words.contains { compiled.topics.contains($0) }
        var bareWord: String?
        var idiomName: String?
        var onlyNegating = true
        for clause in ReplyWords.clauses(of: text) {
            let words = clause.words.words
            let indices = words.indices.filter { compiled.perSe.contains(words[$0]) }
            guard let first = indices.first else { continue }
            if words.allSatisfy(isRevocationCompany) {
                return KeywordMatch(keywordClass: .optOutPhrase, keyword: words[first])
            }
            var idiomAt = [Int?](repeating: nil, count: words.count)
            for (number, idiom) in compiled.idioms.enumerated() {
                for start in clause.words.occurrences(of: idiom) {
                    for index in start..<(start + idiom.count) where idiomAt[index] == nil { idiomAt[index] = number }
                }
            }
            for index in indices {
                if let number = idiomAt[index] {
                    idiomName = idiomName ?? compiled.idioms[number].joined(separator: " ")
                    if number < compiled.idioms.count - compiled.negatingIdiomCount { onlyNegating = false }
                } else if words[index] == "end" && index == words.count - 1 && clause.isQuestion {
                    // "When does the promo code end?": a question about when something ends.
                    idiomName = idiomName ?? "end?"
                    onlyNegating = false
                } else if bareWord == nil {
                    bareWord = words[index]
                }
            }
        }
        if let bareWord, hasTopic { return KeywordMatch(keywordClass: .optOutPhrase, keyword: bareWord) }
        let opensWithStop = reply.words.first == "stop" && !text.contains("?")
        if bareWord == nil, !opensWithStop, !hasTopic || onlyNegating, !Self.shouts(compiled.perSe, in: text) {
            return KeywordMatch(keywordClass: .none, keyword: nil)
        }
        return KeywordMatch(keywordClass: .needsReview, keyword: bareWord ?? idiomName)
    }

    /// True when a per-se word is written in capitals in a reply that also has lower-case letters ("We must STOP
    /// this bill"): emphasis a person should read.
    static func shouts(_ perSe: [String], in text: String) -> Bool {
        guard text.contains(where: \.isLowercase) else { return false }
        var word = ""
        for character in text + " " {
            if character.isLetter {
                word.append(character)
                continue
            }
            if word.count > 2, word == word.uppercased(), perSe.contains(word.lowercased()) { return true }
            word = ""
        }
        return false
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
