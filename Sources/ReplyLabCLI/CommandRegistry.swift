/// Every top-level command, in the order `replylab --help` lists them. Issues add their commands here.
enum CommandRegistry {
    static var commands: [any Command.Type] {
        [
            DatabaseCommand.self,
            FlowCommand.self,
            TextCommand.self,
            PopulationCommand.self,
        ]
    }
}
