import Messaging

/// One conversation on virtual time: the runtime plus a clock, a draw stream and the transcript so far.
///
/// `flow chat` and `flow test` drive flows through it, so a scripted test and a person typing see the same
/// thing; waiting fires every timeout and expiry that falls due, in time order, as the simulator would.
public struct Conversation: Sendable {
    public let runtime: FlowRuntime
    public private(set) var session: FlowSession
    public private(set) var now: Instant
    /// Every event so far, in order.
    public private(set) var transcript: [FlowEvent] = []
    private let seed: UInt64
    private var calls: UInt64 = 0

    public init(runtime: FlowRuntime, session: FlowSession, start: Instant, seed: UInt64 = 1) {
        self.runtime = runtime
        self.session = session
        self.now = start
        self.seed = seed
    }

    /// Sends the campaign's first text(s).
    public mutating func start(trigger: FlowTrigger = .campaign) -> [FlowEvent] {
        record(runtime.start(session, trigger: trigger, at: now, draw: nextDraw()))
    }

    /// The customer's reply, at the current virtual time.
    public mutating func reply(_ text: String) -> [FlowEvent] {
        record(runtime.resume(session, with: .message(text), at: now, draw: nextDraw()))
    }

    /// The agent closes the open hand-off with `outcome`.
    public mutating func closeHandoff(outcome: String) -> [FlowEvent] {
        record(runtime.resume(session, with: .handoffClosed(outcome: outcome), at: now, draw: nextDraw()))
    }

    /// A timer that fired while waiting, with what it caused.
    public struct Fired: Sendable, Equatable {
        public var at: Instant
        public var input: FlowInput
        public var events: [FlowEvent]
    }

    /// Moves the clock on by `seconds`, firing each due timeout or expiry at its own instant.
    public mutating func wait(seconds: Int64) -> [Fired] {
        let target = now.adding(seconds: seconds)
        var fired: [Fired] = []
        while let due = nextDue, due.at <= target {
            now = max(now, due.at)
            fired.append(
                Fired(
                    at: now,
                    input: due.input,
                    events: record(runtime.resume(session, with: due.input, at: now, draw: nextDraw()))
                )
            )
        }
        now = target
        return fired
    }

    /// The next timer the session waits on: the earlier of its timeout and its expiry.
    public var nextDue: (at: Instant, input: FlowInput)? {
        var due: (at: Instant, input: FlowInput)?
        if session.status == .waiting, let timeout = session.timeoutAt { due = (timeout, .timeout) }
        if session.status == .waiting || session.status == .handedOff, let expiry = session.expiresAt,
            due.map({ expiry < $0.at }) ?? true
        {
            due = (expiry, .expired)
        }
        return due
    }

    private mutating func record(_ step: FlowStep) -> [FlowEvent] {
        session = step.session
        transcript += step.events
        return step.events
    }

    /// SplitMix64 over (seed, call number), so a chat or test replays the same random splits.
    private mutating func nextDraw() -> UInt64 {
        calls += 1
        var z = seed &+ calls &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
