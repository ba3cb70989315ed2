import Foundation
import JSONDocument
import Simulation

/// One agent count of `replylab staffing`: Erlang C and the simulation side by side, in minutes.
struct StaffingRow {
    let agents: Int
    let occupancy: Double
    let erlangPWait: Double?
    let erlangMeanWaitMinutes: Double?
    /// nil when the load is unstable and customers never leave: such a queue has no long-run average to simulate.
    let simulated: StaffingOutcome?

    init(scenario: StaffingScenario) {
        let erlang = scenario.erlangC
        agents = scenario.agents
        occupancy = erlang.occupancy
        erlangPWait = erlang.probabilityOfWaiting
        erlangMeanWaitMinutes = erlang.meanWait.map { $0 / 60 }
        simulated = erlang.isStable || scenario.patienceSeconds != nil ? StaffingSimulation.run(scenario) : nil
    }

    var meanWaitMinutes: Double? { simulated.map { $0.meanWaitSeconds / 60 } }
    var intervalMinutes: (low: Double, high: Double)? {
        simulated?.meanWaitInterval.map { ($0.low / 60, $0.high / 60) }
    }

    func json(withPatience: Bool) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        var members: [(key: String, value: JSONValue)] = [
            ("agents", .number(Double(agents))),
            ("occupancy", .number(occupancy)),
            ("stable", .bool(erlangPWait != nil)),
            ("erlang_c_p_wait", number(erlangPWait)),
            ("erlang_c_mean_wait_minutes", number(erlangMeanWaitMinutes)),
            ("simulated_p_wait", number(simulated?.probabilityOfWaiting)),
            ("simulated_mean_wait_minutes", number(meanWaitMinutes)),
            ("ci95_low", number(intervalMinutes?.low)),
            ("ci95_high", number(intervalMinutes?.high)),
        ]
        if withPatience { members.append(("simulated_abandon_rate", number(simulated?.abandonmentRate))) }
        return .object(members)
    }

    static func table(_ rows: [StaffingRow], header: String, withPatience: Bool) -> String {
        var lines = [header, ""]
        var columns = [
            "agents", "occupancy", "Erlang C P(wait)", "Erlang C wait min", "sim P(wait)", "sim wait min (95% CI)",
        ]
        if withPatience { columns.append("sim abandoned") }
        var cells: [[String]] = [columns]
        for row in rows {
            var line = [String(row.agents), format(row.occupancy, 3)]
            if let pWait = row.erlangPWait, let wait = row.erlangMeanWaitMinutes {
                line += [format(pWait, 4), format(wait, 3)]
            } else {
                line += ["unstable", "unstable"]
            }
            if let simulated = row.simulated, let wait = row.meanWaitMinutes {
                let interval = row.intervalMinutes.map { " (\(format($0.low, 3))–\(format($0.high, 3)))" } ?? ""
                line += [format(simulated.probabilityOfWaiting, 4), format(wait, 3) + interval]
                if withPatience { line.append(format(simulated.abandonmentRate * 100, 1) + "%") }
            } else {
                line += ["not simulated", "queue grows without bound"]
                if withPatience { line.append("") }
            }
            cells.append(line)
        }
        let widths = columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        for line in cells {
            lines.append(
                line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            )
        }
        if rows.contains(where: { $0.erlangPWait == nil }) {
            lines.append("")
            lines.append("unstable: arrivals × service ≥ agents, so the queue has no steady state without abandonment.")
        }
        return lines.joined(separator: "\n")
    }

    /// `value` with at most `digits` decimals, trailing zeros dropped.
    static func format(_ value: Double, _ digits: Int) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
