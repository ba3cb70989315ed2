/// What a ```replylab block may run, and which of a command's options name files it writes: the one place to
/// extend as commands land.
///
/// Only commands that compute and report belong here; anything that deletes, exports or rewrites files the
/// notebook does not own (`db init`, `export`) stays out.
enum NotebookCommands {
    /// Top-level commands a block may run (any of their subcommands, e.g. `import twilio`).
    static let allowed = ["simulate", "analyze", "audit", "stats", "power", "staffing", "import"]

    /// The option naming a command's event-log database: filled from the notebook's database when a block gives
    /// none, and pointed at a scratch copy under `--check`.
    static let databaseOption = "db"

    /// Options naming files or folders a command writes besides its database: pointed into the scratch folder
    /// under `--check`, so a check writes nothing beside the notebook.
    static let writtenPathOptions: Set<String> = ["out"]
}
