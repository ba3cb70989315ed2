/// Channel rules every other module leans on: phone numbers, segments and cost, keywords, consent, quiet hours and frequency caps.
public enum MessagingModule {}
