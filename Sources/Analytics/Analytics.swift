/// Metric definitions, attribution and statistics over the event log (arrives with the analytics issue).
public enum AnalyticsModule {}
