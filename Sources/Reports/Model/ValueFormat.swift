/// How a plain `Double` on a chart axis or in a change estimate is printed, and what its CSV unit is.
public enum ValueFormat: Sendable, Hashable {
    /// A whole number with thousands separators.
    case count
    /// A decimal number.
    case number(places: Int)
    /// A fraction shown as a percentage (0.183 → "18.3%").
    case percent(places: Int)
    /// A difference of two fractions in percentage points (0.062 → "6.2 pp").
    case percentagePoints(places: Int)
    /// Cents shown as dollars.
    case cents
    /// Microdollars shown as dollars.
    case microdollars
    /// Milliseconds shown as a duration.
    case milliseconds

    /// The unit named in CSV side-cars.
    var csvUnit: String {
        switch self {
        case .count: "count"
        case .number: ""
        case .percent: "fraction (0.183 = 18.3%)"
        case .percentagePoints: "fraction difference (0.062 = 6.2 percentage points)"
        case .cents: "US cents"
        case .microdollars: "US microdollars"
        case .milliseconds: "milliseconds"
        }
    }
}
