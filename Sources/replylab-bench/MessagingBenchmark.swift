import Foundation
import Messaging

/// `replylab-bench messaging [--checks N] [--runs R]`: the per-message costs the simulator pays: the outbound
/// gate (consent, caps, quiet hours with precomputed zones), segment counting and reply classification.
enum MessagingBenchmark {
    static func run(_ arguments: [String]) throws {
        let checks = value(of: "--checks", in: arguments) ?? 1_000_000
        let runs = value(of: "--runs", in: arguments) ?? 5

        let buildStart = DispatchTime.now().uptimeNanoseconds
        let policy = QuietHoursPolicy(rules: QuietHoursPolicy.standard.rules)
        let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
        let gate = OutboundGate(quietHours: policy, cap: .standard)

        // 1,000 recipients over every area code, opted in, each with two earlier sends.
        let codes = AreaCodeDirectory.nanp.all
        let start = Instant(year: 2026, month: 3, day: 2)
        var recipients: [RecipientCompliance] = []
        var schedules: [QuietHoursPolicy.Schedule] = []
        for index in 0..<1_000 {
            let info = codes[index % codes.count]
            let phone = try PhoneNumber(
                nationalNumber: Int64(info.areaCode) * 10_000_000 + 5_550_100 + Int64(index % 100)
            )
            var recipient = RecipientCompliance(phone: phone)
            recipient.consent.optIn(source: .checkout, at: start.adding(seconds: -86_400))
            recipient.sends.record(subject: "cart", at: start.adding(seconds: -7_200))
            recipient.sends.record(subject: "winback", at: start.adding(seconds: -3_600))
            recipients.append(recipient)
            schedules.append(policy.schedule(for: recipient))
        }
        let (gateTime, gateChecksum) = Measure.seconds(runs: runs) {
            var sent = 0
            for check in 0..<checks {
                let slot = check % recipients.count
                let at = start.adding(seconds: Int64(check % 604_800))  // a week, second by second
                if case .send = gate.check(
                    recipients[slot],
                    schedule: schedules[slot],
                    purpose: .marketing,
                    subject: "cart",
                    at: at
                ) {
                    sent += 1
                }
            }
            return sent
        }

        let texts = [
            "Hi Sam, your cart is waiting: 2 items, $84.50. Tap to finish: https://acme.example/c/123",
            "Don’t miss out! Your cart expires tonight 😀",
            String(repeating: "Big weekend sale on everything in store, ", count: 6),
            "Reply YES to confirm your 3:30 PM appointment on Tue, Dec 2, or NO to reschedule.",
        ]
        let segmentCount = checks / 5
        let (segmentTime, segmentChecksum) = Measure.seconds(runs: runs) {
            var total = 0
            for index in 0..<segmentCount { total += SegmentCount.of(texts[index & 3]).segments }
            return total
        }

        let replies = [
            "STOP", "Stop texting me", "I can't stop smiling", "yes", "What size is the blue one?",
            "not interested", "help", "Where is my order #4412?",
        ]
        let keywordPolicy = KeywordPolicy.standard
        let replyCount = checks / 10
        let (keywordTime, keywordChecksum) = Measure.seconds(runs: runs) {
            var optOuts = 0
            for index in 0..<replyCount
            where keywordPolicy.classify(replies[index & 7]).keywordClass.suppressesMarketing { optOuts += 1 }
            return optOuts
        }

        print(
            Measure.jsonLine([
                "scenario": "messaging", "runs": runs,
                "policy_build_seconds": buildSeconds,
                "gate_checks": checks, "gate_median_seconds": gateTime.median,
                "gate_checks_per_second": Double(checks) / gateTime.median, "gate_sent": gateChecksum,
                "segment_counts": segmentCount, "segment_median_seconds": segmentTime.median,
                "segments_per_second": Double(segmentCount) / segmentTime.median, "segment_checksum": segmentChecksum,
                "classifications": replyCount, "classify_median_seconds": keywordTime.median,
                "classifications_per_second": Double(replyCount) / keywordTime.median,
                "opt_out_or_review": keywordChecksum,
                "peak_resident_bytes": Measure.peakResidentBytes() ?? -1,
            ])
        )
    }

    private static func value(of option: String, in arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1])
    }
}
