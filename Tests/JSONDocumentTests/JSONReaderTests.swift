import JSONDocument
import Testing

@Suite struct JSONReaderTests {
    typealias Reader = JSONReader<JSONDocumentError>

    static func reader(_ text: String, options: JSONReaderOptions = JSONReaderOptions()) throws -> Reader {
        try Reader(parsing: text, file: "spec.json", options: options)
    }

    static func failure(_ read: (Reader) throws(JSONDocumentError) -> Void, in text: String) -> JSONDocumentError? {
        do {
            try read(try reader(text))
            return nil
        } catch let error as JSONDocumentError {
            return error
        } catch {
            return nil
        }
    }

    @Test func unknownKeyNamesItsPathAndTheClosestAllowedKey() {
        let error = Self.failure(
            { root throws(JSONDocumentError) in
                try root.required("segments").array()[1].requireObject(allowed: ["name", "share", "start"])
            },
            in: #"{"segments": [{"name": "new"}, {"name": "vip", "shar": 0.2}]}"#
        )
        #expect(error?.path == "$.segments[1].shar")
        #expect(
            error?.description
                == "spec.json: $.segments[1].shar: found the unknown key \"shar\"; expected \"share\" (did you mean "
                + "it?); allowed keys are name, share, start"
        )
    }

    @Test func unknownKeyWithNothingCloseListsTheAllowedKeys() {
        let error = Self.failure(
            { root throws(JSONDocumentError) in try root.requireObject(allowed: ["name", "share"]) },
            in: #"{"colour": "red"}"#
        )
        #expect(
            error?.description
                == "spec.json: $.colour: found the unknown key \"colour\"; expected one of the keys name, share"
        )
    }

    @Test func wrongTypeSaysWhatWasFound() {
        let error = Self.failure(
            { root throws(JSONDocumentError) in _ = try root.required("share").number() },
            in: #"{"share": "25%"}"#
        )
        #expect(error?.problem == .wrongType(found: .string("25%"), expected: "a number"))
        #expect(error?.description == "spec.json: $.share: found the string \"25%\"; expected a number")
    }

    @Test func outOfRangeNamesTheBounds() {
        let fraction = Self.failure(
            { root throws(JSONDocumentError) in _ = try root.required("share").number(in: 0...1) },
            in: #"{"share": 1.4}"#
        )
        #expect(fraction?.description == "spec.json: $.share: found the number 1.4; expected a number from 0 to 1")
        let whole = Self.failure(
            { root throws(JSONDocumentError) in _ = try root.required("orders").integer(in: 0...1_000) },
            in: #"{"orders": 2.5}"#
        )
        #expect(
            whole?.description == "spec.json: $.orders: found the number 2.5; expected a whole number from 0 to 1000"
        )
    }

    @Test func missingKeyIsReportedAtTheObject() {
        let error = Self.failure(
            { root throws(JSONDocumentError) in _ = try root.required("cart").required("items", "how many items") },
            in: #"{"cart": {}}"#
        )
        #expect(error?.path == "$.cart")
        #expect(error?.found == "no \"items\"")
        #expect(error?.expected == "\"items\": how many items")
    }

    @Test func choiceListsTheChoices() {
        let error = Self.failure(
            { root throws(JSONDocumentError) in _ = try root.required("mode").choice(["conversational", "one_way"]) },
            in: #"{"mode": "chat"}"#
        )
        #expect(
            error?.description
                == "spec.json: $.mode: found the string \"chat\"; expected one of conversational, one_way"
        )
    }

    @Test func readsTypedValues() throws {
        let root = try Self.reader(
            #"{"name": "Cart", "on": true, "n": 3, "tags": ["a", "b"], "z": 1, "a": 2}"#
        )
        #expect(try root.required("name").nonEmptyString() == "Cart")
        #expect(try root.required("on").bool())
        #expect(try root.required("n").integer(in: Int8(0)...10) == 3)
        #expect(try root.required("tags").stringArray() == ["a", "b"])
        #expect(root.child("missing") == nil)
        #expect(try root.members(.document).map(\.key) == ["name", "on", "n", "tags", "z", "a"])
        #expect(try root.members(.sorted).map(\.key) == ["a", "n", "name", "on", "tags", "z"])
    }

    @Test func optionsTreatNullAsMissingAndSkipCommentKeys() throws {
        let text = #"{"note": "from the 2020 census", "size": null, "weights": {"note": "x", "CA": 1}}"#
        let strict = try Self.reader(text)
        #expect(strict.child("size")?.isNull == true)
        #expect(throws: JSONDocumentError.self) { try strict.requireObject(allowed: ["size", "weights"]) }

        let lenient = try Self.reader(text, options: JSONReaderOptions(nullIsMissing: true, commentKeys: ["note"]))
        try lenient.requireObject(allowed: ["size", "weights"])
        #expect(lenient.child("size") == nil)
        #expect(try lenient.required("weights").members(.sorted).map(\.key) == ["CA"])
        let missing = #expect(throws: JSONDocumentError.self) { try lenient.required("size") }
        #expect(missing?.problem == .missingKey("size", what: nil))
    }

    @Test func closestSpellingPrefersTheNearestAndTheFirstOnATie() {
        #expect(SpellingSuggestion.closest(to: "timout", among: ["timeout_category", "timeout"]) == "timeout")
        #expect(SpellingSuggestion.closest(to: "ab", among: ["xb", "ax"]) == "xb")
        #expect(SpellingSuggestion.closest(to: "colour", among: ["name", "share"]) == nil)
        #expect(SpellingSuggestion.editDistance("kitten", "sitting") == 3)
        #expect(SpellingSuggestion.editDistance("", "abc") == 3)
        #expect(SpellingSuggestion.editDistance("flaw", "lawn") == 2)
        #expect(SpellingSuggestion.editDistance("same", "same") == 0)
        // A swap of neighbours is one edit; optimal string alignment never edits a substring twice, so "ca" → "abc"
        // is 3 (true Damerau–Levenshtein would say 2).
        #expect(SpellingSuggestion.editDistance("lnit", "lint") == 1)
        #expect(SpellingSuggestion.editDistance("timoeut", "timeout") == 1)
        #expect(SpellingSuggestion.editDistance("ca", "abc") == 3)
    }
}
