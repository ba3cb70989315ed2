import JSONDocument
import Testing

@Suite struct JSONParserTests {
    @Test func parserKeepsKeyOrderAndUnicodeEscapes() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": "\u00e9\ud83d\udc4d", "c": [true, null, -2.5e1]}"#)
        #expect(value.jsonText == #"{"b":1,"a":"é👍","c":[true,null,-25]}"#)
    }

    /// Strings without an escape are decoded from the bytes in one step; those with one, piece by piece. Both must
    /// give the same text, multi-byte UTF-8 and escapes at either end included.
    @Test func plainAndEscapedStringsDecodeAlike() throws {
        let value = try JSONParser.parse(#"["café 👍", "\"café\" 👍", "tab\t", "\u00e9nd", ""]"#)
        #expect(value == .array([.string("café 👍"), .string("\"café\" 👍"), .string("tab\t"), .string("énd"), .string("")]))
    }

    @Test func duplicateKeyIsRefusedWithLineColumnAndPath() {
        let text = """
            {"segments": [
              {"name": "new", "share": 0.5, "share": 0.6}]}
            """
        let error = #expect(throws: JSONDocumentError.self) { try JSONParser.parse(text, file: "spec.json") }
        #expect(error?.problem == .duplicateKey("share"))
        #expect(error?.path == "$.segments[0].share")
        #expect(error?.position == TextPosition(line: 2, column: 33))
        #expect(
            error?.description
                == "spec.json: $.segments[0].share (line 2, column 33): found the key \"share\" a second time in the "
                + "same object; expected each key once"
        )
    }

    @Test func syntaxErrorNamesTheValueBeingRead() {
        let error = #expect(throws: JSONDocumentError.self) {
            try JSONParser.parse(#"{"a": {"b": [1, ]}}"#, file: "x.json")
        }
        #expect(error?.path == "$.a.b[1]")
        #expect(error?.position == TextPosition(line: 1, column: 17))
        #expect(error?.found == "']'")
    }

    @Test func numbersADoubleCannotHoldAreRefused() {
        let error = #expect(throws: JSONDocumentError.self) { try JSONParser.parse("[1e999]", file: "x.json") }
        #expect(error?.path == "$[0]")
        #expect(error?.position == TextPosition(line: 1, column: 2))
    }

    @Test func oddKeysArePathedWithBrackets() {
        let error = #expect(throws: JSONDocumentError.self) {
            try JSONParser.parse(#"{"907": {"America/Denver": tru}}"#, file: "x.json")
        }
        #expect(error?.path == #"$["907"]["America/Denver"]"#)
    }
}
