import Testing

@testable import FlowEngine

/// One row: a case type with its arguments, a customer reply, and whether the case should match it.
struct MatcherRow: CustomTestStringConvertible, Sendable {
    let type: String
    let arguments: [String]
    let reply: String
    let expected: Bool

    init(_ type: String, _ arguments: [String], _ reply: String, _ expected: Bool) {
        self.type = type
        self.arguments = arguments
        self.reply = reply
        self.expected = expected
    }

    var testDescription: String { "\(type)\(arguments) vs \"\(reply)\" → \(expected)" }
}

@Suite struct MatcherTests {
    static let rows: [MatcherRow] = [
        // any_word: tokens, case, punctuation
        MatcherRow("any_word", ["yes", "y"], "Yes", true),
        MatcherRow("any_word", ["yes", "y"], "YES!!!", true),
        MatcherRow("any_word", ["yes", "y"], "y", true),
        MatcherRow("any_word", ["yes", "y"], "yesterday", false),
        MatcherRow("any_word", ["yes", "y"], "oh, yes please.", true),
        MatcherRow("any_word", ["yes"], "(yes)", true),
        MatcherRow("any_word", ["yes"], "\"yes\"", true),
        MatcherRow("any_word", ["yes"], "'yes'", true),
        MatcherRow("any_word", ["yes"], "yes-sir", true),
        MatcherRow("any_word", ["yes"], "no", false),
        MatcherRow("any_word", ["yes"], "", false),
        MatcherRow("any_word", ["yes"], "   ", false),
        MatcherRow("any_word", ["red fox"], "The Quick Brown Fox", true),
        MatcherRow("any_word", ["1"], "1", true),
        MatcherRow("any_word", ["1"], "option 1 please", true),
        MatcherRow("any_word", ["1"], "10", false),
        MatcherRow("any_word", ["1"], "1.", true),
        MatcherRow("any_word", ["1"], "#1", true),
        MatcherRow("any_word", ["1"], "1️⃣", true),
        // accents and case folding
        MatcherRow("any_word", ["cafe"], "Café", true),
        MatcherRow("any_word", ["café"], "CAFE", true),
        MatcherRow("any_word", ["si"], "Sí", true),
        MatcherRow("any_word", ["manana"], "mañana", true),
        MatcherRow("any_word", ["uber"], "ÜBER", true),
        MatcherRow("any_word", ["resume"], "résumé", true),
        MatcherRow("any_word", ["naive"], "naïve", true),
        // apostrophes: part of the word, straight or curly
        MatcherRow("any_word", ["don't"], "I don't know", true),
        MatcherRow("any_word", ["don't"], "I don’t know", true),
        MatcherRow("any_word", ["dont"], "I don't know", false),
        MatcherRow("any_word", ["don"], "don't", false),
        MatcherRow("any_word", ["it's"], "IT'S fine", true),
        MatcherRow("any_word", ["o'brien"], "Mrs O’Brien here", true),
        // emoji: each its own token; skin tones ignored
        MatcherRow("any_word", ["👍"], "👍", true),
        MatcherRow("any_word", ["👍"], "👍🏾", true),
        MatcherRow("any_word", ["👍"], "sounds good👍", true),
        MatcherRow("any_word", ["👍"], "👍👍", true),
        MatcherRow("any_word", ["👍"], "👎", false),
        MatcherRow("any_word", ["❤"], "❤️", true),
        MatcherRow("any_word", ["yes"], "yes👍", true),
        MatcherRow("any_word", ["$"], "how much $?", true),
        // all_words
        MatcherRow("all_words", ["red", "shoes"], "shoes in red", true),
        MatcherRow("all_words", ["red", "shoes"], "red boots", false),
        MatcherRow("all_words", ["red shoes"], "Shoes, RED.", true),
        MatcherRow("all_words", ["size", "8"], "size 8 please", true),
        MatcherRow("all_words", ["size", "8"], "size 9", false),
        // phrase: contiguous, in order
        MatcherRow("phrase", ["how long"], "how long does shipping take?", true),
        MatcherRow("phrase", ["how long"], "long how", false),
        MatcherRow("phrase", ["how long"], "how very long", false),
        MatcherRow("phrase", ["world too"], "world world too", true),
        MatcherRow("phrase", ["true to size"], "Is it TRUE-TO-SIZE?", true),
        MatcherRow("phrase", ["can't wait"], "can’t wait!", true),
        // only_phrase: the whole reply
        MatcherRow("only_phrase", ["ordered"], "Ordered.", true),
        MatcherRow("only_phrase", ["ordered"], "not ordered", false),
        MatcherRow("only_phrase", ["sounds good"], "  Sounds   good! ", true),
        // starts_with: prefix of the trimmed reply, no tokenising
        MatcherRow("starts_with", ["yes"], "  Yes please", true),
        MatcherRow("starts_with", ["yes"], "yesss", true),
        MatcherRow("starts_with", ["yes"], "oh yes", false),
        MatcherRow("starts_with", ["ok"], "OK!", true),
        MatcherRow("starts_with", ["ola"], "Ólá", true),
        // number: digits
        MatcherRow("number_between", ["1", "4"], "3", true),
        MatcherRow("number_between", ["1", "4"], "4", true),
        MatcherRow("number_between", ["1", "4"], "1", true),
        MatcherRow("number_between", ["1", "4"], "5", false),
        MatcherRow("number_between", ["1", "4"], "0", false),
        MatcherRow("number_between", ["4", "15"], "I wear a 9.5", true),
        MatcherRow("number_between", ["4", "15"], "size 9 1/2", true),
        MatcherRow("number_between", ["9.5", "9.5"], "9½", true),
        MatcherRow("number_between", ["4", "15"], "we have 3 stores, maybe 12 soon", true),
        MatcherRow("number_between", ["100", "2000"], "about 1,250 people", true),
        MatcherRow("number_between", ["1", "4"], "no idea", false),
        MatcherRow("number_between", ["1", "4"], "٣", true),
        MatcherRow("number_between", ["1", "4"], "#2!", true),
        MatcherRow("number_less", ["0"], "-3 degrees", true),
        MatcherRow("number_less", ["5"], "5", false),
        MatcherRow("number_less", ["5"], "4.99", true),
        MatcherRow("number_greater", ["4"], "5", true),
        MatcherRow("number_greater", ["4"], "4", false),
        MatcherRow("number_greater", ["4"], "we run 12 locations", true),
        MatcherRow("number_greater", ["50"], "$84.50", true),
        MatcherRow("number", [], "call me at 3pm", true),
        MatcherRow("number", [], "call me later", false),
        // number: words
        MatcherRow("number_between", ["1", "4"], "three", true),
        MatcherRow("number_between", ["1", "4"], "Two stores", true),
        MatcherRow("number_between", ["20", "30"], "twenty five", true),
        MatcherRow("number_between", ["20", "30"], "twenty-five", true),
        MatcherRow("number_between", ["1", "4"], "twenty-five", false),
        MatcherRow("number_greater", ["100"], "two hundred and ten", true),
        MatcherRow("number_between", ["12", "12"], "a dozen", true),
        MatcherRow("number_between", ["24", "24"], "two dozen", true),
        MatcherRow("number_greater", ["1000"], "five thousand", true),
        MatcherRow("number_between", ["1", "1"], "one two", true),
        MatcherRow("number_between", ["3", "3"], "one two", false),
        MatcherRow("number_between", ["1", "4"], "someone", false),
        // regex: unanchored unless ^…$, case-insensitive
        MatcherRow("regex", ["\\d{5}"], "my zip is 94110", true),
        MatcherRow("regex", ["^\\d{5}$"], "my zip is 94110", false),
        MatcherRow("regex", ["^\\d{5}$"], "94110", true),
        MatcherRow("regex", ["order"], "ORDER #123", true),
        MatcherRow("regex", ["^yes$"], "yes please", false),
        MatcherRow("regex", ["[a-z]+@[a-z]+\\.com"], "mail me: ana@shop.com", true),
        // has_text
        MatcherRow("has_text", [], "Tuesday after 3", true),
        MatcherRow("has_text", [], "?!", false),
        MatcherRow("has_text", [], "🙂", true),
    ]

    @Test(arguments: rows)
    func caseMatchesReply(_ row: MatcherRow) throws {
        let flow = try TestSupport.singleCaseFlow(row.type, row.arguments)
        var reply = PreparedReply(row.reply)
        #expect(flow.nodes[0].router!.cases[0].matcher.matches(&reply, intents: flow.intents) == row.expected)
    }

    @Test func tableHasAtLeastEightyRows() {
        #expect(Self.rows.count >= 80)
    }

    static let intentRows: [(String, Bool)] = [
        ("when will it arrive?", true), ("How long does shipping take", true), ("DELIVERY date?", true),
        ("is it true to size", false), ("how longer", false), ("ship it 🚚", true),
    ]

    @Test(arguments: intentRows)
    func intentMatchesKeywordsAndPhrases(_ reply: String, _ expected: Bool) throws {
        let flow = try TestSupport.singleCaseFlow(
            "intent",
            ["shipping"],
            intents:
                #"{"name": "shipping", "words": ["ship", "shipping", "delivery", "arrive"], "phrases": ["how long"]}"#
        )
        var prepared = PreparedReply(reply)
        #expect(flow.nodes[0].router!.cases[0].matcher.matches(&prepared, intents: flow.intents) == expected)
    }

    @Test func tokensSplitSymbolsAndKeepApostrophes() {
        #expect(TokenizedText("Hi!! I'm Ana 👋🏽, size 8½?").tokens == ["hi", "i'm", "ana", "👋", "size", "8½"])
        #expect(TokenizedText("$84.50 + free & fast").tokens == ["$", "84", "50", "+", "free", "fast"])
        #expect(TokenizedText("CAFÉ–crème").tokens == ["cafe", "creme"])
    }

    @Test func numbersComeInTheOrderWritten() {
        #expect(NumberReader.numbers(in: TokenizedText("two or 3, maybe twenty-one")) == [2, 3, 21])
        #expect(NumberReader.numbers(in: TokenizedText("1,250.75 and 1,2")) == [1250.75, 1, 2])
    }
}
