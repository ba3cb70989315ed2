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
    }

    @Test func aPendingSendLeavesTheListOnceItsTimeHasCome() throws {
        let runtime = TestSupport.runtime(try TestSupport.dataset("abandoned-cart.json"))
        let started = runtime.start(TestSupport.session(), at: night)
        let due = try #require(started.session.pendingSends.first).at
        let later = runtime.resume(started.session, with: .message("STOP"), at: due.adding(seconds: 60))
        #expect(!later.events.contains { if case .sendCancelled = $0 { true } else { false } })
        #expect(later.session.pendingSends.isEmpty)
    }
}
