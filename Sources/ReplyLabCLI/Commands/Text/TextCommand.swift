/// `replylab text …`: checks on single texts, for marketers drafting copy and analysts reading replies.
struct TextCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "text",
            abstract: "Check a text's segments, cost and keywords, or a phone number's rules.",
            subcommands: [TextCheck.self, TextPhone.self]
        )
    }
}
