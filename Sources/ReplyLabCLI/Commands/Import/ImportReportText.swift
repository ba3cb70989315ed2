import EventLog
import Ingest

/// The load report `import twilio` prints: every count the import knows, nothing estimated.
enum ImportReportText {
    static func lines(_ report: ImportReport, database: String) -> [String] {
        var lines: [String] = []
        let messages = report.messages
        if let run = messages.alreadyLoadedIn {
            lines.append(
                "\(messages.file) is already in run \(run) of \(database) (same SHA-256 \(messages.sha256.prefix(12))…); "
                    + "no messages added."
            )
        } else if report.messages.loaded == 0 && report.messages.quarantined.isEmpty {
            lines.append(
                "\(messages.file): nothing new for \(database); every message is already imported"
                    + (messages.earlierRuns.isEmpty ? "." : " (runs \(list(messages.earlierRuns))).")
            )
        } else {
            lines.append(
                "Imported \(messages.file) into run \(report.runID) of \(database) (SHA-256 \(messages.sha256.prefix(12))…):"
            )
            lines += file(messages, loadedLabel: "messages loaded", loadedDetail: kinds(report.kinds))
            row("customers", report.customers, detail: ordersBuyers(report), into: &lines)
            row("conversations", report.conversations, into: &lines)
            if report.handoffs > 0 { row("hand-offs (from agents' texts)", report.handoffs, into: &lines) }
            let consent = report.consentEvents.values.reduce(0, +)
            row("consent events", consent, detail: consentDetail(report.consentEvents), into: &lines)
            if report.whatsApp > 0 { row("WhatsApp texts (stored like SMS)", report.whatsApp, into: &lines) }
            if report.nonUSDPrices > 0 {
                row("prices not in USD (cost stored as 0)", report.nonUSDPrices, into: &lines)
            }
            if report.unknownKindValues > 0 {
                row("kind values the mapping does not name (rule used)", report.unknownKindValues, into: &lines)
            }
            if report.customersOnSeveralVariants > 0 {
                row("customers on several variants' numbers", report.customersOnSeveralVariants, into: &lines)
            }
            unused(messages, into: &lines)
        }
        if let orders = report.orders {
            let file = orders.file
            if let run = file.alreadyLoadedIn {
                lines.append("\(file.file) is already in run \(run); no orders added.")
            } else {
                lines.append("Orders from \(file.file) into run \(report.runID):")
                lines += self.file(
                    file,
                    loadedLabel: "rows loaded",
                    loadedDetail: "\(orders.orders) orders, \(orders.carts) abandoned carts"
                )
                if orders.customersNotInLog > 0 {
                    row("buyers not in the log (added, no variant)", orders.customersNotInLog, into: &lines)
                }
                unused(file, into: &lines)
            }
        }
        let quarantined = messages.quarantinedTotal + (report.orders?.file.quarantinedTotal ?? 0)
        if quarantined > 0 && !report.addedNothing {
            lines.append(
                "Quarantined rows keep their line, reason and text: SELECT file, line, reason FROM quarantine "
                    + "WHERE run_id = \(report.runID)"
            )
        }
        return lines
    }

    private static func file(_ file: ImportReport.FileReport, loadedLabel: String, loadedDetail: String) -> [String] {
        var lines: [String] = []
        row("rows read", file.rowsRead, into: &lines)
        row(loadedLabel, file.loaded, detail: loadedDetail, into: &lines)
        let duplicates = file.duplicatesInFile + file.duplicatesOfEarlierImports
        if duplicates > 0 {
            var parts: [String] = []
            if file.duplicatesInFile > 0 { parts.append("\(file.duplicatesInFile) repeated in the file") }
            if file.duplicatesOfEarlierImports > 0 {
                parts.append(
                    "\(file.duplicatesOfEarlierImports) already in run\(file.earlierRuns.count == 1 ? "" : "s") \(list(file.earlierRuns))"
                )
            }
            row("duplicates skipped", duplicates, detail: parts.joined(separator: ", "), into: &lines)
        }
        row("quarantined", file.quarantinedTotal, into: &lines)
        for count in file.quarantined { row("  " + count.label, count.rows, into: &lines) }
        if file.naiveDates > 0 { row("times without a zone, taken as UTC", file.naiveDates, into: &lines) }
        return lines
    }

    private static func unused(_ file: ImportReport.FileReport, into lines: inout [String]) {
        if !file.unusedColumns.isEmpty {
            lines.append("  columns not used: " + file.unusedColumns.joined(separator: ", "))
        }
    }

    private static func row(_ label: String, _ value: Int, detail: String = "", into lines: inout [String]) {
        let number = DatabaseInfo.grouped(Int64(value))
        let padded = label + String(repeating: " ", count: max(1, 44 - label.count - number.count))
        lines.append("  " + padded + number + (detail.isEmpty ? "" : "  (\(detail))"))
    }

    private static func ordersBuyers(_ report: ImportReport) -> String {
        guard let buyers = report.orders?.customersNotInLog, buyers > 0 else { return "" }
        return "\(buyers) only in the orders file"
    }

    private static func kinds(_ kinds: [MessageKind: Int]) -> String {
        MessageKind.allCases.compactMap { kind in kinds[kind].map { "\(kind.rawValue) \($0)" } }.joined(separator: ", ")
    }

    private static func consentDetail(_ events: [ConsentEventKind: Int]) -> String {
        let names: [(ConsentEventKind, String)] = [
            (.optOut, "opt-out"), (.help, "help"), (.optIn, "opt-in"), (.reviewHold, "review hold"),
        ]
        return names.compactMap { kind, name in events[kind].map { "\(name) \($0)" } }.joined(separator: ", ")
    }

    private static func list(_ runs: [Int64]) -> String { runs.map(String.init).joined(separator: ", ") }
}
