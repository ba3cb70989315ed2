#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The peer benchmark's campaign (`/work/shared/bench/README.md`) on our `EventQueue` and `AgentPool`, written to
/// reproduce `simpy_campaign.py` exactly when fed its draws.
///
/// Times are `PeerSeconds` (SimPy's float seconds) and every time is computed with SimPy's own arithmetic
/// (`now + (-mean · log(1 − u))`), so event times are the same doubles and the heap order is the same. The
/// sender is lazy: sending text i schedules text i + 1, so the heap holds the customers in flight, not all N.
/// Events: send, delivered, read, reply, automated answer, agent done, patience; SimPy's bookkeeping events
/// (process start and end, request, release, condition) have no counterpart, so `events` is smaller than SimPy's.
///
/// The one place the two could part is an exact tie between two different floats' sums (an agent freeing up at
/// the very instant a waiting customer's patience ends, say); there the pool lets the customer leave, which is
/// also what SimPy does, because the patience timeout was scheduled first.
public enum PeerCampaign {
    public static let drawsPerCustomer = 8
    static let sendWindow = 3600.0
    static let deliveryMean = 5.0
    static let readMean = 20 * 60.0
    static let replyProbability = 0.25
    static let replyMean = 3 * 60.0
    static let questionProbability = 0.40
    static let autoAnswerDelay = 1.0
    static let keywordConvertProbability = 0.30
    static let serviceMean = 4 * 60.0
    static let agentConvertProbability = 0.35
    static let patience = 30 * 60.0
    static let oneWayConvertProbability = 0.03
    static let orderSigma = 0.6
    /// ln 80 − σ²/2, so the order value's mean is $80.
    static let orderMu = log(80.0) - pow(orderSigma, 2) / 2

    public enum Variant: String, Sendable, CaseIterable {
        case conversational
        case oneway
    }

    @usableFromInline
    struct Event: Sendable {
        @usableFromInline
        enum Kind: UInt8, Sendable {
            case send, delivered, read, reply, answer, agentDone, patience
        }

        @usableFromInline var index: UInt32
        @usableFromInline var kind: Kind
    }

    /// Runs N customers against C agents and returns SimPy's statistics (before sorting-dependent summaries).
    /// - Precondition: `draws` covers N customers; N ≥ 1, C ≥ 1.
    /// - Complexity: O(N log P) for P customers in flight; no allocation per event once the arrays have grown.
    public static func run<Draws: PeerDraws>(
        customers: Int,
        agents: Int,
        variant: Variant,
        draws: Draws
    ) -> PeerCampaignOutcome {
        precondition(customers >= 1 && agents >= 1, "the peer needs at least one customer and one agent")
        precondition((draws.customerCount ?? customers) >= customers, "the draws file has too few customers")
        let conversational = variant == .conversational
        let gap = sendWindow / Double(customers)
        var queue = EventQueue<Event>(reservingCapacity: 1 << 16)
        var pool = AgentPool<PeerSeconds>(agents: agents, from: PeerSeconds(0))
        var tally = PeerCampaignOutcome(customers: customers, agents: agents, variant: variant)

        func schedule(_ kind: Event.Kind, _ index: Int, at seconds: Double) {
            queue.schedule(Event(index: UInt32(index), kind: kind), at: PeerSeconds(seconds).eventKey)
        }
        func convert(_ index: Int, probability: Double) {
            if draws.uniform(index, 6) < probability {
                tally.conversions += 1
                tally.revenue += orderValue(draws.uniform(index, 7))
            }
        }
        func startService(_ pickUp: PickUp<PeerSeconds>) {
            tally.waits.append(pickUp.pickedUpAt - pool.chats[Int(pickUp.chat.index)].queuedAt)
            queue.schedule(Event(index: pickUp.chat.index, kind: .agentDone), at: pickUp.completesAt.eventKey)
        }

        schedule(.send, 0, at: 0)
        tally.heapAfterSetup = queue.count
        while let event = queue.popNext() {
            let now = PeerSeconds(eventKey: event.time).seconds
            let index = Int(event.payload.index)
            switch event.payload.kind {
            case .send:
                if index + 1 < customers { schedule(.send, index + 1, at: Double(index + 1) * gap) }
                schedule(.delivered, index, at: now + -deliveryMean * log(1.0 - draws.uniform(index, 0)))
            case .delivered:
                schedule(.read, index, at: now + -readMean * log(1.0 - draws.uniform(index, 1)))
            case .read:
                if !conversational || draws.uniform(index, 2) >= replyProbability {
                    convert(index, probability: oneWayConvertProbability)
                    tally.lastEvent = now
                } else {
                    schedule(.reply, index, at: now + -replyMean * log(1.0 - draws.uniform(index, 3)))
                }
            case .reply:
                tally.replies += 1
                if draws.uniform(index, 4) >= questionProbability {
                    tally.keywords += 1
                    let answered = now + autoAnswerDelay
                    tally.ttr.append(answered - now)
                    schedule(.answer, index, at: answered)
                } else {
                    tally.questions += 1
                    let service = -serviceMean * log(1.0 - draws.uniform(index, 5))
                    let arrival = pool.enqueue(
                        at: PeerSeconds(now),
                        service: service,
                        patience: patience,
                        reference: Int64(index)
                    )
                    switch arrival {
                    case .pickedUp(let pickUp):
                        startService(pickUp)
                    case .waiting(let chat, let deadline):
                        if let deadline {
                            queue.schedule(Event(index: chat.index, kind: .patience), at: deadline.eventKey)
                        }
                    }
                }
            case .answer:
                convert(index, probability: keywordConvertProbability)
                tally.lastEvent = now
            case .agentDone:
                let record = pool.complete(ChatID(index: event.payload.index), at: PeerSeconds(now))
                tally.agentBusy += record.service
                tally.served += 1
                let resolution = now - record.queuedAt.seconds
                tally.ttr.append(resolution)
                tally.ttrQuestions.append(resolution)
                convert(Int(record.reference), probability: agentConvertProbability)
                tally.lastEvent = now
                while let next = pool.pickUpNext(at: PeerSeconds(now)) { startService(next) }
            case .patience:
                if pool.abandon(ChatID(index: event.payload.index), at: PeerSeconds(now)) {
                    tally.abandoned += 1
                    tally.lastEvent = now
                }
            }
        }
        tally.events = queue.scheduledCount
        tally.poolConserved = pool.arrivals == pool.resolved + pool.abandoned && pool.waiting == 0
        return tally
    }

    /// SimPy's `order_value(u)`: exp(μ + σ·Φ⁻¹(u)), u clamped to [1e-12, 1 − 1e-12].
    static func orderValue(_ u: Double) -> Double {
        exp(orderMu + orderSigma * InverseNormal.standard(min(max(u, 1e-12), 1 - 1e-12)))
    }
}
