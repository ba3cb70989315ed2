import Store

/// `replylab db init FILE`: creates the event log or migrates it to this build's schema, and says which.
struct DatabaseInit: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "init",
            abstract: "Create an event-log database, or migrate one to the current schema.",
            discussion:
                "Safe to run again: an up-to-date file is left untouched. A file from a newer replylab is refused.",
            arguments: [ArgumentSpec("file", help: "The SQLite file to create or migrate, e.g. runs.sqlite.")]
        )
    }

    let file: String

    init(arguments: ParsedArguments) throws {
        file = try DatabaseInfo.filePath(arguments)
    }

    func run(_ console: Console) throws -> Int32 {
        let database = try Database(path: file)
        let report = try EventLogSchema.migrate(database)
        let tables = EventLogSchema.tables.count
        let indexes = EventLogSchema.analyticsIndexes.count
        if report.fromVersion == 0 {
            console.out(
                "Created event-log schema version \(report.toVersion) in \(file): \(tables) tables, \(indexes) analytics indexes."
            )
        } else if report.fromVersion < report.toVersion {
            console.out("Migrated \(file) from schema version \(report.fromVersion) to \(report.toVersion).")
        } else if !report.rebuiltIndexes.isEmpty {
            console.out(
                "\(file) is at schema version \(report.toVersion); rebuilt \(report.rebuiltIndexes.count) missing "
                    + "index(es) left by an unfinished load: \(report.rebuiltIndexes.joined(separator: ", "))."
            )
        } else {
            console.out("\(file) is up to date (schema version \(report.toVersion)); nothing to do.")
        }
        return ExitStatus.success
    }
}
