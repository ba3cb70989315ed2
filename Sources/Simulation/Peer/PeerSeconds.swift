/// Double seconds on the clock, for replaying the SimPy peer float for float (SimPy's `env.now` is a float).
///
/// The event key is the IEEE-754 bit pattern read as an Int64: for non-negative doubles it orders exactly as the
/// values do, so the integer `EventQueue` orders these events exactly as SimPy's heap orders its floats.
public struct PeerSeconds: PoolInstant {
    public typealias Span = Double

    public var seconds: Double

    public init(_ seconds: Double) {
        self.seconds = seconds
    }

    /// The instant an `EventQueue` key stands for (the inverse of `eventKey`).
    public init(eventKey: Int64) {
        seconds = Double(bitPattern: UInt64(bitPattern: eventKey))
    }

    public static func + (instant: PeerSeconds, span: Double) -> PeerSeconds { PeerSeconds(instant.seconds + span) }
    public static func - (later: PeerSeconds, earlier: PeerSeconds) -> Double { later.seconds - earlier.seconds }
    public static func < (lhs: PeerSeconds, rhs: PeerSeconds) -> Bool { lhs.seconds < rhs.seconds }
    public static var never: PeerSeconds { PeerSeconds(.infinity) }

    /// - Precondition: `seconds >= 0` (a negative double's bit pattern would sort backwards).
    public var eventKey: Int64 {
        precondition(seconds >= 0, "peer times are never negative")
        return Int64(bitPattern: (seconds + 0).bitPattern)
    }
}
