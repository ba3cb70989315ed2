import Testing

@testable import Messaging

@Suite struct MoneyAndTimeTests {
    @Test(arguments: [
        (Int64(8450), "$84.50"), (0, "$0.00"), (5, "$0.05"), (-305, "-$3.05"), (123_456_789, "$1,234,567.89"),
    ])
    func centsPrintAsDollars(_ value: Int64, _ text: String) {
        #expect(Cents(value).description == text)
    }

    @Test(arguments: [
        (Int64(8_300), "$0.0083"), (16_600, "$0.0166"), (0, "$0.0000"), (1, "$0.000001"), (2_500_000, "$2.5000"),
    ])
    func microdollarsPrintWithFourDecimals(_ value: Int64, _ text: String) {
        #expect(Microdollars(value).description == text)
    }

    @Test func microdollarsRoundToCentsHalfAwayFromZero() {
        #expect(Microdollars(16_600).roundedToCents == Cents(2))
        #expect(Microdollars(4_999).roundedToCents == Cents(0))
        #expect(Microdollars(5_000).roundedToCents == Cents(1))
        #expect(Microdollars(-5_000).roundedToCents == Cents(-1))
    }

    @Test func instantsConvertToAndFromCalendarDates() {
        #expect(Instant(epochSeconds: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Instant(year: 2026, month: 3, day: 8, hour: 7).epochMilliseconds == 1_772_953_200_000)
        #expect(Instant(epochMilliseconds: 1_772_953_200_000).iso8601 == "2026-03-08T07:00:00Z")
        #expect(
            Instant(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59).iso8601
                == "2024-02-29T23:59:59Z"
        )
        #expect(Instant(epochMilliseconds: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(Instant(epochSeconds: 10).adding(seconds: -4) == Instant(epochMilliseconds: 6_000))
        #expect(Instant(epochSeconds: 1) < Instant(epochSeconds: 2))
    }

    @Test func valuesEncodeAsBareIntegers() throws {
        #expect(try JSONEncoderForTests.encode([Instant(epochMilliseconds: 5)]) == "[5]")
        #expect(try JSONEncoderForTests.encode([Cents(8450)]) == "[8450]")
        #expect(try JSONEncoderForTests.encode([Microdollars(8300)]) == "[8300]")
        #expect(try JSONEncoderForTests.decode([Instant].self, from: "[7]") == [Instant(epochMilliseconds: 7)])
    }
}

@Suite struct ComplianceRepliesTests {
    let replies = ComplianceReplies(brand: "Acme Outdoors", contact: "help@acme.example")

    @Test func defaultRepliesMeetTheRules() {
        #expect(replies.problems.isEmpty)
        #expect(
            replies.optOutConfirmation
                == "Acme Outdoors: You are unsubscribed and will receive no more messages. Reply START to resubscribe."
        )
        #expect(replies.helpReply.hasPrefix("Acme Outdoors: Help at help@acme.example."))
        #expect(replies.helpReply.contains("Reply STOP to opt out"))
        #expect(replies.optInConfirmation.contains("Reply HELP for help, STOP to opt out"))
    }

    @Test func marketingInTheOptOutConfirmationIsAProblem() {
        var bad = replies
        bad.optOutTemplate = "{brand}: Unsubscribed. Before you go, take 20% off at acme.example/sale"
        #expect(bad.problems.contains("opt-out confirmation must carry no marketing, but contains '%'"))
        #expect(bad.problems.contains("opt-out confirmation must carry no marketing, but contains 'sale'"))
    }

    @Test func aHelpReplyWithoutStopInstructionsIsAProblem() {
        var bad = replies
        bad.helpTemplate = "{brand}: call {contact}. {store}"
        #expect(
            bad.problems == [
                "help reply must say \"Reply STOP to opt out\"",
                "help template has an unknown placeholder; use {brand} and {contact}",
            ]
        )
    }
}
