/// `replylab db …`: create and inspect event-log databases.
struct DatabaseCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "db",
            abstract: "Create and inspect event-log databases (SQLite).",
            discussion: """
                Simulated and imported runs share one event log: runs, variants, customers, assignments, messages, \
                conversations, handoffs, orders, consent_events, suppressions and quarantine.
                """,
            subcommands: [DatabaseInit.self, DatabaseInfo.self]
        )
    }
}
