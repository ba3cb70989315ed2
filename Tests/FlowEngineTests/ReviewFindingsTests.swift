import Foundation
import Messaging
import Testing

@testable import FlowEngine

/// Scenarios from the flow-engine review (F1–F8): each replays what the reviewer saw and pins the fixed behaviour.
@Suite struct ReviewFindingsTests {
    /// 2026-12-02 06:00 UTC: 22:00 in Los Angeles, inside quiet hours, so the first text is deferred.
    let night = Instant(epochSeconds: 1_796_191_200)

    // F1: a deferred text must not go out after the customer opts out.
    @Test func stopCancelsTheTextDeferredForQuietHours() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let started = runtime.start(TestSupport.session(), at: night)
        guard case .sent(let nudge) = started.events.first else {
            Issue.record("expected the nudge first, got \(started.events)")
            return
        }
        #expect(nudge.at > night)
        #expect(nudge.deferredReason != nil)
        #expect(started.session.pendingSends.map(\.text) == [nudge.text])

        let stopped = runtime.resume(started.session, with: .message("STOP"), at: night.adding(seconds: 60))
        #expect(stopped.events.contains(.sendCancelled(nudge, reason: "the customer opted out by \"STOP\"")))
        #expect(stopped.session.pendingSends.isEmpty)
        #expect(stopped.endedOutcome == "opted_out")
        // A withdrawn text never left, so the caps must not count it.
        #expect(started.session.recipient.sends.sends.count == 1)
        #expect(stopped.session.recipient.sends.sends.isEmpty)
    }

    @Test func aPendingSendLeavesTheListOnceItsTimeHasCome() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let started = runtime.start(TestSupport.session(), at: night)
        let due = try #require(started.session.pendingSends.first).at
        let later = runtime.resume(started.session, with: .message("STOP"), at: due.adding(seconds: 60))
        #expect(!later.events.contains { if case .sendCancelled = $0 { true } else { false } })
        #expect(later.session.pendingSends.isEmpty)
    }

    // F3: a conversation the customer starts meets the keyword layer and the consent check.
    @Test func inboundStopOpensNoConversationAndSendsNoPromotion() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let step = runtime.start(
            TestSupport.session(optedIn: false),
            trigger: .inbound("STOP"),
            at: TestSupport.morning
        )
        #expect(step.events.first == .optedOut(keyword: "STOP"))
        #expect(step.outbound.map(\.purpose) == [.compliance])
        #expect(step.endedOutcome == "opted_out")
        #expect(step.session.recipient.consent.isOptedOut(at: TestSupport.morning))
    }

    @Test func anInboundTriggerDoesNotMakeThePromotionTransactional() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let unsubscribed = runtime.start(
            TestSupport.session(optedIn: false),
            trigger: .inbound("hi"),
            at: TestSupport.morning
        )
        #expect(unsubscribed.outbound.isEmpty)
        #expect(unsubscribed.endedOutcome == "suppressed")

        let subscribed = runtime.start(TestSupport.session(), trigger: .inbound("hi"), at: TestSupport.morning)
        #expect(subscribed.outbound.map(\.purpose) == [.marketing])
    }

    @Test(arguments: ["HELP", "not interested"])
    func anInboundKeywordDoesNotStartTheFlow(_ text: String) throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let step = runtime.start(TestSupport.session(), trigger: .inbound(text), at: TestSupport.morning)
        #expect(step.outbound.allSatisfy { $0.purpose == .compliance })
        #expect(!step.events.contains { if case .routed = $0 { true } else { false } })
    }

    // F5: a sender-initiated step stays marketing after the customer has replied once.
    @Test func theCrossSellAfterATimeoutIsMarketingEvenAfterAReply() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("post-purchase.json"))
        let started = runtime.start(TestSupport.session(), at: TestSupport.morning)
        let answered = runtime.resume(started.session, with: .message("1"), at: TestSupport.morning.adding(seconds: 60))
        #expect(answered.outbound.map(\.purpose) == [.transactional])
        let due = try #require(answered.session.timeoutAt)
        let crossSell = runtime.resume(answered.session, with: .timeout, at: due)
        #expect(crossSell.routes == ["setup_tips → No reply"])
        #expect(!crossSell.outbound.isEmpty)
        #expect(crossSell.outbound.allSatisfy { $0.purpose == .marketing })
    }

    @Test func withoutConsentTheCrossSellAfterAReplyIsSuppressed() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("post-purchase.json"))
        let started = runtime.start(
            TestSupport.session(optedIn: false),
            trigger: .inbound("hi"),
            at: TestSupport.morning
        )
        #expect(started.outbound.isEmpty)
    }

    // F2: an ambiguous "no" holds marketing until a person decides, in every state.
    @Test func notInterestedHoldsMarketingUntilTheReviewCloses() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let held = runtime.resume(started.session, with: .message("not interested"), at: now.adding(seconds: 60))
        #expect(held.session.status == .handedOff)
        #expect(!held.session.recipient.consent.mayMarket(at: now.adding(seconds: 61)).allowed)
        #expect(held.session.reviewPending)

        let released = runtime.resume(
            held.session,
            with: .handoffClosed(outcome: "resolved"),
            at: now.adding(seconds: 600)
        )
        #expect(released.session.recipient.consent.mayMarket(at: now.adding(seconds: 601)).allowed)
        #expect(released.session.status == .waiting)
        #expect(!released.session.reviewPending)
    }

    /// A review nobody picked up (the hand-off abandoned) decided nothing, so the reply may still be a revocation:
    /// the conversation goes on, but no promotion reaches the customer until a person releases the hold.
    @Test func anAbandonedReviewKeepsMarketingHeld() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let held = runtime.resume(started.session, with: .message("not interested"), at: now.adding(seconds: 60))
        let abandoned = runtime.resume(
            held.session,
            with: .handoffClosed(outcome: "abandoned"),
            at: now.adding(seconds: 600)
        )
        #expect(abandoned.session.status == .waiting)
        #expect(!abandoned.session.reviewPending)
        #expect(!abandoned.session.recipient.consent.mayMarket(at: now.adding(seconds: 601)).allowed)
        #expect(abandoned.outbound.allSatisfy { $0.purpose != .marketing })
    }

    @Test func aReviewerWhoReadsARevocationOptsTheCustomerOut() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let held = runtime.resume(started.session, with: .message("not interested"), at: now.adding(seconds: 60))
        let closed = runtime.resume(
            held.session,
            with: .handoffClosed(outcome: "opted_out"),
            at: now.adding(seconds: 600)
        )
        #expect(closed.session.recipient.consent.isOptedOut(at: now.adding(seconds: 600)))
        #expect(closed.events.contains(.optedOut(keyword: "not interested")))
        #expect(closed.outbound.map(\.purpose) == [.compliance])
        #expect(closed.endedOutcome == "opted_out")
    }

    @Test func whoIsThisWhileWithAnAgentIsHeldAndForwarded() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let agent = runtime.resume(
            started.session,
            with: .message("can I talk to a person"),
            at: now.adding(seconds: 60)
        )
        #expect(agent.session.status == .handedOff)
        let asked = runtime.resume(agent.session, with: .message("who is this?"), at: now.adding(seconds: 120))
        #expect(asked.events.contains(.forwardedToAgent(text: "who is this?")))
        #expect(!asked.session.recipient.consent.mayMarket(at: now.adding(seconds: 121)).allowed)
        let closed = runtime.resume(
            asked.session,
            with: .handoffClosed(outcome: "resolved"),
            at: now.adding(seconds: 900)
        )
        #expect(closed.session.recipient.consent.mayMarket(at: now.adding(seconds: 901)).allowed)
    }

    @Test func notInterestedAfterTheEndStillHoldsMarketing() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let ended = runtime.resume(started.session, with: .expired, at: now.adding(seconds: 259_200))
        let late = runtime.resume(ended.session, with: .message("no thanks"), at: now.adding(seconds: 260_000))
        #expect(late.events.contains(.flaggedForReview(text: "no thanks", keyword: "no thanks")))
        #expect(!late.session.recipient.consent.mayMarket(at: now.adding(seconds: 260_001)).allowed)
    }

    @Test func aReviewHoldWithdrawsADeferredPromotion() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let started = runtime.start(TestSupport.session(), at: night)
        let held = runtime.resume(started.session, with: .message("not interested"), at: night.adding(seconds: 60))
        #expect(held.events.contains { if case .sendCancelled = $0 { true } else { false } })
        #expect(held.session.pendingSends.isEmpty)
    }

    // F4: YES from a customer without marketing consent answers the flow; only START/UNSTOP subscribe.
    @Test func yesConfirmsTheAppointmentOfAnUnsubscribedCustomer() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("appointment-reminder.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(optedIn: false), at: now)
        #expect(started.outbound.map(\.purpose) == [.transactional])
        let confirmed = runtime.resume(started.session, with: .message("YES"), at: now.adding(seconds: 60))
        #expect(confirmed.routes == ["remind → Confirmed"])
        #expect(!confirmed.events.contains(.optedIn(keyword: "YES")))
        #expect(!confirmed.session.recipient.consent.mayMarket(at: now.adding(seconds: 61)).allowed)
    }

    @Test func startFromAnUnsubscribedCustomerIsStillASubscription() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("appointment-reminder.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(optedIn: false), at: now)
        let joined = runtime.resume(started.session, with: .message("START"), at: now.adding(seconds: 60))
        #expect(joined.events.first == .optedIn(keyword: "START"))
        #expect(joined.session.recipient.consent.mayMarket(at: now.adding(seconds: 61)).allowed)
    }

    @Test func yesFromAnOptedOutCustomerResubscribes() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let stopped = runtime.resume(started.session, with: .message("STOP"), at: now.adding(seconds: 60))
        let back = runtime.resume(stopped.session, with: .message("YES"), at: now.adding(seconds: 120))
        #expect(back.events.first == .optedIn(keyword: "YES"))
        #expect(back.session.recipient.consent.mayMarket(at: now.adding(seconds: 121)).allowed)
    }

    // F6: frequency caps count marketing sends only; answers to a customer's questions do not use them up.
    @Test func answersAreNotRecordedAgainstTheCaps() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        #expect(started.session.recipient.sends.sends.count == 1)
        let answered = runtime.resume(
            started.session,
            with: .message("Does it run small?"),
            at: now.adding(seconds: 60)
        )
        #expect(answered.outbound.map(\.purpose) == [.transactional])
        #expect(answered.session.recipient.sends.sends.count == 1)
    }

    // F7: a reply after a handed-off conversation expired is not forwarded to an agent who no longer has it.
    @Test func aReplyAfterAnExpiredHandoffIsNotForwarded() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let agent = runtime.resume(
            started.session,
            with: .message("can I talk to a person"),
            at: now.adding(seconds: 60)
        )
        let expiry = try #require(agent.session.expiresAt)
        let late = runtime.resume(agent.session, with: .message("hello?"), at: expiry.adding(seconds: 1))
        #expect(!late.events.contains(.forwardedToAgent(text: "hello?")))
        #expect(late.endedOutcome == "expired")
    }
}

extension FlowStep {
    /// The outbound texts of this step, with purpose and time.
    var outbound: [OutboundText] {
        events.compactMap { if case .sent(let text) = $0 { text } else { nil } }
    }
}
