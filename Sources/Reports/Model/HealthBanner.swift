/// Whether a check passed; always printed as a word and an icon, colour only reinforces it.
public enum HealthState: String, Sendable, Hashable, Comparable, CaseIterable {
    case ok
    case warning
    case problem

    public var label: String {
        switch self {
        case .ok: "OK"
        case .warning: "Check"
        case .problem: "Problem"
        }
    }

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .problem: 2
        }
    }

    public static func < (lhs: HealthState, rhs: HealthState) -> Bool { lhs.rank < rhs.rank }
}

/// The first thing a report shows: can these numbers be trusted (sample-ratio check, sample size, suppressed
/// and quarantined counts)?
public struct HealthBanner: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var state: HealthState
        /// "Sample ratio".
        public var label: String
        /// "χ² = 0.42, p = 0.52 (threshold 0.001): assignment matches the planned 1 : 1 : 1."
        public var detail: String

        public init(_ state: HealthState, _ label: String, _ detail: String) {
            self.state = state
            self.label = label
            self.detail = detail
        }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// The worst state of any item (OK when there are none).
    public var overall: HealthState { items.map(\.state).max() ?? .ok }
}

/// A highlighted sentence: the verdict, or a warning the reader must not miss.
public struct Callout: Sendable, Hashable {
    public var state: HealthState
    public var title: String
    public var text: String

    public init(_ state: HealthState, title: String, text: String) {
        self.state = state
        self.title = title
        self.text = text
    }
}
