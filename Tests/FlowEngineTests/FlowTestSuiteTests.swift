import Foundation
import Testing

@testable import FlowEngine

@Suite struct FlowTestSuiteTests {
    static let suites = [
        "abandoned-cart.tests.json", "appointment-reminder.tests.json", "lead-qualification.tests.json",
        "post-purchase.tests.json", "product-launch.tests.json",
    ]

    func load(_ name: String) throws -> (FlowTestSuite, FlowRuntime) {
        let url = TestSupport.flowsDirectory.appendingPathComponent("tests/\(name)")
        let suite = try FlowTestSuite.decode(TestSupport.text(url), file: name)
        let flowURL = url.deletingLastPathComponent().appendingPathComponent(suite.flow).standardizedFileURL
        return (suite, TestSupport.runtime(try Flow.decode(TestSupport.text(flowURL), file: suite.flow)))
    }

    @Test(arguments: suites)
    func bundledScriptedConversationsPass(_ name: String) throws {
        let (suite, runtime) = try load(name)
        #expect(suite.tests.count >= 4)
        for test in suite.tests {
            #expect(suite.run(test, runtime: runtime) == [], "\(test.name)")
        }
    }

    @Test func wrongExpectationsAreEachReported() throws {
        var (suite, runtime) = try load("abandoned-cart.tests.json")
        var test = suite.tests[0]
        test.expect = FlowTestSuite.Expectation(
            outcome: "declined",
            path: ["nudge → Shipping"],
            textsContain: ["free shipping", "size 9.5"],
            sent: 1,
            goals: []
        )
        suite.tests = [test]
        #expect(
            suite.run(test, runtime: runtime) == [
                "expected outcome \"declined\", got \"checkout_link_sent\"",
                "expected path [nudge → Shipping], got [nudge → Sizing, sizing → Size given]",
                "no text contains \"free shipping\"",
                "expected 1 texts sent, got 3",
                "expected goals [], got [checkout_link_sent]",
            ]
        )
    }

    @Test func suiteErrorsNameThePath() {
        let text =
            #"{"format": "replylab-flow-tests/1", "flow": "x.json", "tests": [{"name": "t", "steps": ["/sleep 2h"], "expect": {}}]}"#
        let error = #expect(throws: FlowError.self) { try FlowTestSuite.decode(text, file: "t.json") }
        #expect(
            error?.description
                == "t.json: $.tests[0].steps[0]: found the string \"/sleep 2h\"; expected a reply, \"/wait DURATION\" or \"/agent [OUTCOME]\""
        )
        let typo =
            #"{"format": "replylab-flow-tests/1", "flow": "x.json", "tests": [{"name": "t", "steps": [], "expect": {"outcomes": "x"}}]}"#
        let typoError = #expect(throws: FlowError.self) { try FlowTestSuite.decode(typo, file: "t.json") }
        #expect(typoError?.path == "$.tests[0].expect.outcomes")
    }
}
