import Foundation
import JSONDocument
import Simulation

/// `replylab staffing --replies-per-hour X --service-minutes Y --agents A-B [--patience-minutes P] [--json]`:
/// how many agents a reply stream needs, by Erlang C beside a simulation of the same queue on `AgentPool`.
struct StaffingCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "staffing",
            abstract: "Agents needed for a reply stream: Erlang C beside a simulated queue.",
            discussion: """
                For each agent count: the Erlang C probability that a hand-off waits and its mean wait (M/M/c: \
                Poisson arrivals, exponential service, nobody leaves), beside the same figures from simulating the \
                queue with the campaign simulator's AgentPool. The interval (ci95_low…ci95_high) is a 95% \
                batch-means confidence interval of the simulated mean wait in minutes: 20 consecutive batches after \
                a 10% warm-up, Student t with 19 degrees of freedom. Mean wait is over every hand-off, including \
                those picked up at once. Loads at or above one (arrivals × service ≥ agents) have no Erlang C \
                steady state: the row says unstable, and without --patience-minutes nothing is simulated either. \
                With --patience-minutes, simulated customers leave after that long in the queue (Erlang C ignores \
                this), and the abandoned share is shown.
                """,
            options: [
                .option("replies-per-hour", value: "x", help: "Hand-offs arriving per hour (Poisson)."),
                .option("service-minutes", value: "y", help: "Mean agent time per hand-off in minutes (exponential)."),
                .option("agents", value: "a-b", help: "Agent counts to compare: one count (5) or a range (3-8)."),
                .option(
                    "patience-minutes",
                    value: "p",
                    help: "Simulated customers leave after waiting this long (default: never)."
                ),
                .option(
                    "customers",
                    short: "n",
                    value: "n",
                    help: "Hand-offs simulated per agent count (default 200000)."
                ),
                .option("seed", value: "seed", help: "Random seed, decimal or 0x hex (default 42)."),
                .flag("json", help: "One JSON object per agent count, one per line."),
            ]
        )
    }

    let repliesPerHour: Double
    let serviceMinutes: Double
    let agents: ClosedRange<Int>
    let patienceMinutes: Double?
    let customers: Int
    let seed: UInt64
    let json: Bool

    init(arguments: ParsedArguments) throws {
        guard let rate = try arguments.decimal("replies-per-hour") else {
            throw UsageError("missing --replies-per-hour; say how many hand-offs arrive per hour, e.g. 120")
        }
        guard rate > 0 else { throw UsageError("--replies-per-hour must be more than 0, got \(rate)") }
        guard let service = try arguments.decimal("service-minutes") else {
            throw UsageError("missing --service-minutes; say the mean minutes an agent spends per hand-off, e.g. 4")
        }
        guard service > 0 else { throw UsageError("--service-minutes must be more than 0, got \(service)") }
        guard let range = arguments.value("agents") else {
            throw UsageError("missing --agents; give a count (5) or a range (3-8)")
        }
        agents = try Self.agentRange(range)
        let patience = try arguments.decimal("patience-minutes")
        if let patience, patience <= 0 {
            throw UsageError("--patience-minutes must be more than 0, got \(patience)")
        }
        repliesPerHour = rate
        serviceMinutes = service
        patienceMinutes = patience
        customers = try arguments.integer("customers", in: 100...50_000_000) ?? 200_000
        seed = try arguments.unsigned64("seed") ?? 42
        json = arguments.flag("json")
    }

    /// "5" or "3-8", each 1…10000, at most 500 counts.
    static func agentRange(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let low = numbers.first ?? nil, let high = numbers.last ?? nil,
            low >= 1, high <= 10_000
        else {
            throw UsageError("--agents expects a count such as 5 or a range such as 3-8 (1 to 10000), got '\(text)'")
        }
        guard low <= high else { throw UsageError("--agents range \(text) runs backwards; write \(high)-\(low)") }
        guard high - low < 500 else { throw UsageError("--agents range \(text) has more than 500 counts") }
        return low...high
    }

    func run(_ console: Console) throws -> Int32 {
        let service = try ServiceTimeDistribution.exponential(meanSeconds: serviceMinutes * 60)
        let rows = agents.map { count in
            StaffingRow(
                scenario: StaffingScenario(
                    arrivalsPerHour: repliesPerHour,
                    service: service,
                    agents: count,
                    patienceSeconds: patienceMinutes.map { $0 * 60 },
                    customers: customers,
                    seed: seed
                )
            )
        }
        if json {
            for row in rows { console.out(row.json(withPatience: patienceMinutes != nil).jsonText) }
        } else {
            console.out(StaffingRow.table(rows, header: header, withPatience: patienceMinutes != nil))
        }
        return ExitStatus.success
    }

    var header: String {
        let load = repliesPerHour * serviceMinutes / 60
        var text = "\(StaffingRow.format(repliesPerHour, 6)) hand-offs/h × \(StaffingRow.format(serviceMinutes, 6)) min"
        text += " = offered load \(StaffingRow.format(load, 3)) Erlangs"
        if let patienceMinutes {
            text += "; simulated customers leave after \(StaffingRow.format(patienceMinutes, 6)) min"
        }
        return text + "; \(customers) simulated hand-offs per row, seed \(seed)"
    }
}
