/// The contract between producers and analytics: one value type per event-log table and the sink they are written to.
public enum EventLogModule {}
