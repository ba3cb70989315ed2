/// Inputs no test is defined for (more successes than trials, a sample of one for a variance…), named so a CLI or
/// a report can say which input to fix.
public struct StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The procedure, e.g. "Welch's t-test".
    public var test: String
    /// The input at fault, e.g. "a".
    public var input: String
    /// What is wrong with it, e.g. "needs at least 2 values, got 1".
    public var reason: String

    public init(test: String, input: String, reason: String) {
        self.test = test
        self.input = input
        self.reason = reason
    }

    public var description: String { "\(test): \(input) \(reason)" }

    static func require(
        _ condition: Bool,
        _ test: String,
        _ input: String,
        _ reason: @autoclosure () -> String
    ) throws(StatisticsError) {
        if !condition { throw StatisticsError(test: test, input: input, reason: reason()) }
    }
}
