import Foundation
import Ingest
import Store

/// `replylab import twilio FILE [--orders FILE] [--mapping FILE] --db FILE [--phone-hash-key K]`.
struct ImportTwilio: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "twilio",
            abstract: "Import a Twilio message log (Console, API, BulkExport or home-made CSV) and an orders file.",
            discussion: """
                Headers are matched by alias (SentDate, date_sent, Date Sent…). Dates: ISO 8601, RFC 2822, or \
                naive (taken as UTC and counted). Texts are threaded per business and customer number with a \
                48 h inactivity gap; campaign, automated, agent and compliance texts are told apart by a \
                documented rule (or the mapping's kind column); agents' texts rebuild hand-offs (queued at the customer's \
                question, closed at the last agent text); STOP/HELP/START become consent events, and an opt-out \
                confirmation with no STOP before it records the opt-out a reviewer decided. The same file twice adds nothing; Sids \
                an earlier import holds are skipped. The mapping file (JSON) names other columns, kinds and \
                variants. Orders join customers by the keyed phone hash; rows flagged abandoned are carts.
                """,
            arguments: [ArgumentSpec("file", help: "The message-log CSV, e.g. exports/messages.csv.")],
            options: [
                .option("db", value: "file", help: "The event-log SQLite file to load into (created when missing)."),
                .option("orders", value: "file", help: "A shop's orders CSV: order id, customer phone, time, value."),
                .option("mapping", value: "file", help: "A mapping JSON: other column names, kinds, variants."),
                .option("phone-hash-key", value: "key", help: PhoneHashKey.optionHelp),
            ]
        )
    }

    let file: String
    let database: String
    let orders: String?
    let mapping: String?
    let phoneHashKey: UInt64
    let phoneHashKeySource: PhoneHashKey.Source

    init(arguments: ParsedArguments) throws {
        guard let file = arguments.argument("file"), !file.isEmpty else {
            throw UsageError("give the message log, e.g. 'replylab import twilio messages.csv --db runs.sqlite'")
        }
        self.file = file
        guard let database = arguments.value("db") else {
            throw UsageError("say which event log to load into: --db runs.sqlite")
        }
        self.database = database
        orders = arguments.value("orders")
        mapping = arguments.value("mapping")
        (phoneHashKey, phoneHashKeySource) = try PhoneHashKey.resolve(arguments)
    }

    func run(_ console: Console) throws -> Int32 {
        let mapping = try self.mapping.map { try ImportMapping.load(path: $0) } ?? ImportMapping()
        let options = TwilioImporter.Options(
            phoneHashKey: phoneHashKey,
            configEntries: PhoneHashKey.configEntries(key: phoneHashKey, source: phoneHashKeySource),
            mapping: mapping,
            mappingFile: self.mapping,
            toolVersion: ReplyLab.version,
            createdAt: Int64((Date().timeIntervalSince1970 * 1_000).rounded())
        )
        let bars = ImportProgressBars()
        let report = try PrivateBuild.run(at: database) { database, _ in
            let report = try TwilioImporter.load(
                messageLog: file,
                orders: orders,
                into: database,
                options: options,
                progress: bars.update
            )
            return (report, !report.addedNothing)
        }
        bars.finish()
        for line in ImportReportText.lines(report, database: database) { console.out(line) }
        return ExitStatus.success
    }
}

/// A "reading" bar over the file's bytes, then a "writing" bar over the messages; terminal only.
final class ImportProgressBars {
    private var reading: ProgressBar?
    private var writing: ProgressBar?

    func update(_ progress: ImportProgress) {
        switch progress {
        case .reading(let bytes, let total):
            if reading == nil { reading = ProgressBar("reading", total: Int(total)) }
            reading?.update(Int(bytes))
        case .writing(let rows, let total):
            if writing == nil {
                reading?.finish()
                writing = ProgressBar("writing", total: total)
            }
            writing?.update(rows)
        }
    }

    func finish() {
        reading?.finish()
        writing?.finish()
    }
}
