/// Self-contained HTML and CSV reports from analytics results (arrives with the analytics issue).
public enum ReportsModule {}
