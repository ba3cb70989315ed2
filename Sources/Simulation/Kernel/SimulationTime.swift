/// A point on the simulation clock: integer milliseconds (epoch milliseconds in a dated run), so equal times are
/// exactly equal, sums do not drift and the event log's INTEGER columns take it as it is.
public struct SimulationTime: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public static let zero = SimulationTime(milliseconds: 0)

    /// `seconds` rounded to the nearest millisecond (half away from zero), the one place Double time enters.
    public static func seconds(_ seconds: Double) -> SimulationTime {
        SimulationTime(milliseconds: Self.milliseconds(fromSeconds: seconds))
    }

    /// A duration in seconds as whole milliseconds, rounded to nearest.
    public static func milliseconds(fromSeconds seconds: Double) -> Int64 {
        Int64((seconds * 1000).rounded())
    }

    /// This time moved on by `milliseconds`.
    public func advanced(by milliseconds: Int64) -> SimulationTime {
        SimulationTime(milliseconds: self.milliseconds + milliseconds)
    }

    /// Milliseconds from `earlier` to this time.
    public func milliseconds(since earlier: SimulationTime) -> Int64 {
        milliseconds - earlier.milliseconds
    }

    public var seconds: Double { Double(milliseconds) / 1000 }

    public static func < (lhs: SimulationTime, rhs: SimulationTime) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    public var description: String { "\(milliseconds) ms" }
}
