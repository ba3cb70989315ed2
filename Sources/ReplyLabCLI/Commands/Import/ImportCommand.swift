/// `replylab import …`: load exported message logs and orders into an event log.
struct ImportCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "import",
            abstract: "Load an exported message log (and orders) into an event log.",
            discussion: """
                An import is one run of kind 'import': every good row lands, every bad row goes to the quarantine \
                table with its line number and reason, in one transaction. 'analyze' and 'audit' read it as they \
                read a simulation.
                """,
            subcommands: [ImportTwilio.self]
        )
    }
}
