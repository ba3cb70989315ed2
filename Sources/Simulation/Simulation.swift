/// Discrete-event simulation of campaigns through the real flow engine (arrives with the simulation issue).
public enum SimulationModule {}
