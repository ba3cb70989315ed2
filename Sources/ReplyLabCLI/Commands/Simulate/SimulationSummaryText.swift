import Simulation

/// The table `replylab simulate` prints: one row per arm, the holdout last, then the run's totals.
enum SimulationSummaryText {
    static func lines(_ summaries: [RunSummary], experiment: Experiment, database: String) -> [String] {
        var lines: [String] = []
        for summary in summaries {
            lines.append(
                "run \(summary.runID): '\(experiment.name)', seed \(summary.seed), \(grouped(summary.customers)) customers "
                    + "(\(grouped(summary.customersWithAgents)) met an agent), \(grouped(Int(summary.events))) events → \(database)"
            )
            let header = [
                "arm", "customers", "messages", "delivered", "replies", "hand-offs", "abandoned", "orders", "revenue",
                "opt-outs", "suppressions", "cost",
            ]
            var rows = [header]
            for arm in summary.arms {
                rows.append([
                    arm.name + (arm.isHoldout && !arm.name.contains("holdout") ? " (holdout)" : ""), grouped(arm.customers), grouped(arm.messages),
                    grouped(arm.delivered), grouped(arm.replies), grouped(arm.handoffs),
                    grouped(arm.abandonedHandoffs), grouped(arm.orders), dollars(cents: arm.revenueCents),
                    grouped(arm.optOuts), grouped(arm.suppressions), dollars(cents: (arm.costMicrodollars + 5_000) / 10_000),
                ])
            }
            var widths = header.map(\.count)
            for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
            for row in rows {
                let cells = row.enumerated().map { index, cell in
                    let pad = String(repeating: " ", count: widths[index] - cell.count)
                    return index == 0 ? cell + pad : pad + cell
                }
                lines.append(cells.joined(separator: "  "))
            }
        }
        return lines
    }

    /// 50000 → "50,000".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// Cents as "$1,234.56".
    static func dollars(cents: Int64) -> String {
        "$" + grouped(Int(cents / 100)) + "." + (cents % 100 < 10 ? "0" : "") + String(cents % 100)
    }
}
