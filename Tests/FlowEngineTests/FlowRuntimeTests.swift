import Foundation
import Messaging
import Testing

@testable import FlowEngine

@Suite struct FlowRuntimeTests {
    let cart: Flow
    let runtime: FlowRuntime
    let now = TestSupport.morning

    init() throws {
        cart = try TestSupport.dataset("abandoned-cart.json")
        runtime = TestSupport.runtime(cart)
    }

    @Test func sizingQuestionThenSizeGetsTheCheckoutLink() throws {
        let started = runtime.start(TestSupport.session(), at: now)
        #expect(
            started.texts == [
                "Northwind: Hi Maya, you left the Trail Runner 2 in your cart ($84.50). Questions on sizing or shipping? "
                    + "Just reply. https://shop.example/c/10442 Reply STOP to opt out"
            ]
        )
        #expect(
            started.events.last
                == .waiting(
                    node: "nudge",
                    timeoutAt: now.adding(seconds: 14_400),
                    expiresAt: now.adding(seconds: 259_200)
                )
        )

        let asked = runtime.resume(started.session, with: .message("Does it run small?"), at: now.adding(seconds: 60))
        #expect(asked.routes == ["nudge → Sizing"])
        #expect(asked.session.tags == ["asked-sizing"])

        let sized = runtime.resume(
            asked.session,
            with: .message("I'm usually a 9½... say 9.5"),
            at: now.adding(seconds: 120)
        )
        #expect(sized.routes == ["sizing → Size given"])
        #expect(sized.texts == ["Good news: size 9.5 is in stock. It's yours here: https://shop.example/c/10442"])
        #expect(sized.events.contains(.goal(name: "checkout_link_sent", value: Cents(8450))))
        #expect(sized.endedOutcome == "checkout_link_sent")
        #expect(sized.session.status == .ended)
        #expect(sized.session.fields == [FlowField(name: "size", value: "9.5")])
    }

    @Test func silenceTakesTheTimeoutCategoryOnlyWhenDue() {
        let started = runtime.start(TestSupport.session(), at: now)
        let early = runtime.resume(started.session, with: .timeout, at: now.adding(seconds: 3_600))
        #expect(early.events.count == 1)
        #expect(early.session == started.session)

        let reminded = runtime.resume(started.session, with: .timeout, at: now.adding(seconds: 14_400))
        #expect(reminded.routes == ["nudge → No reply"])
        #expect(reminded.texts.count == 1)
        #expect(reminded.texts[0].hasPrefix("Maya, we're holding your cart for 24 more hours"))
        let gaveUp = runtime.resume(reminded.session, with: .timeout, at: now.adding(seconds: 14_400 + 86_400))
        #expect(gaveUp.routes == ["reminder → No reply"])
        #expect(gaveUp.endedOutcome == "no_reply")
    }

    @Test func stopEndsTheSessionWithExactlyOneConfirmation() {
        let started = runtime.start(TestSupport.session(), at: now)
        let stopped = runtime.resume(started.session, with: .message("STOP"), at: now.adding(seconds: 30))
        #expect(stopped.events.first == .optedOut(keyword: "STOP"))
        #expect(
            stopped.texts == [
                "Northwind: You are unsubscribed and will receive no more messages. Reply START to resubscribe."
            ]
        )
        #expect(stopped.endedOutcome == "opted_out")
        #expect(stopped.session.recipient.consent.isOptedOut(at: now.adding(seconds: 31)))
        #expect(stopped.session.recipient.sends.sends.count == 1)

        let again = runtime.resume(stopped.session, with: .message("stop"), at: now.adding(seconds: 60))
        #expect(again.texts.isEmpty)
        #expect(again.events == [.ignored(reason: "already opted out; no second confirmation")])
        let phrase = runtime.resume(
            stopped.session,
            with: .message("please stop texting me"),
            at: now.adding(seconds: 90)
        )
        #expect(phrase.texts.isEmpty)

        let back = runtime.resume(stopped.session, with: .message("START"), at: now.adding(seconds: 120))
        #expect(back.events.first == .optedIn(keyword: "START"))
        #expect(back.texts.count == 1)
        #expect(back.session.recipient.consent.mayMarket(at: now.adding(seconds: 121)).allowed)
        #expect(back.session.status == .ended)
    }

    @Test func startFromSomeoneWithoutConsentSubscribesThemButYesFromASubscriberIsAnAnswer() throws {
        let unsubscribed = runtime.resume(TestSupport.session(optedIn: false), with: .message("START"), at: now)
        #expect(unsubscribed.events.first == .optedIn(keyword: "START"))
        #expect(unsubscribed.session.recipient.consent.mayMarket(at: now.adding(seconds: 1)).allowed)
        #expect(unsubscribed.texts.count == 1)

        let shipping = try TestSupport.dataset("abandoned-cart.json")
        let started = TestSupport.runtime(shipping).start(TestSupport.session(), at: now)
        let asked = runtime.resume(started.session, with: .message("shipping?"), at: now.adding(seconds: 30))
        let yes = runtime.resume(asked.session, with: .message("YES"), at: now.adding(seconds: 60))
        #expect(yes.routes == ["shipping → Wants link"])
        #expect(!yes.events.contains(.optedIn(keyword: "YES")))
    }

    @Test func helpAnswersWithoutLosingThePlace() {
        let started = runtime.start(TestSupport.session(), at: now)
        let helped = runtime.resume(started.session, with: .message("help"), at: now.adding(seconds: 30))
        #expect(helped.events.first == .helpAnswered)
        #expect(
            helped.texts == [
                "Northwind: Help at help@example.com. Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out."
            ]
        )
        #expect(helped.session.status == .waiting)
        #expect(helped.session.node == started.session.node)
        #expect(helped.session.timeoutAt == started.session.timeoutAt)
        let carriedOn = runtime.resume(
            helped.session,
            with: .message("how long is shipping?"),
            at: now.adding(seconds: 60)
        )
        #expect(carriedOn.routes == ["nudge → Shipping"])
    }

    @Test func ambiguousReplyGoesToReviewAndSendsNothing() {
        let started = runtime.start(TestSupport.session(), at: now)
        let flagged = runtime.resume(started.session, with: .message("no thanks"), at: now.adding(seconds: 30))
        #expect(flagged.texts.isEmpty)
        #expect(flagged.events.first == .flaggedForReview(text: "no thanks", keyword: "no thanks"))
        #expect(flagged.session.status == .handedOff)
        #expect(runtime.resume(flagged.session, with: .timeout, at: now.adding(seconds: 14_400)).routes.isEmpty)
        let reviewed = runtime.resume(
            flagged.session,
            with: .handoffClosed(outcome: "not_opt_out"),
            at: now.adding(seconds: 600)
        )
        #expect(reviewed.texts.isEmpty)
        #expect(reviewed.session.status == .waiting)
        #expect(reviewed.session.node == started.session.node)
    }

    @Test func agentHandOffResumesOnTheClosingOutcome() {
        let started = runtime.start(TestSupport.session(), at: now)
        let handed = runtime.resume(
            started.session,
            with: .message("can I talk to a real person"),
            at: now.adding(seconds: 30)
        )
        #expect(handed.routes == ["nudge → Agent"])
        #expect(
            handed.events.contains(
                .handedOff(
                    node: "agent",
                    queue: "sales",
                    priority: .high,
                    note: "Cart C-10442 ($84.50). Customer said: can I talk to a real person"
                )
            )
        )
        #expect(handed.session.status == .handedOff)
        let forwarded = runtime.resume(handed.session, with: .message("hello?"), at: now.adding(seconds: 60))
        #expect(forwarded.events == [.forwardedToAgent(text: "hello?")])
        let closed = runtime.resume(
            forwarded.session,
            with: .handoffClosed(outcome: "ordered"),
            at: now.adding(seconds: 900)
        )
        #expect(closed.routes == ["agent → Ordered"])
        #expect(closed.endedOutcome == "recovered_by_agent")
    }

    @Test func quietHoursDeferTheFirstTextAndTheWaitCountsFromIt() {
        let night = Instant(epochSeconds: 1_796_104_800)  // 2026-12-01 06:00 UTC = 22:00 in Los Angeles
        let started = runtime.start(TestSupport.session(), at: night)
        guard case .sent(let text)? = started.events.first else {
            Issue.record("expected a sent event first, got \(started.events)")
            return
        }
        #expect(text.at == Instant(epochSeconds: 1_796_140_800))  // 08:00 in Los Angeles
        #expect(text.deferredReason?.hasPrefix("quiet hours") == true)
        #expect(started.session.timeoutAt == text.at.adding(seconds: 14_400))
    }

    @Test func floridaSameSubjectCapDefersTheFourthText() {
        var session = TestSupport.session()
        session.recipient = RecipientCompliance(
            phone: session.recipient.phone,
            timeZones: ["America/New_York"],
            state: "FL",
            consent: session.recipient.consent,
            sends: SendHistory(
                sends: (1...3).map {
                    SendHistory.Send(subject: "cart-recovery", at: now.adding(seconds: -3_600 * Int64($0)))
                }
            )
        )
        let started = runtime.start(session, at: now)
        guard case .sent(let text)? = started.events.first else {
            Issue.record("expected a deferred send, got \(started.events)")
            return
        }
        #expect(text.deferredReason?.hasPrefix("frequency cap") == true)
        #expect(text.at > now)
        #expect(started.session.recipient.sends.sends.count == 4)
    }

    @Test func noConsentSuppressesTheCampaign() {
        let started = runtime.start(TestSupport.session(optedIn: false), at: now)
        #expect(started.texts.isEmpty)
        #expect(started.endedOutcome == "suppressed")
        guard case .suppressed(let node, _, let reason)? = started.events.first else {
            Issue.record("expected a suppression first, got \(started.events)")
            return
        }
        #expect(node == "nudge")
        #expect(reason == SendHold(.noConsent, reason: "no opt-in on record"))
    }

    @Test func aMissingValueHoldsTheTextBackInsteadOfPrintingAGap() throws {
        let flow = try Flow.decode(
            """
            {"format": "replylab-flow/1", "name": "t", "use_case": "t", "mode": "one_way", "start": "a",
             "nodes": [{"id": "a", "actions": [{"type": "send", "text": "Your {{cart.items.0.name}} is waiting. Reply STOP to opt out"},
                                               {"type": "end", "outcome": "sent"}]}]}
            """
        )
        let step = TestSupport.runtime(flow).start(
            TestSupport.session(contact: .object([("first_name", .string("Ana"))])),
            at: now
        )
        #expect(step.texts.isEmpty)
        #expect(
            step.events.first
                == .suppressed(
                    node: "a",
                    text: "Your {{cart.items.0.name}} is waiting. Reply STOP to opt out",
                    hold: SendHold(
                        .templateGap,
                        reason: "no value for {{cart.items.0.name}} and no default: the text would have a gap"
                    )
                )
        )
        #expect(step.endedOutcome == "suppressed")
    }

    @Test func expiryEndsAWaitingConversation() {
        let started = runtime.start(TestSupport.session(), at: now)
        let expired = runtime.resume(started.session, with: .expired, at: now.adding(seconds: 259_200))
        #expect(expired.endedOutcome == "expired")
        let late = runtime.resume(started.session, with: .message("yes"), at: now.adding(seconds: 300_000))
        #expect(late.endedOutcome == "expired")
        #expect(late.texts.isEmpty)
    }

    @Test func runawayLoopStopsAtTheStepBudgetWithAReason() throws {
        let loop = try Flow.decode(
            """
            {"format": "replylab-flow/1", "name": "loop", "use_case": "t", "mode": "one_way", "start": "ping",
             "nodes": [{"id": "ping", "actions": [{"type": "send", "text": "Deal! Reply STOP to opt out"}], "next": "pong"},
                       {"id": "pong", "actions": [{"type": "tag", "tag": "again"}], "next": "ping"}]}
            """
        )
        let step = TestSupport.runtime(loop, stepBudget: 25).start(TestSupport.session(), at: now)
        guard case .ended(let outcome, let reason)? = step.events.last else {
            Issue.record("expected the conversation to end")
            return
        }
        #expect(outcome == "failed")
        #expect(
            reason
                == "step budget of 25 nodes used up at node \"pong\": the flow loops without waiting for the customer"
        )
        #expect(step.texts.count == 13)
    }

    @Test func randomSplitFollowsTheCallersDrawOnly() throws {
        let launch = try TestSupport.dataset("product-launch.json")
        let runtime = TestSupport.runtime(launch)
        let low = runtime.start(TestSupport.session(), at: now, draw: 0)
        let high = runtime.start(TestSupport.session(), at: now, draw: UInt64.max)
        #expect(low.routes == ["split → Early access"])
        #expect(high.routes == ["split → Free shipping"])
        #expect(
            runtime.start(TestSupport.session(), at: now, draw: 0x7FFF_FFFF_FFFF_FFFF).routes == [
                "split → Early access"
            ]
        )
        #expect(
            runtime.start(TestSupport.session(), at: now, draw: 0x8000_0000_0000_0000).routes == [
                "split → Free shipping"
            ]
        )
        var counts = [0, 0]
        var state: UInt64 = 42
        for _ in 0..<10_000 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            counts[FlowRuntime.pick(launch.nodes[0].router!.categories, draw: z ^ (z >> 31))] += 1
        }
        // 50/50 over 10,000 draws: within 4 standard deviations (±200) of 5,000.
        #expect(abs(counts[0] - 5_000) < 200)
    }

    @Test func sameInputsGiveTheSameStepAndTheSessionSurvivesJSON() throws {
        let a = runtime.start(TestSupport.session(), at: now)
        let b = runtime.start(TestSupport.session(), at: now)
        #expect(a == b)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(a.session)
        let decoded = try JSONDecoder().decode(FlowSession.self, from: data)
        let next = runtime.resume(decoded, with: .message("link please"), at: now.adding(seconds: 60))
        #expect(next.routes == ["nudge → Ready to buy"])
        #expect(try encoder.encode(decoded) == data)
    }

    @Test func inboundTriggerIsTheFirstReply() throws {
        let flow = try Flow.decode(
            """
            {"format": "replylab-flow/1", "name": "t", "use_case": "t", "mode": "conversational", "start": "route",
             "nodes": [{"id": "route", "router": {"cases": [{"type": "any_word", "arguments": ["shop"], "category": "Shop"}],
                        "categories": [{"name": "Shop", "next": "shop"}, {"name": "Other", "next": "other"}], "default": "Other"}},
                       {"id": "shop", "actions": [{"type": "send", "text": "Bestsellers: https://shop.example/best"}, {"type": "end", "outcome": "shop"}]},
                       {"id": "other", "actions": [{"type": "end", "outcome": "other"}]}]}
            """
        )
        let step = TestSupport.runtime(flow).start(TestSupport.session(), trigger: .inbound("SHOP"), at: now)
        #expect(step.routes == ["route → Shop"])
        guard case .sent(let text)? = step.events.dropFirst().first else {
            Issue.record("expected a text")
            return
        }
        // A keyword-started promotion is still marketing: a trigger must not lift consent (review F3).
        #expect(text.purpose == .marketing)
        #expect(text.segments.segments == 1)
        #expect(text.cost == SegmentPricing.twilioUS.perSegment)
    }
}

/// Issue 13 item 4: the runtime records the configured scope for revocations in words, `all` for carrier keywords.
@Suite struct OptOutScopeRuntimeTests {
    @Test func phraseOptOutsTakeTheConfiguredScopeAndSTOPWidensIt() throws {
        var runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        runtime.optOutScope = .marketing
        let now = TestSupport.morning
        let started = runtime.start(TestSupport.session(), at: now)
        let phrase = runtime.resume(
            started.session,
            with: .message("stop texting me about carts"),
            at: now.adding(seconds: 60)
        )
        #expect(phrase.session.recipient.consent.optOutScope(at: now.adding(seconds: 60)) == .marketing)
        let stop = runtime.resume(phrase.session, with: .message("STOP"), at: now.adding(seconds: 120))
        #expect(stop.session.recipient.consent.optOutScope(at: now.adding(seconds: 120)) == .all)
        let again = runtime.resume(stop.session, with: .message("stop"), at: now.adding(seconds: 180))
        #expect(again.session.recipient.consent.events.count == stop.session.recipient.consent.events.count)
        var strict = runtime
        strict.optOutScope = .all
        let allScope = strict.resume(started.session, with: .message("stop texting me"), at: now.adding(seconds: 60))
        #expect(allScope.session.recipient.consent.optOutScope(at: now.adding(seconds: 60)) == .all)
    }
}
