/// The conversational flow engine: flow format, decoder, linter, templating, matchers and the pure runtime.
public enum FlowEngineModule {}
