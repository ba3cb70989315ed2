/// Synthetic customers: segments, carts, purchase history and engagement, generated from a population spec.
public enum PopulationModule {}
