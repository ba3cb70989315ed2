import Messaging

/// Runs a flow for one customer: a pure function of (session, input, time, draw) → (events, new session).
///
/// No clock, no randomness, no I/O: the caller passes the time and, for random splits, a 64-bit draw from its
/// own seeded stream. Every inbound text meets the carrier keyword layer (`KeywordPolicy`) before the flow;
/// every outbound text passes `OutboundGate`. A call that visits more than `stepBudget` nodes without waiting
/// stops the conversation with outcome "failed" and says where it looped.
///
/// ```swift
/// let flow = try Flow.decode(text, file: "abandoned-cart.json")
/// let runtime = FlowRuntime(flow: flow, gate: .standard, replies: ComplianceReplies(brand: "Northwind", contact: "help@example.com"))
/// var step = runtime.start(FlowSession(contact: attributes, recipient: recipient), at: now)
/// step = runtime.resume(step.session, with: .message("does it run small?"), at: now.adding(seconds: 60))
/// // step.events: [.routed(node: "nudge", category: "Sizing"), .tagged("asked-sizing"), .sent(…), .waiting(…)]
/// // fire .timeout at step.session.timeoutAt and .expired at step.session.expiresAt when nothing arrives
/// ```
public struct FlowRuntime: Sendable {
    public let flow: Flow
    public var gate: OutboundGate
    public var keywords: KeywordPolicy
    public let replies: ComplianceReplies
    public var pricing: SegmentPricing
    /// Opt-in keywords that subscribe a customer who is not opted out but has no marketing consent; other
    /// opt-in words (YES) reach the flow as answers unless the customer opted out.
    public var subscriptionKeywords: [String] = ["START", "UNSTOP"]
    /// Most nodes one call may visit (goflow uses 100 per sprint).
    public var stepBudget: Int
    /// What a revocation in words ("stop texting me", a reviewer's call) covers; the experiment file's opt-out
    /// scope. A carrier keyword (STOP) is always `.all`: the carrier blocks every message.
    public var optOutScope: OptOutScope = .all

    public init(
        flow: Flow,
        gate: OutboundGate,
        replies: ComplianceReplies,
        keywords: KeywordPolicy = .standard,
        pricing: SegmentPricing = .twilioUS,
        stepBudget: Int = 100
    ) {
        self.flow = flow
        self.gate = gate
        self.keywords = keywords
        self.replies = replies
        self.pricing = pricing
        self.stepBudget = stepBudget
        optOutConfirmation = replies.optOutConfirmation
        helpReply = replies.helpReply
        optInConfirmation = replies.optInConfirmation
    }

    /// The compliance texts filled once, not on every STOP or HELP.
    private let optOutConfirmation: String
    private let helpReply: String
    private let optInConfirmation: String

    /// Begins the conversation at the flow's start node.
    ///
    /// - Parameter draw: the caller's random 64 bits, used only by random splits (further splits in the same
    ///   call use values derived from it by SplitMix64, so one draw per call is enough).
    ///   - schedule: the recipient's quiet-hours schedule resolved once (`gate.quietHours.schedule(…)`); nil
    ///     resolves it for each send. The simulator passes it to keep the hot path free of look-ups.
    public func start(
        _ session: consuming FlowSession,
        trigger: FlowTrigger = .campaign,
        at now: Instant,
        draw: UInt64 = 0,
        schedule: QuietHoursPolicy.Schedule? = nil
    ) -> FlowStep {
        var sprint = Sprint(session: session, now: now, draw: draw, schedule: schedule)
        guard sprint.session.status == .new else {
            sprint.events.append(.ignored(reason: "the conversation has already started"))
            return sprint.step
        }
        if case .inbound(let text) = trigger {
            // The customer's first text meets the keyword layer like any other: STOP opens no conversation.
            if keywordLayer(text, &sprint) { return sprint.step }
            sprint.session.lastReply = text
            sprint.session.repliesReceived += 1
        }
        run(from: flow.start, action: 0, &sprint)
        return sprint.step
    }

    /// Moves the conversation on with a reply, a timeout, an expiry or a closed hand-off.
    public func resume(
        _ session: consuming FlowSession,
        with input: FlowInput,
        at now: Instant,
        draw: UInt64 = 0,
        schedule: QuietHoursPolicy.Schedule? = nil
    ) -> FlowStep {
        // The session moves into the sprint, so a caller that gives up its copy pays no retain per field. The
        // branches below read these fields as the session came in.
        let status = session.status
        let node = session.node
        let timeoutAt = session.timeoutAt
        let reviewPending = session.reviewPending
        let resumeAction = session.resumeAction
        var sprint = Sprint(session: session, now: now, draw: draw, schedule: schedule)
        switch input {
        case .message(let text):
            receive(text, &sprint)
        case .timeout:
            guard status == .waiting, let due = timeoutAt,
                let category = flow.nodes[node].router?.wait?.timeoutCategory
            else {
                sprint.events.append(.ignored(reason: "no timeout is pending"))
                break
            }
            guard due <= now else {
                sprint.events.append(.ignored(reason: "the timeout is not due until \(due.epochMilliseconds) ms"))
                break
            }
            take(category, at: node, &sprint)
        case .expired:
            guard status == .waiting || status == .handedOff else {
                sprint.events.append(.ignored(reason: "nothing is waiting to expire"))
                break
            }
            finish("expired", reason: "no reply within \(flow.expireAfterSeconds) s of the last wait", &sprint)
        case .handoffClosed(let outcome):
            guard status == .handedOff else {
                sprint.events.append(.ignored(reason: "no hand-off is open"))
                break
            }
            sprint.session.handoffOutcome = outcome
            if reviewPending {
                sprint.session.reviewPending = false
                if Self.reviewOptOutOutcomes.contains(outcome) {
                    // The reviewer read a revocation: it is an opt-out, confirmed like STOP.
                    let phrase = sprint.session.recipient.consent.standing(at: now).openHold?.keyword ?? outcome
                    sprint.session.recipient.consent.optOut(keyword: phrase, at: now, scope: optOutScope)
                    sprint.events.append(.optedOut(keyword: phrase))
                    cancelPending(reason: "the reviewer recorded an opt-out for \"\(phrase)\"", &sprint)
                    sendCompliance(optOutConfirmation, &sprint)
                    finish("opted_out", reason: nil, &sprint)
                    break
                }
                // A review nobody took (the hand-off was abandoned) decided nothing: marketing stays held.
                if outcome != "abandoned" { sprint.session.recipient.consent.releaseReview(at: now) }
            }
            sprint.session.status = .waiting
            run(from: node, action: resumeAction, &sprint)
        }
        return sprint.step
    }

    /// Hand-off outcomes with which a reviewer says an ambiguous reply was a revocation.
    public static let reviewOptOutOutcomes: [String] = ["opted_out", "opt_out"]

    // MARK: - Inbound

    /// The keyword layer first, then the flow.
    private func receive(_ text: String, _ sprint: inout Sprint) {
        // A handed-off conversation expires too: its agent no longer has it, so nothing is forwarded.
        if sprint.session.status == .waiting || sprint.session.status == .handedOff,
            let expiresAt = sprint.session.expiresAt, expiresAt <= sprint.now
        {
            finish("expired", reason: "the reply came after the conversation expired", &sprint)
        }
        if keywordLayer(text, &sprint) { return }

        switch sprint.session.status {
        case .waiting:
            sprint.session.repliesReceived += 1
            sprint.session.lastReply = text
            let node = sprint.session.node
            guard let router = flow.nodes[node].router else { return }
            var reply = PreparedReply(text)
            sprint.answeringReply = true
            take(choose(router, reply: &reply), at: node, &sprint)
        case .handedOff:
            sprint.session.repliesReceived += 1
            sprint.session.lastReply = text
            sprint.events.append(.forwardedToAgent(text: text))
        case .new:
            sprint.events.append(.ignored(reason: "the conversation has not started"))
        case .ended:
            sprint.events.append(.ignored(reason: "the conversation has ended (\(sprint.session.outcome ?? "ended"))"))
        }
    }

    /// The carrier keyword layer (opt-out, help, opt-in, review); true when it took the text, so the flow
    /// never sees it.
    private func keywordLayer(_ text: String, _ sprint: inout Sprint) -> Bool {
        let match = keywords.classify(text)
        switch match.keywordClass {
        case .optOutExact, .optOutPhrase:
            let scope = match.keywordClass == .optOutExact ? OptOutScope.all : optOutScope
            // A second opt-out is news only when it widens the first (STOP after "stop the promos").
            if let current = sprint.session.recipient.consent.optOutScope(at: sprint.now), current.includes(scope) {
                sprint.events.append(.ignored(reason: "already opted out; no second confirmation"))
                return true
            }
            let keyword = match.keyword ?? text
            sprint.session.recipient.consent.optOut(keyword: keyword, at: sprint.now, scope: scope)
            sprint.events.append(.optedOut(keyword: keyword))
            cancelPending(reason: "the customer opted out by \"\(keyword)\"", &sprint)
            sendCompliance(optOutConfirmation, &sprint)
            if sprint.session.status != .ended { finish("opted_out", reason: nil, &sprint) }
            return true
        case .help:
            sprint.events.append(.helpAnswered)
            sendCompliance(helpReply, &sprint)
            return true
        case .optIn where isSubscriptionRequest(match.keyword, sprint):
            let keyword = match.keyword ?? text
            sprint.session.recipient.consent.optIn(source: .keyword, at: sprint.now)
            sprint.events.append(.optedIn(keyword: keyword))
            sendCompliance(optInConfirmation, &sprint)
            return true
        case .needsReview:
            // The reply may be a revocation: marketing is held (gate: open review hold) in every state until a
            // person decides, and promotions already deferred are withdrawn.
            let phrase = match.keyword ?? text
            sprint.session.recipient.consent.holdForReview(phrase: phrase, at: sprint.now)
            sprint.events.append(.flaggedForReview(text: text, keyword: match.keyword))
            cancelPending(
                reason: "held for review of \"\(phrase)\"",
                where: { $0.purpose == .marketing },
                &sprint
            )
            if sprint.session.status == .handedOff {
                // The agent who has the conversation is the reviewer; closing the hand-off decides the hold.
                sprint.session.reviewPending = true
                sprint.session.repliesReceived += 1
                sprint.session.lastReply = text
                sprint.events.append(.forwardedToAgent(text: text))
            } else if sprint.session.status == .waiting {
                sprint.session.reviewPending = true
                // No automated follow-up to someone who may have said no: a person reviews first, and closing
                // the review returns the customer to the same wait (nothing is re-sent).
                let node = sprint.session.node
                sprint.events.append(
                    .handedOff(node: flow.nodes[node].id, queue: "review", priority: .high, note: text)
                )
                sprint.session.status = .handedOff
                sprint.session.resumeAction = flow.nodes[node].actions.count
                sprint.session.timeoutAt = nil
                sprint.session.expiresAt = sprint.waitBase.adding(seconds: flow.expireAfterSeconds)
            }
            return true
        case .optIn, .none:
            return false
        }
    }

    /// Any opt-in keyword (START, YES, UNSTOP) from an opted-out customer re-subscribes, as Twilio does; from a
    /// customer without marketing consent only `subscriptionKeywords` do, so a YES that confirms an appointment
    /// stays an answer; from a subscribed customer every one goes to the flow.
    private func isSubscriptionRequest(_ keyword: String?, _ sprint: Sprint) -> Bool {
        let consent = sprint.session.recipient.consent
        if consent.isOptedOut(at: sprint.now) { return true }
        guard let keyword, subscriptionKeywords.contains(keyword) else { return false }
        return !consent.mayMarket(at: sprint.now).allowed
    }

    /// The first case that matches, else the default category.
    private func choose(_ router: Flow.Router, reply: inout PreparedReply) -> Int {
        for candidate in router.cases where candidate.matcher.matches(&reply, intents: flow.intents) {
            return candidate.category
        }
        return router.defaultCategory ?? 0
    }

    /// Records the routed category and carries on at the node it leads to.
    private func take(_ category: Int, at node: Int, _ sprint: inout Sprint) {
        let chosen = flow.nodes[node].router!.categories[category]
        sprint.events.append(.routed(node: flow.nodes[node].id, category: chosen.name))
        sprint.session.timeoutAt = nil
        run(from: chosen.next, action: 0, &sprint)
    }

    // MARK: - Stepping

    /// Runs nodes from `node` (starting at its action `action`) until a wait, a hand-off or the end.
    private func run(from node: Int, action: Int, _ sprint: inout Sprint) {
        var current = node
        var firstAction = action
        var visited = 0
        while true {
            visited += 1
            if visited > stepBudget {
                finish(
                    "failed",
                    reason: "step budget of \(stepBudget) nodes used up at node \"\(flow.nodes[current].id)\": "
                        + "the flow loops without waiting for the customer",
                    &sprint
                )
                return
            }
            let step = flow.nodes[current]
            var index = firstAction
            while index < step.actions.count {
                switch step.actions[index] {
                case .send(let template, let purpose):
                    guard send(template, purpose: purpose, node: step.id, &sprint) else { return }
                case .setField(let name, let value):
                    if case .text(let text) = value.render(sprint.context) {
                        if let existing = sprint.session.fields.firstIndex(where: { $0.name == name }) {
                            sprint.session.fields[existing].value = text
                        } else {
                            sprint.session.fields.append(FlowField(name: name, value: text))
                        }
                        sprint.events.append(.fieldSet(name: name, value: text))
                    }
                case .tag(let tag):
                    if !sprint.session.tags.contains(tag) { sprint.session.tags.append(tag) }
                    sprint.events.append(.tagged(tag))
                case .goal(let name, let value):
                    var cents: Cents?
                    if let value, case .text(let text) = value.render(sprint.context),
                        let amount = Int64(text.trimmingSpaces)
                    {
                        cents = Cents(amount)
                    }
                    sprint.events.append(.goal(name: name, value: cents))
                case .handoff(let queue, let priority, let note):
                    var noteText: String?
                    if let note, case .text(let text) = note.render(sprint.context) { noteText = text }
                    sprint.events.append(.handedOff(node: step.id, queue: queue, priority: priority, note: noteText))
                    sprint.session.status = .handedOff
                    sprint.session.node = current
                    sprint.session.resumeAction = index + 1
                    sprint.session.timeoutAt = nil
                    sprint.session.expiresAt = sprint.waitBase.adding(seconds: flow.expireAfterSeconds)
                    return
                case .captureConsent(let source):
                    sprint.session.recipient.consent.optIn(source: source, at: sprint.now)
                    sprint.events.append(.consentCaptured(source))
                case .end(let outcome):
                    sprint.session.node = current
                    finish(outcome, reason: nil, &sprint)
                    return
                }
                index += 1
            }
            firstAction = 0

            if let router = step.router {
                if let wait = router.wait {
                    let base = sprint.waitBase
                    sprint.session.status = .waiting
                    sprint.session.node = current
                    sprint.session.timeoutAt = wait.timeoutSeconds.map { base.adding(seconds: $0) }
                    let expiresAt = base.adding(seconds: flow.expireAfterSeconds)
                    sprint.session.expiresAt = expiresAt
                    sprint.events.append(
                        .waiting(node: step.id, timeoutAt: sprint.session.timeoutAt, expiresAt: expiresAt)
                    )
                    return
                }
                let category: Int
                switch router.kind {
                case .random:
                    category = Self.pick(router.categories, draw: sprint.nextDraw())
                case .switch:
                    var operand = PreparedReply(operandText(router.operand, sprint))
                    category = choose(router, reply: &operand)
                }
                sprint.events.append(.routed(node: step.id, category: router.categories[category].name))
                current = router.categories[category].next
            } else if let next = step.next {
                current = next
            } else {
                sprint.session.node = current
                finish("completed", reason: nil, &sprint)
                return
            }
        }
    }

    private func operandText(_ operand: Flow.Operand, _ sprint: Sprint) -> String {
        switch operand {
        case .reply: return sprint.session.lastReply ?? ""
        case .handoffOutcome: return sprint.session.handoffOutcome ?? ""
        case .template(let template):
            if case .text(let text) = template.render(sprint.context) { return text }
            return ""
        }
    }

    /// A weighted pick: the draw scaled into the total weight by a full-width multiply (no modulo bias).
    static func pick(_ categories: [Flow.Category], draw: UInt64) -> Int {
        var total: UInt64 = 0
        for category in categories { total += UInt64(category.weight) }
        var point = draw.multipliedFullWidth(by: total).high
        for (index, category) in categories.enumerated() {
            if point < UInt64(category.weight) { return index }
            point -= UInt64(category.weight)
        }
        return categories.count - 1
    }

    // MARK: - Outbound

    /// Renders and gates one flow text; false when the conversation had to end (nothing printable, or suppressed).
    private func send(_ template: Template, purpose: MessagePurpose?, node: String, _ sprint: inout Sprint) -> Bool {
        let text: String
        switch template.render(sprint.context) {
        case .text(let rendered):
            text = rendered
        case .missing(let path):
            let hold = SendHold(
                .templateGap,
                reason: "no value for {{\(path)}} and no default: the text would have a gap"
            )
            sprint.events.append(.suppressed(node: node, text: template.source, hold: hold))
            finish("suppressed", reason: hold.reason, &sprint)
            return false
        }
        // Only a direct answer to the customer's reply is transactional by default; what the sender starts
        // (the first text, a timeout's follow-up, a step after a hand-off) counts as marketing (compliance.md §3.2).
        let purpose = purpose ?? (sprint.answeringReply ? .transactional : .marketing)
        if case .suppressed(let hold) = deliver(text, purpose: purpose, node: node, &sprint) {
            finish("suppressed", reason: hold.reason, &sprint)
            return false
        }
        return true
    }

    private func sendCompliance(_ text: String, _ sprint: inout Sprint) {
        _ = deliver(text, purpose: .compliance, node: nil, &sprint)
    }

    private func deliver(_ text: String, purpose: MessagePurpose, node: String?, _ sprint: inout Sprint) -> GateDecision
    {
        let decision: GateDecision
        if let schedule = sprint.schedule {
            decision = gate.check(
                sprint.session.recipient,
                schedule: schedule,
                purpose: purpose,
                subject: flow.subject,
                at: sprint.now
            )
        } else {
            decision = gate.check(sprint.session.recipient, purpose: purpose, subject: flow.subject, at: sprint.now)
        }
        var at = sprint.now
        var deferral: SendHold?
        switch decision {
        case .send:
            break
        case .deferred(let until, let hold):
            at = until
            deferral = hold
        case .suppressed(let hold):
            sprint.events.append(.suppressed(node: node, text: text, hold: hold))
            return decision
        }
        let segments = SegmentCount.of(text)
        // Frequency caps count marketing sends (the only ones the gate caps); answers and the replies the law
        // requires never use them up.
        if purpose == .marketing { sprint.session.recipient.sends.record(subject: flow.subject, at: at) }
        sprint.session.lastSendAt = max(sprint.session.lastSendAt ?? at, at)
        if let deferral {
            sprint.session.pendingSends.append(
                PendingSend(text: text, node: node, purpose: purpose, at: at, deferral: deferral)
            )
        }
        sprint.events.append(
            .sent(
                OutboundText(
                    text: text,
                    node: node,
                    purpose: purpose,
                    at: at,
                    deferral: deferral,
                    segments: segments,
                    cost: pricing.cost(of: segments)
                )
            )
        )
        return decision
    }

    /// Withdraws every deferred text still waiting for its time, each with a `.sendCancelled` event.
    /// - Complexity: O(n) in the pending sends (usually none or one).
    private func cancelPending(
        reason: String,
        where shouldCancel: (PendingSend) -> Bool = { _ in true },
        _ sprint: inout Sprint
    ) {
        guard !sprint.session.pendingSends.isEmpty else { return }
        var kept: [PendingSend] = []
        for pending in sprint.session.pendingSends {
            guard shouldCancel(pending) else {
                kept.append(pending)
                continue
            }
            let segments = SegmentCount.of(pending.text)
            let withdrawn = OutboundText(
                text: pending.text,
                node: pending.node,
                purpose: pending.purpose,
                at: pending.at,
                deferral: pending.deferral,
                segments: segments,
                cost: pricing.cost(of: segments)
            )
            sprint.events.append(.sendCancelled(withdrawn, reason: reason))
            if pending.purpose == .marketing { forgetSend(at: pending.at, &sprint) }
        }
        sprint.session.pendingSends = kept
    }

    /// Takes a withdrawn marketing send out of the history the caps count. `SendHistory` has no removal, so the
    /// history is rebuilt without it (rare: only on cancellation).
    /// - Complexity: O(n) in the recipient's send history.
    private func forgetSend(at: Instant, _ sprint: inout Sprint) {
        var sends = sprint.session.recipient.sends.sends
        guard let index = sends.lastIndex(where: { $0.at == at && $0.subject == flow.subject }) else { return }
        sends.remove(at: index)
        sprint.session.recipient.sends = SendHistory(sends: sends)
    }

    private func finish(_ outcome: String, reason: String?, _ sprint: inout Sprint) {
        sprint.session.status = .ended
        sprint.session.outcome = outcome
        sprint.session.timeoutAt = nil
        sprint.session.expiresAt = nil
        sprint.events.append(.ended(outcome: outcome, reason: reason))
    }
}

/// The working state of one call.
private struct Sprint {
    var session: FlowSession
    let now: Instant
    var draw: UInt64
    let schedule: QuietHoursPolicy.Schedule?
    var events: [FlowEvent] = []
    /// True while the flow answers a reply that reached a wait; sends without a purpose are then transactional.
    var answeringReply = false
    private var drawsUsed = 0

    init(session: FlowSession, now: Instant, draw: UInt64, schedule: QuietHoursPolicy.Schedule?) {
        self.session = session
        self.now = now
        self.draw = draw
        self.schedule = schedule
        // Deferred texts whose time has come have left; only later ones can still be withdrawn.
        if !self.session.pendingSends.isEmpty { self.session.pendingSends.removeAll { $0.at <= now } }
    }

    var step: FlowStep { FlowStep(events: events, session: session) }

    var context: TemplateContext {
        TemplateContext(
            contact: session.contact,
            fields: session.fields,
            reply: session.lastReply,
            handoffOutcome: session.handoffOutcome
        )
    }

    /// Waits count from the later of now and the last (possibly deferred) send.
    var waitBase: Instant { max(now, session.lastSendAt ?? now) }

    /// The caller's draw first; then SplitMix64 steps from it (Steele, Lea & Flood 2014).
    mutating func nextDraw() -> UInt64 {
        defer { drawsUsed += 1 }
        if drawsUsed == 0 { return draw }
        draw &+= 0x9E37_79B9_7F4A_7C15
        var z = draw
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
