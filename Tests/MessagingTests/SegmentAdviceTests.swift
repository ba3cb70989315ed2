import Testing

@testable import Messaging

@Suite struct SegmentAdviceTests {
    @Test func smartQuoteThatCostsASegmentIsNamedWithItsWord() {
        let text = String(repeating: "a", count: 66) + " don’t"
        #expect(SegmentAdvice.explain(text) == "the ’ in “don’t” makes this 2 segments instead of 1; use '")
    }

    @Test func severalLookAlikesAreListedInOrder() {
        let text = "“Sale” ends now—" + String(repeating: "x", count: 60)
        #expect(
            SegmentAdvice.explain(text)
                == "the “ in “Sale”, the ” in “Sale” and the — in “now—xxxxxxxxxxxxxxxxxxxx…” make this 2 segments "
                + "instead of 1; use \" and -"
        )
    }

    @Test func lookAlikeThatDoesNotChangeTheCountStillExplainsTheSwitch() {
        #expect(
            SegmentAdvice.explain("don’t")
                == "the ’ in “don’t” switches this to UCS-2 (70 units a segment, not 160); still 1 segment, but use ' to keep room"
        )
    }

    @Test func emojiHasNoEquivalentButTheCostIsShown() {
        let text = String(repeating: "a", count: 100) + " 😀"
        #expect(
            SegmentAdvice.explain(text)
                == "the 😀 forces UCS-2 (70 units a segment, not 160); without it this would be 1 segment instead of 2"
        )
    }

    @Test func gsmMessagesJustOverABoundaryGetATrimHint() {
        #expect(
            SegmentAdvice.explain(String(repeating: "a", count: 165))
                == "165 septets make 2 segments; cut 5 to send 1 segment"
        )
        #expect(SegmentAdvice.explain(String(repeating: "a", count: 250)) == nil)
        #expect(SegmentAdvice.explain("Hello") == nil)
    }

    @Test func replacingLookAlikesGivesGSMText() {
        let fixed = SegmentAdvice.replacingLookAlikes(in: "“Don’t” wait… 50% off—today\u{A0}only")
        #expect(fixed == "\"Don't\" wait... 50% off-today only")
        #expect(SegmentCount.of(fixed).encoding == .gsm7)
    }
}
