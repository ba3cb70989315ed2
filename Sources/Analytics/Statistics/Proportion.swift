/// A count of successes out of trials: the sufficient statistic of a rate, as the metric SQL returns it.
public struct Proportion: Sendable, Hashable, CustomStringConvertible {
    public let successes: Int
    public let trials: Int

    /// - Throws: when trials is not positive or successes is outside 0...trials.
    public init(successes: Int, trials: Int) throws(StatisticsError) {
        try StatisticsError.require(trials > 0, "proportion", "trials", "must be positive, got \(trials)")
        try StatisticsError.require(
            successes >= 0 && successes <= trials,
            "proportion",
            "successes",
            "must be between 0 and the trials (\(trials)), got \(successes)"
        )
        self.successes = successes
        self.trials = trials
    }

    /// p̂ = successes ÷ trials.
    public var estimate: Double { Double(successes) / Double(trials) }

    public var description: String { "\(successes)/\(trials)" }
}
