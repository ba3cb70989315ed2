/// Every top-level command, in the order `replylab --help` lists them. Issues add their commands here.
enum CommandRegistry {
    static var commands: [any Command.Type] {
        [
            PopulationCommand.self,
            TextCommand.self,
            DatabaseCommand.self,
        ]
    }
}
