import EventLog
import Foundation
import Store

/// `replylab export …`: write a run out of the event log, in Twilio's format or as plain tables.
struct ExportCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "export",
            abstract: "Write a run as a Twilio message log (with orders and a variant mapping) or as CSV tables.",
            discussion: """
                'export twilio' then 'import twilio' round-trips a simulated run; 'export tables' writes every \
                table of a run as CSV with a DuckDB schema, so the metric SQL runs on engines built for bigger logs.
                """,
            subcommands: [ExportTwilio.self, ExportTables.self]
        )
    }
}

/// Why an export cannot be written; one line that says what to do.
enum ExportError: Error, CustomStringConvertible {
    case noSuchRun(path: String, runID: Int64, known: [Int64])
    case realNumbers(runID: Int64, customers: Int64)
    case noBusinessNumber(runID: Int64, messages: Int64)
    case notAFolder(path: String)

    var description: String {
        switch self {
        case .noSuchRun(let path, let runID, let known):
            let list =
                known.isEmpty ? "it has no runs" : "its runs are " + known.map(String.init).joined(separator: ", ")
            return "\(path): no run \(runID); \(list)"
        case .realNumbers(let runID, let customers):
            return
                "run \(runID) keeps \(customers) customers' numbers masked and hashed only (customers.fictional_phone "
                + "is empty): a Twilio log needs full numbers, which ReplyLab stores only for fictional ones; export "
                + "the run with 'replylab export tables' instead"
        case .noBusinessNumber(let runID, let messages):
            return
                "run \(runID) has \(messages) messages without a sending number (messages.business_number); a Twilio "
                + "log needs one for From/To; simulate again with a build that records it, or use 'replylab export tables'"
        case .notAFolder(let path):
            return "\(path) exists and is not a folder; give a new or existing folder to --out"
        }
    }
}

/// Opens the event log read-only and checks the run exists.
enum ExportedRun {
    static func open(database path: String, runID: Int64) throws -> (Database, RunRecord) {
        let database = try Database(path: path, mode: .readOnly)
        let runs = try EventLogReader(database: database).runs()
        guard let run = runs.first(where: { $0.id == runID }) else {
            throw ExportError.noSuchRun(path: path, runID: runID, known: runs.map(\.id))
        }
        return (database, run)
    }

    /// `--run`, required.
    static func runID(_ arguments: ParsedArguments) throws -> Int64 {
        guard let run = try arguments.integer("run", in: 1...Int.max) else {
            throw UsageError("say which run to export: --run ID (see 'replylab db info FILE')")
        }
        return Int64(run)
    }
}
