/// `replylab notebook …`: markdown notebooks whose SQL and replylab blocks write their results in place.
struct NotebookCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "notebook",
            abstract: "Run markdown notebooks: SQL and replylab blocks with their results written in place.",
            discussion: """
                A notebook is GitHub markdown with ```sql blocks (queries on a read-only connection) and \
                ```replylab blocks (one command each). Results go right below each block between \
                <!-- replylab:output --> markers. See notebooks-md/README.md for the syntax.
                """,
            subcommands: [NotebookRun.self]
        )
    }
}
