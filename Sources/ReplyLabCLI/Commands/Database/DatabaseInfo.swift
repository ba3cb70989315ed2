import EventLog
import Foundation
import Store

/// `replylab db info FILE`: schema version, runs and row counts, read without writing to the file.
struct DatabaseInfo: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "info",
            abstract: "Show an event log's schema version, runs and row counts per table.",
            arguments: [ArgumentSpec("file", help: "An event-log SQLite file made by 'replylab db init' or a run.")],
            options: [.flag("json", help: "Print one JSON object instead of tables.")]
        )
    }

    let file: String
    let json: Bool

    init(arguments: ParsedArguments) throws {
        file = try Self.filePath(arguments)
        json = arguments.flag("json")
    }

    /// The FILE argument, refusing an empty one with what to type.
    static func filePath(_ arguments: ParsedArguments) throws -> String {
        guard let file = arguments.argument("file"), !file.isEmpty else {
            throw UsageError(
                "give the database file, e.g. 'replylab \(arguments.commandPath.joined(separator: " ")) runs.sqlite'"
            )
        }
        return file
    }

    func run(_ console: Console) throws -> Int32 {
        let database = try Database(path: file, mode: .readOnly)
        let reader = try EventLogReader(database: database)
        let runs = try reader.runs()
        let counts = try reader.rowCounts()
        if json {
            console.out(try Self.json(file: file, version: try database.userVersion(), runs: runs, counts: counts))
            return ExitStatus.success
        }
        console.out("\(file): event-log schema version \(try database.userVersion()) (current)")
        console.out()
        if runs.isEmpty {
            console.out("Runs: none yet")
        } else {
            console.out("Runs: \(runs.count)")
            let rows = runs.map { run in
                [String(run.id), run.kind, run.source, Self.utc(epochMilliseconds: run.createdAt), run.toolVersion]
            }
            Self.table(header: ["ID", "KIND", "SOURCE", "CREATED (UTC)", "VERSION"], rows: rows, console: console)
        }
        console.out()
        console.out("Rows per table:")
        Self.table(
            header: ["TABLE", "ROWS"],
            rows: counts.map { [$0.table, Self.grouped($0.rows)] },
            console: console,
            rightAligned: [1]
        )
        return ExitStatus.success
    }

    /// Left-aligned columns two spaces apart, indented by two; `rightAligned` columns hold numbers.
    static func table(header: [String], rows: [[String]], console: Console, rightAligned: Set<Int> = [0]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }
            var line = "  " + cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            console.out(line)
        }
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// "2025-11-29 00:00:00" for UTC epoch milliseconds, by Hinnant's days-to-civil algorithm (no calendar, no
    /// locale, so the output is the same on every machine).
    static func utc(epochMilliseconds: Int64) -> String {
        let seconds = epochMilliseconds >= 0 ? epochMilliseconds / 1000 : (epochMilliseconds - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }

    static func json(
        file: String,
        version: Int64,
        runs: [RunRecord],
        counts: [EventLogReader.TableCount]
    ) throws
        -> String
    {
        struct Info: Encodable {
            var file: String
            var schemaVersion: Int64
            var runs: [RunRecord]
            var rows: [String: Int64]
        }
        let info = Info(
            file: file,
            schemaVersion: version,
            runs: runs,
            rows: Dictionary(uniqueKeysWithValues: counts.map { ($0.table, $0.rows) })
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(info), as: UTF8.self)
    }
}
