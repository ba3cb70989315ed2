import Store
import Testing

@testable import Analytics

/// Every customer-level metric of DESIGN.md on the hand-built log, each against the count worked out by hand in
/// `KnownLog`'s comment.
@Suite struct CustomerMetricTests {
    let analysis: Analysis

    init() throws {
        analysis = try Analysis.compute(database: try KnownLog.database(), window: .replylab)
    }

    var oneWay: CustomerTotals { analysis.arm(id: 1)!.totals }
    var conversational: CustomerTotals { analysis.arm(id: 2)!.totals }
    var holdout: CustomerTotals { analysis.arm(id: 3)!.totals }

    @Test func armsFollowTheVariantsWithTheOneWayArmAsBaseline() {
        #expect(analysis.arms.map(\.name) == ["one-way", "conversational", "holdout"])
        #expect(analysis.baseline()?.name == "one-way")
        #expect(analysis.holdout?.name == "holdout")
        #expect(analysis.arms.map(\.totals.assigned) == [3, 5, 2])
    }

    @Test func deliveryCountsCustomersNotTexts() {
        // c3's only text failed: sent, not delivered. The holdout gets nothing.
        #expect((oneWay.sent, oneWay.delivered) == (3, 2))
        #expect((conversational.sent, conversational.delivered) == (5, 5))
        #expect((holdout.sent, holdout.delivered) == (0, 0))
        #expect(oneWay.deliveryRate == Rate(2, of: 3))
    }

    @Test func replyRateSkipsKeywordsAndLateReplies() {
        // One-way: c1's "thanks" counts, c2's STOP does not. Conversational: c4, c5, c7; c6 wrote after 4 days.
        #expect(oneWay.replyRate == Rate(1, of: 2))
        #expect(conversational.replyRate == Rate(3, of: 5))
    }

    @Test func aReplyOnlyCountsInsideTheWindowThePresetNames() throws {
        // conversation14d counts replies for 14 days: c6's message after 4 days becomes a reply.
        let wide = try Analysis.compute(database: try KnownLog.database(), window: .conversation14d)
        #expect(wide.arm(id: 2)!.totals.replyRate == Rate(4, of: 5))
        // klaviyo's 12 h order window keeps none of the orders (all ≥ 1 day after t0).
        let short = try Analysis.compute(database: try KnownLog.database(), window: .klaviyo)
        #expect(short.arms.map(\.totals.converted) == [0, 0, 0])
    }

    @Test func conversedNeedsAnAnswerFromAutomationOrAnAgent() {
        // c1's reply in the one-way arm got no answer; c4, c5, c7 were answered by the flow.
        #expect(oneWay.conversed == 0)
        #expect(conversational.conversed == 3)
    }

    @Test func assistedConversionIsAnOrderAfterTheExchangeOverDelivered() {
        // Only c4 ordered after an answered reply (c5's order came after the 7-day window).
        #expect(conversational.assistedConversionRate == Rate(1, of: 5))
        #expect(oneWay.assistedConversionRate == Rate(0, of: 2))
    }

    @Test func conversionIsIntentToTreatOverAssigned() {
        // c3 converted though nothing reached them; the holdout's c8 converted without a text.
        #expect(oneWay.conversionRate == Rate(2, of: 3))
        #expect(oneWay.deliveredConverted == 1)
        #expect(conversational.conversionRate == Rate(1, of: 5))
        #expect(holdout.conversionRate == Rate(1, of: 2))
    }

    @Test func optOutRateCountsStopInsideTheWindowOverDelivered() {
        #expect(oneWay.optOutRate == Rate(1, of: 2))
        #expect(conversational.optOutRate == Rate(0, of: 5))
    }

    @Test func averageOrderValueDividesByOrdersNeverCustomers() {
        // One-way: $50 and $30 → AOV $40, sample variance of (5000, 3000) = 2,000,000 cents².
        let aov = oneWay.averageOrderValue
        #expect(aov.count == 2)
        #expect(aov.mean == 4_000)
        #expect(aov.variance == 2_000_000)
        #expect(conversational.averageOrderValue.mean == 8_000)
    }

    @Test func revenuePerRecipientDividesDeliveredRevenueByDelivered() {
        // One-way: only c1 (delivered) earned $50 inside the window; c3's $30 was not delivered-attributed.
        #expect(oneWay.revenuePerRecipient.mean == 2_500)
        #expect(conversational.revenuePerRecipient.mean == 1_600)
        // Intent-to-treat revenue per assigned customer keeps c3: $80 / 3.
        #expect(oneWay.revenuePerAssigned.sum == 8_000)
        #expect(holdout.revenuePerAssigned.mean == 3_000)
    }

    @Test func costCountsEveryTextInboundIncludedAndRoiSetsRevenueAgainstIt() throws {
        // One-way: 6 texts (c1 2, c2 3, c3 1) at 1¢; conversational 13.
        #expect(oneWay.costMicrodollars == 60_000)
        #expect(conversational.costMicrodollars == 130_000)
        // ROI = ($80 − $0.06) / $0.06.
        let roi = try #require(oneWay.returnOnCost)
        #expect(abs(roi - (80_000_000.0 - 60_000) / 60_000) < 1e-9)
        #expect(holdout.returnOnCost == nil)
    }

    @Test func recoveryRateCountsCartsCompletedInsideTheWindow() {
        // k1 and k3 in the one-way arm, k4 conversational (k5's order came after 8 days), k8 in the holdout.
        #expect(analysis.arm(id: 1)!.recovery.rate == Rate(2, of: 3))
        #expect(analysis.arm(id: 2)!.recovery.rate == Rate(1, of: 5))
        #expect(analysis.arm(id: 3)!.recovery.rate == Rate(1, of: 2))
        #expect(analysis.arm(id: 2)!.recovery.recoveredCents == 8_000)
    }

    @Test func segmentsSplitEachArm() throws {
        let newConversational = try #require(analysis.segments.first { $0.variantID == 2 && $0.segment == "new" })
        // c4, c6, c10: c4 replied.
        #expect(newConversational.totals.assigned == 3)
        #expect(newConversational.totals.replyRate == Rate(1, of: 3))
        #expect(analysis.segments.filter { $0.variantID == 2 }.map(\.segment) == ["lapsed", "new", "vip"])
    }

    @Test func aRunWithoutVariantsIsOneArm() throws {
        let database = try KnownLog.database()
        try database.execute("DELETE FROM assignments; DELETE FROM variants;")
        let whole = try Analysis.compute(database: database)
        #expect(whole.arms.map(\.name) == ["All customers"])
        #expect(whole.arms[0].totals.assigned == 10)
        #expect(whole.arms[0].totals.delivered == 7)
        // Without assignment times, t0 is each customer's first outbound text; the holdout's c8 has none.
        #expect(whole.arms[0].totals.converted == 3)
    }
}
