/// A clock reading the `AgentPool` can do arithmetic on: integer milliseconds in the product, Double seconds for
/// replaying the SimPy peer float for float.
public protocol PoolInstant: Comparable, Sendable {
    /// The difference between two instants (milliseconds, seconds…).
    associatedtype Span: Comparable & AdditiveArithmetic & Sendable

    /// The instant `span` later.
    static func + (instant: Self, span: Span) -> Self
    /// How long from `earlier` to `later`.
    static func - (later: Self, earlier: Self) -> Span
    /// Later than every instant a run reaches: the deadline of a chat with unlimited patience.
    static var never: Self { get }
    /// An `EventQueue` time whose order is this instant's order.
    var eventKey: Int64 { get }
}

extension SimulationTime: PoolInstant {
    public typealias Span = Int64

    public static func + (instant: SimulationTime, span: Int64) -> SimulationTime {
        SimulationTime(milliseconds: instant.milliseconds + span)
    }

    public static func - (later: SimulationTime, earlier: SimulationTime) -> Int64 {
        later.milliseconds - earlier.milliseconds
    }

    public static var never: SimulationTime { SimulationTime(milliseconds: .max) }
    public var eventKey: Int64 { milliseconds }
}
