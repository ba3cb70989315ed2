import Foundation
import Testing

@testable import FlowEngine

@Suite struct FlowDecodingTests {
    /// A small valid flow; each test breaks one thing in it.
    static let valid = """
        {"format": "replylab-flow/1", "name": "Cart", "use_case": "abandoned_cart", "mode": "conversational",
         "start": "ask",
         "nodes": [
          {"id": "ask",
           "actions": [{"type": "send", "text": "Hi {{first_name | default: \\"there\\"}}! Reply 1 or 2. Reply STOP to opt out"}],
           "router": {"wait": {"timeout": "4h", "timeout_category": "No reply"},
                      "cases": [{"type": "any_word", "arguments": ["1"], "category": "One"},
                                {"type": "any_word", "arguments": ["2"], "category": "Two"}],
                      "categories": [{"name": "One", "next": "done"}, {"name": "Two", "next": "done"},
                                     {"name": "Other", "next": "done"}, {"name": "No reply", "next": "done"}],
                      "default": "Other"}},
          {"id": "done", "actions": [{"type": "end", "outcome": "finished"}]}]}
        """

    static func broken(_ old: String, _ new: String) -> String {
        precondition(valid.contains(old), "fixture text not found: \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }

    @Test func validFlowResolvesReferencesToIndexes() throws {
        let flow = try Flow.decode(Self.valid, file: "cart.json")
        #expect(flow.start == 0)
        #expect(flow.expireAfterSeconds == 259_200)
        let router = try #require(flow.nodes[0].router)
        #expect(router.categories.map(\.next) == [1, 1, 1, 1])
        #expect(router.wait == Flow.Wait(timeoutSeconds: 14_400, timeoutCategory: 3))
        #expect(router.defaultCategory == 2)
        #expect(flow.subject == "Cart")
    }

    /// (broken text, kind, the whole one-line message).
    static let pinned: [(String, FlowError.Kind, String)] = [
        (
            broken(
                #""arguments": ["2"], "category": "Two"}"#,
                #""arguments": ["2"], "category": "Two", "type": "any"}"#
            ),
            .duplicate,
            "cart.json: line 8, column 85: found the key \"type\" a second time in the same object; expected each key once"
        ),
        (
            broken(#"{"type": "any_word", "arguments": ["2"]"#, #"{"type": "any", "arguments": ["2"]"#),
            .invalidValue,
            "cart.json: $.nodes[0].router.cases[1].type: found the string \"any\"; expected one of any_word, all_words, "
                + "phrase, only_phrase, starts_with, number, number_between, number_less, number_greater, regex, intent, has_text"
        ),
        (
            broken(#""timeout": "4h""#, #""timout": "4h""#),
            .unknownKey,
            "cart.json: $.nodes[0].router.wait.timout: found the unknown key \"timout\"; expected \"timeout\" (did you mean it?); "
                + "allowed keys are timeout, timeout_category"
        ),
        (
            broken(#"{"name": "Two", "next": "done"}"#, #"{"name": "Two", "next": "dnoe"}"#),
            .unknownReference,
            "cart.json: $.nodes[0].router.categories[1].next: found \"dnoe\", which no node has; expected \"done\"? the id of a node (ask, done)"
        ),
        (
            broken(#""start": "ask","#, ""),
            .missingKey,
            "cart.json: $: found no \"start\"; expected \"start\": the id of the first node"
        ),
        (
            broken(#""timeout": "4h""#, #""timeout": "4 hours""#),
            .invalidValue,
            "cart.json: $.nodes[0].router.wait.timeout: found the string \"4 hours\"; expected a duration such as \"90s\", \"15m\", \"4h\" or \"3d\" (at most a year)"
        ),
        (
            broken(#""timeout": "4h", "timeout_category": "No reply""#, #""timeout": "4h""#),
            .missingKey,
            "cart.json: $.nodes[0].router.wait: found a timeout without \"timeout_category\"; expected \"timeout_category\": the category taken when nobody replies"
        ),
        (
            broken(#"{{first_name | default: \"there\"}}"#, #"{{first_name | shout}}"#),
            .invalidValue,
            "cart.json: $.nodes[0].actions[0].text: found the filter \"shout\" in {{first_name | shout}}; expected one of default: \"…\", upcase, downcase, capitalize, money, truncate: N"
        ),
        (
            broken(#""default": "Other""#, #""default": "Others""#),
            .unknownReference,
            "cart.json: $.nodes[0].router.default: found \"Others\", which is not a category of this router; expected one of \"One\", \"Two\", \"Other\", \"No reply\""
        ),
        (
            broken(#"{"id": "done""#, #"{"id": "ask""#),
            .duplicate,
            "cart.json: $.nodes[1].id: found the id \"ask\" again; expected ids unique across nodes ($.nodes[0] has it)"
        ),
        (
            broken(#""mode": "conversational""#, #""mode": 2"#),
            .wrongType,
            "cart.json: $.mode: found the number 2; expected a string"
        ),
        (
            broken(#""arguments": ["1"], "category": "One"}"#, #""arguments": ["1"], "category": "One"},"#),
            .syntax,
            "cart.json: line 7, column 85: found ','; expected a value (object, array, string, number, true, false or null)"
        ),
        (
            broken(
                #"{"type": "end", "outcome": "finished"}"#,
                #"{"type": "end", "outcome": "finished"}, {"type": "tag", "tag": "x"}"#
            ),
            .invalidValue,
            "cart.json: $.nodes[1].actions[0]: found an \"end\" action followed by more work; expected \"end\" as the node's last action, with no router or next"
        ),
    ]

    @Test(arguments: pinned.indices)
    func decodingErrorNamesFilePathFoundAndExpected(_ index: Int) {
        let (text, kind, message) = Self.pinned[index]
        let error = #expect(throws: FlowError.self) { try Flow.decode(text, file: "cart.json") }
        #expect(error?.kind == kind)
        #expect(error?.file == "cart.json")
        #expect(error?.description == message)
    }

    @Test func regexThatDoesNotCompileIsRefusedWithItsPath() {
        let text = Self.broken(
            #"{"type": "any_word", "arguments": ["2"]"#,
            #"{"type": "regex", "arguments": ["(unclosed"]"#
        )
        let error = #expect(throws: FlowError.self) { try Flow.decode(text, file: "cart.json") }
        #expect(error?.path == "$.nodes[0].router.cases[1].arguments[0]")
        #expect(error?.found == "the pattern \"(unclosed\", which does not compile")
    }

    @Test func jsonDecoderGoesThroughTheSameChecks() throws {
        let flow = try JSONDecoder().decode(Flow.self, from: Data(Self.valid.utf8))
        #expect(flow == (try Flow.decode(Self.valid)))
        let typo = Self.broken(#""timeout": "4h""#, #""timout": "4h""#)
        let error = #expect(throws: FlowError.self) { try JSONDecoder().decode(Flow.self, from: Data(typo.utf8)) }
        #expect(error?.path == "$.nodes[0].router.wait.timout")
        #expect(error?.file == "<decoder>")
    }
}

@Suite struct FlowEncodingTests {
    @Test(arguments: try TestSupport.datasetNames())
    func writingAndReadingBackGivesTheSameFlow(_ name: String) throws {
        let flow = try TestSupport.dataset(name)
        let again = try Flow.decode(flow.jsonText, file: "re-encoded \(name)")
        #expect(again == flow)
        #expect(again.jsonText == flow.jsonText)
    }
}
