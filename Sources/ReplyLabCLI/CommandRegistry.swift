/// Every top-level command, in the order `replylab --help` lists them: the pipeline's order, message to log.
/// Issues add their commands here.
enum CommandRegistry {
    static var commands: [any Command.Type] {
        [
            Demo.self,
            TextCommand.self,
            FlowCommand.self,
            PopulationCommand.self,
            Simulate.self,
            StaffingCommand.self,
            DatabaseCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            AnalyzeCommand.self,
            StatsCommand.self,
            PowerCommand.self,
            AuditCommand.self,
            ReportCommand.self,
            NotebookCommand.self,
        ]
    }
}
