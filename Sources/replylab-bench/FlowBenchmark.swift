import FlowEngine
import Foundation
import Messaging

/// `replylab-bench flow [--conversations N] [--flow FILE]`: runtime calls per second on the abandoned-cart flow,
/// the way the simulator drives it (schedule resolved once per customer, one draw per call).
enum FlowBenchmark {
    static func run(_ arguments: [String]) throws {
        var conversations = 100_000
        var file = "datasets/flows/abandoned-cart.json"
        var index = 0
        while index + 1 < arguments.count {
            switch arguments[index] {
            case "--conversations": conversations = Int(arguments[index + 1]) ?? conversations
            case "--flow": file = arguments[index + 1]
            default:
                throw FlowError(
                    kind: .invalidValue,
                    file: "replylab-bench",
                    path: arguments[index],
                    found: "an unknown option",
                    expected: "--conversations N or --flow FILE"
                )
            }
            index += 2
        }
        let flow = try Flow.decode(String(contentsOfFile: file, encoding: .utf8), file: file)
        let runtime = FlowRuntime(
            flow: flow,
            gate: .standard,
            replies: ComplianceReplies(brand: "Northwind", contact: "help@example.com")
        )
        let start = Instant(epochSeconds: 1_796_144_400)
        var consent = ConsentHistory()
        consent.optIn(source: .checkout, at: start.adding(seconds: -86_400))
        let recipient = RecipientCompliance(
            phone: try PhoneNumber.parse("+1 415 555 0123", allowFictional: true),
            timeZones: ["America/Los_Angeles"],
            state: "CA",
            consent: consent
        )
        let schedule = OutboundGate.standard.quietHours.schedule(
            timeZones: recipient.timeZones,
            states: recipient.states
        )
        let session = FlowSession(contact: SampleCustomer.attributes, recipient: recipient)
        let replies = [
            "does it run small?", "I wear a 9", "how long is shipping", "1", "STOP", "talk to a person", "blue",
        ]

        var calls = 0
        let (timing, checksum) = Measure.seconds(runs: 5) {
            var events = 0
            calls = 0
            for customer in 0..<conversations {
                let now = start.adding(seconds: Int64(customer % 3_600))
                var step = runtime.start(session, at: now, draw: UInt64(customer), schedule: schedule)
                events += step.events.count
                calls += 1
                var clock = now
                for turn in 0..<2 where step.session.status == .waiting {
                    clock = clock.adding(seconds: 300)
                    let input: FlowInput =
                        customer % 5 == 4 ? .timeout : .message(replies[(customer + turn) % replies.count])
                    step = runtime.resume(
                        step.session,
                        with: input,
                        at: input == .timeout ? step.session.timeoutAt ?? clock : clock,
                        schedule: schedule
                    )
                    events += step.events.count
                    calls += 1
                }
            }
            return events
        }
        print(
            Measure.jsonLine([
                "scenario": "flow", "conversations": conversations, "events": checksum,
                "median_seconds": timing.median, "min_seconds": timing.minimum, "max_seconds": timing.maximum,
                "calls": calls, "calls_per_second": Int(Double(calls) / timing.median),
                "microseconds_per_call": (timing.median / Double(calls) * 1e7).rounded() / 10,
                "peak_resident_bytes": Measure.peakResidentBytes() ?? -1,
            ])
        )
    }
}
