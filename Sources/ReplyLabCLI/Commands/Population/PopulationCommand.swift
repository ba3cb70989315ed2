/// `replylab population …`: synthetic customers for simulations, and a realism check of any customer table.
struct PopulationCommand: CommandGroup {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "population",
            abstract: "Generate synthetic customers and describe who is on a list.",
            subcommands: [PopulationGenerate.self, PopulationDescribe.self]
        )
    }
}
