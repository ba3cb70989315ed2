import Messaging

/// The answers a text offers ("Reply 1 to confirm, SKIP to skip, or QUIT to leave") and what each is for, so the
/// linter can tell an opt-out instruction ("Txt STOP to end") from a menu answer the carrier takes as an opt-out.
///
/// A sentence is split into clauses at commas, "or" and "and". A reply verb ("reply", "text", "txt", …) offers the
/// word after it (after an optional "with"); once a sentence has a verb, every later clause that starts with a
/// word followed by "to"/"for" or nothing ("2 for shipping", "or QUIT") is another choice. Without a verb, a clause
/// that starts with a keyword in capitals ("STOP to unsubscribe") offers it.
struct OfferedAnswers {
    /// One offered answer: the word, how it was written, and the purpose clause after "to" or "for".
    struct Answer: Equatable {
        /// Folded, one or two words: "stop", "opt out".
        var word: String
        /// As written in the text: "QUIT".
        var written: String
        /// "to" or "for" when a purpose follows the answer; nil for a bare answer ("Reply STOP").
        var preposition: String?
        /// Folded words after the preposition up to the clause end: ["end", "your", "booking"].
        var purpose: [String]
        /// True when a reply verb in the sentence offers it; false for a capitalised keyword on its own.
        var byVerb: Bool
    }

    let answers: [Answer]

    static let verbs: Set<String> = ["reply", "text", "txt", "send", "respond", "answer", "msg"]
    static let clauseWords: Set<String> = ["or", "and"]
    /// Keywords that mean nothing but opting out, so "Reply STOP" or "Reply STOP to cancel" can only be an
    /// opt-out instruction; CANCEL, END and QUIT need an object about messages ("to end texts").
    static let unambiguousOptOut: Set<String> = ["stop", "stopall", "stop all", "unsubscribe", "optout", "opt out"]
    static let optOutVerbs: Set<String> = ["stop", "end", "quit", "cancel", "revoke", "halt"]
    /// Words saying the purpose is about the messages themselves ("to stop receiving texts", "to end alerts").
    static let messageWords: Set<String> = [
        "messages", "message", "msgs", "msg", "texts", "text", "txts", "txt", "sms", "alerts", "notifications",
        "marketing", "promos", "promotions", "offers", "deals", "receiving", "getting", "subscription", "list",
    ]

    init(_ text: String, keywords: KeywordPolicy) {
        var answers: [Answer] = []
        for sentence in text.split(whereSeparator: { ".!?;\n".contains($0) }) {
            var verbSeen = false
            for piece in sentence.split(separator: ",") {
                for clause in Self.clauses(Self.words(piece)) {
                    if let verb = clause.firstIndex(where: { Self.verbs.contains($0.folded) }) {
                        verbSeen = true
                        var start = verb + 1
                        if start < clause.count, clause[start].folded == "with" { start += 1 }
                        if let answer = Self.answer(in: clause, at: start, keywords: keywords, anyFollower: true) {
                            answers.append(answer)
                        }
                    } else if var answer = Self.answer(in: clause, at: 0, keywords: keywords, anyFollower: false) {
                        if verbSeen {
                            answers.append(answer)
                        } else if keywords.reservedClass(of: answer.word) != nil,
                            answer.written == answer.written.uppercased() || Self.isOptOutInstruction(answer)
                        {
                            answer.byVerb = false
                            answers.append(answer)
                        }
                    }
                }
            }
        }
        self.answers = answers
    }

    /// True when `answer` tells the customer how to stop messages rather than offering a menu choice.
    static func isOptOutInstruction(_ answer: Answer) -> Bool {
        let unambiguous = unambiguousOptOut.contains(answer.word)
        guard answer.preposition != nil else { return unambiguous }
        let purpose = answer.purpose
        guard let first = purpose.first else { return unambiguous }
        if first == "unsubscribe" || first == "unsub" || first == "optout" { return true }
        if first == "opt", purpose.dropFirst().first == "out" { return true }
        let rest = purpose.dropFirst()
        if optOutVerbs.contains(first), rest.isEmpty { return unambiguous }
        return optOutVerbs.contains(first) && rest.contains(where: messageWords.contains)
    }

    /// A word in a text, as written and folded.
    struct Word {
        var written: String
        var folded: String
    }

    /// Letters and digits runs; apostrophes are dropped so "don't" stays one word.
    static func words(_ text: Substring) -> [Word] {
        var words: [Word] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            words.append(Word(written: current, folded: TextFolding.fold(current)))
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character != "'" && character != "\u{2019}" {
                flush()
            }
        }
        flush()
        return words
    }

    /// The clause's words split at "or" and "and", empty clauses dropped.
    static func clauses(_ words: [Word]) -> [ArraySlice<Word>] {
        words.split(whereSeparator: { clauseWords.contains($0.folded) }).map { $0 }
    }

    /// The answer starting at `start`: a one- or two-word keyword ("opt out") or a single word, with its purpose.
    /// `anyFollower` accepts any word after it (a verb offered it); otherwise only "to", "for" or nothing may follow.
    static func answer(
        in clause: ArraySlice<Word>,
        at offset: Int,
        keywords: KeywordPolicy,
        anyFollower: Bool
    ) -> Answer? {
        let start = clause.startIndex + offset
        guard start < clause.endIndex else { return nil }
        var end = start + 1
        if end < clause.endIndex {
            let pair = clause[start].folded + " " + clause[end].folded
            if keywords.reservedClass(of: pair) != nil { end += 1 }
        }
        let word = clause[start..<end].map(\.folded).joined(separator: " ")
        let written = clause[start..<end].map(\.written).joined(separator: " ")
        let rest = clause[end...]
        let preposition = rest.firstIndex { $0.folded == "to" || $0.folded == "for" }
        if !anyFollower, let next = rest.first, next.folded != "to" && next.folded != "for" { return nil }
        return Answer(
            word: word,
            written: written,
            preposition: preposition.map { clause[$0].folded },
            purpose: preposition.map { clause[($0 + 1)...].map(\.folded) } ?? [],
            byVerb: true
        )
    }
}
