/// A distribution asked for with parameters that define no distribution (a negative mean, weights summing to 0…).
public struct SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The distribution, e.g. "LogNormal".
    public var distribution: String
    /// The parameter at fault, e.g. "standardDeviation".
    public var parameter: String
    /// What is wrong with it, e.g. "must be positive, got -3".
    public var reason: String

    public init(distribution: String, parameter: String, reason: String) {
        self.distribution = distribution
        self.parameter = parameter
        self.reason = reason
    }

    public var description: String { "\(distribution) \(parameter) \(reason)" }

    static func require(
        _ condition: Bool,
        _ distribution: String,
        _ parameter: String,
        _ reason: @autoclosure () -> String
    ) throws(SamplingError) {
        if !condition { throw SamplingError(distribution: distribution, parameter: parameter, reason: reason()) }
    }
}
