/// The lifecycle segment a marketer targets by (RFM-style): written to `customers.segment` and attributes.
public enum CustomerSegment: String, CaseIterable, Sendable, Codable {
    /// Subscribed recently; most have not ordered yet.
    case new
    /// Ordered recently.
    case active
    /// Ordered before, but not for months.
    case lapsed
    /// Orders often and recently.
    case vip
}

/// What a customer would most likely ask about when they reply, for the behaviour model's question mix.
public enum QuestionTopic: String, CaseIterable, Sendable, Codable {
    case sizing, shipping, price, availability, returns
}

/// An inclusive range of whole days, e.g. how long ago the last order was.
public struct DayRange: Equatable, Sendable {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }
}
