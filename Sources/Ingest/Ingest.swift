/// Imports exported message logs (Twilio CSV first) into the event log, quarantining bad rows (arrives with the import issue).
public enum IngestModule {}
