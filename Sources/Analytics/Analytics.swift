/// Analytics turns the event log into what users decide from: metric definitions and attribution (per variant,
/// segment and flow node), the statistics that compare variants and name their tests (`Statistics/`), and the
/// compliance audit of any run, simulated or imported (`Audit/`). It reads the log through Store's SQL and never
/// knows which producer wrote it.
public enum AnalyticsModule {}
