import EventLog
import FlowEngine
import JSONDocument
import Messaging
import Population
import Sampling

/// One customer's place in the world: the flow session, their own random streams, what is scheduled for them
/// and the rows they produced so far.
///
/// Streams are per customer and per purpose (`behaviour`, `carrier`, `sid`, `conversion`), so the customer's
/// story depends only on the seed and their id: shards, threads and other customers never change it.
struct CustomerState: Sendable {
    /// A reply the customer has decided to send, waiting for its arrival event.
    struct DrawnReply: Sendable {
        var intent: ReplyIntent
        var text: String
    }

    /// A hand-off the flow opened, until an agent closes it or the customer gives up.
    struct OpenHandoff: Sendable {
        var queue: String
        var queuedAt: Int64
        var record: Int
        var isReview: Bool
    }

    /// An event popped in the independent phase after the customer was handed off, kept for the agents' phase.
    struct CarriedEvent: Sendable {
        var time: Int64
        var event: WorldEvent
    }

    let index: Int
    /// Index into the experiment's variants; −1 for the holdout.
    let variant: Int
    var session: FlowSession
    let schedule: QuietHoursPolicy.Schedule
    var behaviour: CustomerStream
    var carrier: CustomerStream
    var sids: CustomerStream
    let numberFault: Int64?
    /// The customer's one conversion draw: organic below `organic`, otherwise bought once the engagement's
    /// chance passes it (common random numbers across arms).
    let conversionDraw: Double
    let personalised: Bool
    let irrelevant: Bool
    /// The customer's attributes JSON, rendered once for the flow's contact and the `customers` row.
    let attributesJSON: String
    var optedOut = false
    var generation: UInt32 = 0
    var deferred: [OutboundText] = []
    var replies: [DrawnReply] = []
    var records = CustomerRecords()
    var path: [String] = []
    var repliesSent = 0
    var marketingRead = 0
    var outboundCount = 0
    var questionAt: Int64?
    var orderPlaced = false
    var handoff: OpenHandoff?
    /// True once handed off in the independent phase: its events wait for the agents' phase.
    var transferred = false
    var carried: [CarriedEvent] = []

    init(world: World, index i: Int, schedules: inout RecipientSchedules) {
        let population = world.population
        index = i
        variant = Int(world.plan.variant[i])
        let seed = world.seed
        behaviour = CustomerStream(seed: seed, customer: UInt64(i), purpose: StreamPurpose("behaviour"))
        carrier = CustomerStream(seed: seed, customer: UInt64(i), purpose: StreamPurpose("carrier"))
        sids = CustomerStream(seed: seed, customer: UInt64(i), purpose: StreamPurpose("sid"))
        numberFault = world.carrier.numberFault(&carrier)
        var conversion = CustomerStream(seed: seed, customer: UInt64(i), purpose: StreamPurpose("conversion"))
        conversionDraw = conversion.nextUnit()

        let start = Instant(epochMilliseconds: world.plan.plannedAt[i])
        var consent = ConsentHistory()
        if population.consentSource[i] != Population.none {
            let source = population.spec.consentSources[Int(population.consentSource[i])].source
            consent.optIn(source: source, at: start.adding(seconds: -86_400 * Int64(max(population.tenureDays[i], 1))))
        }
        let national =
            Int64(population.areaCode[i]) * 10_000_000 + Int64(population.exchange[i]) * 10_000
            + Int64(population.line[i])
        let phone = try? PhoneNumber(nationalNumber: national, allowFictional: true)
        let state = population.stateTable[Int(population.state[i])]
        let recipient: RecipientCompliance
        if let phone {
            recipient = RecipientCompliance(phone: phone, residenceState: state, consent: consent)
        } else {
            recipient = RecipientCompliance(
                phone: nil,
                timeZones: [population.timeZoneTable[Int(population.timeZone[i])]],
                state: state,
                consent: consent
            )
        }
        attributesJSON = world.attributes.json(i)
        let contact = world.contacts.contact(i)
        session = FlowSession(contact: contact, recipient: recipient)
        schedule = schedules.schedule(for: recipient, residenceState: population.state[i])
        let firstName = population.firstNameTable[Int(population.firstName[i])]
        personalised = variant >= 0 && world.namesCustomer[variant] && !firstName.isEmpty
        irrelevant = !personalised || population.segment[i] == .lapsed
    }

    /// True when the flow's first text names the customer (its template reads `first_name`).
    static func usesFirstName(_ flow: Flow, firstName: String) -> Bool {
        guard let node = flow.nodes.first(where: { $0.id == flow.nodes[flow.start].id }) else { return false }
        for action in node.actions {
            if case .send(let template, _) = action, template.source.contains("first_name") {
                return !firstName.isEmpty
            }
        }
        return false
    }

    var customerID: Int64 { Int64(index) }
}
