import EventLog
import Messaging

/// Replays one customer's messages against their consent events, quiet-hours schedule and caps, in time order,
/// the way the gate would have judged each send. Pure: the reader feeds it, the tests call it directly.
struct CustomerAudit {
    let customerID: Int64
    let customer: String
    let schedule: QuietHoursPolicy.Schedule
    let caps: FrequencyCap
    let policy: AuditPolicy

    /// Marketing texts sent while consent was unknown (not checkable).
    private(set) var uncheckedMarketing = 0

    init(
        customerID: Int64,
        customer: String,
        schedule: QuietHoursPolicy.Schedule,
        policy: AuditPolicy
    ) {
        self.customerID = customerID
        self.customer = customer
        self.schedule = schedule
        self.policy = policy
        caps = policy.brandCap.adding(schedule.sameSubjectCaps)
    }

    private enum Standing {
        case unknown
        case none
        case optedIn
        case optedOut(AuditedConsentEvent)
    }

    /// Every finding for this customer.
    /// - Parameters:
    ///   - messages: in time order (ties by message id).
    ///   - events: consent events in time order (ties by event id).
    /// - Complexity: O(m + e) plus the cap windows.
    mutating func findings(
        messages: [AuditedMessage],
        events: [AuditedConsentEvent],
        baseline: BaselineConsent
    ) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        var standing: Standing
        switch baseline {
        case .given: standing = .optedIn
        case .none: standing = .none
        case .unknown: standing = .unknown
        }
        var openHold: AuditedConsentEvent?
        var nextEvent = 0
        var history = SendHistory()
        var marketingSends: [AuditedMessage] = []

        func finding(_ rule: AuditRule, _ at: Int64, _ summary: String, _ ids: [String]) {
            findings.append(
                AuditFinding(
                    rule: rule,
                    customerID: customerID,
                    customer: customer,
                    at: at,
                    summary: summary,
                    messageIDs: ids
                )
            )
        }

        for message in messages {
            // An event at the same millisecond as a send is in force for it (the gate's `standing(at:)`).
            while nextEvent < events.count, events[nextEvent].at <= message.at {
                let event = events[nextEvent]
                switch event.kind {
                case .optIn:
                    standing = .optedIn
                    openHold = nil
                case .optOut:
                    standing = .optedOut(event)
                    openHold = nil
                case .reviewHold:
                    if case .optedOut = standing {} else { openHold = event }
                case .reviewReleased:
                    openHold = nil
                case .help:
                    break
                }
                nextEvent += 1
            }
            guard message.isOutbound, let purpose = message.effectivePurpose, purpose != .compliance else { continue }
            let word = purpose.rawValue

            if case .optedOut(let optOut) = standing {
                let scope = optOut.scope ?? .all
                if scope == .all || purpose == .marketing {
                    let sent = Instant(epochMilliseconds: message.at)
                    let received = Instant(epochMilliseconds: optOut.at)
                    let isLate = policy.revocation.isLate(sentAt: sent, revocationAt: received)
                    let limit =
                        isLate
                        ? "; the deadline was the end of \(policy.revocation.lastBusinessDate(forRevocationAt: received))"
                        : ""
                    finding(
                        isLate ? .revocationDeadline : .afterOptOut,
                        message.at,
                        "\(word) text \(Self.duration(message.at - optOut.at)) after opting out"
                            + "\(Self.quoted(optOut.keyword)) (scope \(scope.rawValue))\(limit)",
                        [message.label]
                    )
                }
            } else if purpose == .marketing {
                switch standing {
                case .none:
                    finding(.noConsent, message.at, "marketing text with no opt-in on record", [message.label])
                case .unknown:
                    uncheckedMarketing += 1
                case .optedIn:
                    if let hold = openHold {
                        finding(
                            .noConsent,
                            message.at,
                            "marketing text while the reply\(Self.quoted(hold.keyword)) was held for review",
                            [message.label]
                        )
                    }
                case .optedOut:
                    break
                }
            }

            if purpose == .marketing || policy.quietHoursApplyToTransactional,
                let reason = schedule.blockingReason(at: Instant(epochMilliseconds: message.at))
            {
                finding(.quietHours, message.at, "\(word) text: \(reason)", [message.label])
            }

            if purpose == .marketing {
                let subject = message.capSubject
                let instant = Instant(epochMilliseconds: message.at)
                if let limit = caps.blockingLimit(history, subject: subject, at: instant) {
                    let from = message.at - limit.windowSeconds * 1000
                    let earlier = marketingSends.filter {
                        $0.at > from && (!limit.perSubject || $0.capSubject == subject)
                    }
                    let rule = schedule.rules.first { $0.sameSubjectCap == limit }?.name ?? "brand cap"
                    finding(
                        .frequencyCap,
                        message.at,
                        "marketing text number \(earlier.count + 1) \(limit.perSubject ? "on \"\(subject)\" " : "")"
                            + "within \(Self.duration(limit.windowSeconds * 1000)); \(rule): \(limit)",
                        earlier.map(\.label) + [message.label]
                    )
                }
                history.record(subject: subject, at: instant)
                marketingSends.append(message)
            }
        }
        findings += confirmationFindings(messages: messages, events: events)
        return findings
    }

    /// Every texted opt-out must get one compliance reply within the deadline, before the customer's next
    /// keyword (so a later HELP answer is not taken for a late confirmation).
    private func confirmationFindings(
        messages: [AuditedMessage],
        events: [AuditedConsentEvent]
    ) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for (index, optOut) in events.enumerated() where optOut.kind == .optOut && optOut.source == "keyword" {
            let boundary =
                events[(index + 1)...].first {
                    $0.at > optOut.at && [.optIn, .optOut, .help].contains($0.kind)
                }?.at ?? .max
            let trigger = messages.first { !$0.isOutbound && $0.at == optOut.at }
            let confirmation = messages.first {
                $0.isOutbound && $0.effectivePurpose == .compliance && $0.at >= optOut.at && $0.at < boundary
            }
            let triggerIDs = trigger.map { [$0.label] } ?? []
            if let confirmation {
                let delay = confirmation.at - optOut.at
                if delay > policy.confirmationDeadlineMilliseconds {
                    findings.append(
                        AuditFinding(
                            rule: .optOutConfirmation,
                            customerID: customerID,
                            customer: customer,
                            at: optOut.at,
                            summary: "opt-out\(Self.quoted(optOut.keyword)) confirmed \(Self.duration(delay)) later, "
                                + "past the \(Self.duration(policy.confirmationDeadlineMilliseconds)) limit",
                            messageIDs: triggerIDs + [confirmation.label]
                        )
                    )
                }
            } else {
                findings.append(
                    AuditFinding(
                        rule: .optOutConfirmation,
                        customerID: customerID,
                        customer: customer,
                        at: optOut.at,
                        summary: "opt-out\(Self.quoted(optOut.keyword)) at \(Instant(epochMilliseconds: optOut.at)) "
                            + "never confirmed",
                        messageIDs: triggerIDs
                    )
                )
            }
        }
        return findings
    }

    /// ` by "STOP"`, or nothing when the keyword is unknown.
    static func quoted(_ keyword: String?) -> String {
        keyword.map { " by \"\($0)\"" } ?? ""
    }

    /// "2 h 05 min", "7 min 12 s", "40 s", "1 d 3 h".
    static func duration(_ milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds) / 1000
        let days = seconds / 86_400
        let hours = seconds / 3_600 % 24
        let minutes = seconds / 60 % 60
        let rest = seconds % 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
        if minutes > 0 { return rest > 0 ? "\(minutes) min \(rest) s" : "\(minutes) min" }
        if seconds > 0 { return "\(seconds) s" }
        return "\(max(0, milliseconds)) ms"
    }
}
