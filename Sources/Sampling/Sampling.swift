/// Seeded random streams and our own distributions, so every simulated number is reproducible to the bit.
public enum SamplingModule {}
