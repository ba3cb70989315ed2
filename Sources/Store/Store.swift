/// SQLite storage for the event log: database, statements, typed errors, migrations, batched writer and readers.
public enum StoreModule {}
