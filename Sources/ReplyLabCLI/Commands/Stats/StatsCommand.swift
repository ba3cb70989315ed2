/// `replylab stats …`: the experiment statistics on numbers an analyst types or exports, each naming its test.
struct StatsCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "stats",
            abstract: "Compare two rates, two means, or check a split: the tests the reports use.",
            discussion: """
                Every result names its test and interval method. B is the variant, A the control; differences are \
                B − A. Add --json for one JSON object with stable keys.
                """,
            subcommands: [StatsProportions.self, StatsMeans.self, StatsSampleRatio.self]
        )
    }
}
