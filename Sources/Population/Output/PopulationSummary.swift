import Sampling

/// What `replylab population describe` prints: the distributions a person checks to judge whether a
/// population looks like a real SMS list (segments, states, time zones, consent, abandoned-cart values).
///
/// Built from a generated `Population` or from rows read back from an event log, so both print alike.
public struct PopulationSummary: Equatable, Sendable {
    /// One customer as the summary needs it.
    public struct Row: Sendable {
        public var segment: String
        public var state: String
        public var timeZone: String
        public var consentSource: String
        /// 0 when the customer has no abandoned cart.
        public var cartTotalCents: Int64

        public init(segment: String, state: String, timeZone: String, consentSource: String, cartTotalCents: Int64) {
            self.segment = segment
            self.state = state
            self.timeZone = timeZone
            self.consentSource = consentSource
            self.cartTotalCents = cartTotalCents
        }
    }

    /// A category and how many customers fall in it.
    public struct Tally: Equatable, Sendable {
        public var name: String
        public var count: Int
    }

    /// The cart-value quantiles reported, as probabilities.
    public static let quantileLevels = [0.10, 0.25, 0.50, 0.75, 0.90]

    public var count: Int
    /// In lifecycle order (new, active, lapsed, vip), then any other names alphabetically.
    public var segments: [Tally]
    /// Most customers first; ties alphabetical.
    public var states: [Tally]
    public var timeZones: [Tally]
    public var consentSources: [Tally]
    public var cartCount: Int
    /// Type 7 quantiles of cart value in cents at `quantileLevels`; empty without carts.
    public var cartQuantilesCents: [Double]
    public var cartMeanCents: Double?

    /// - Complexity: O(n log n) for the cart-value sort.
    public init(rows: [Row]) {
        count = rows.count
        var segments: [String: Int] = [:]
        var states: [String: Int] = [:]
        var zones: [String: Int] = [:]
        var consent: [String: Int] = [:]
        var carts: [Double] = []
        for row in rows {
            segments[row.segment, default: 0] += 1
            states[row.state, default: 0] += 1
            zones[row.timeZone, default: 0] += 1
            consent[row.consentSource, default: 0] += 1
            if row.cartTotalCents > 0 { carts.append(Double(row.cartTotalCents)) }
        }
        let lifecycle = CustomerSegment.allCases.map(\.rawValue)
        self.segments = segments.map { Tally(name: $0.key, count: $0.value) }.sorted { a, b in
            let left = lifecycle.firstIndex(of: a.name) ?? lifecycle.count
            let right = lifecycle.firstIndex(of: b.name) ?? lifecycle.count
            return left != right ? left < right : a.name < b.name
        }
        self.states = Self.byCount(states)
        timeZones = Self.byCount(zones)
        consentSources = Self.byCount(consent)
        carts.sort()
        cartCount = carts.count
        cartQuantilesCents = carts.isEmpty ? [] : Self.quantileLevels.compactMap { Quantile.type7(sorted: carts, $0) }
        cartMeanCents = carts.isEmpty ? nil : carts.reduce(0, +) / Double(carts.count)
    }

    /// - Complexity: O(n log n).
    public init(population: Population) {
        var rows: [Row] = []
        rows.reserveCapacity(population.count)
        for i in 0..<population.count {
            rows.append(
                Row(
                    segment: population.segment[i].rawValue,
                    state: population.stateTable[Int(population.state[i])],
                    timeZone: population.timeZoneTable[Int(population.timeZone[i])],
                    consentSource: population.consentSourceName(i),
                    cartTotalCents: population.cartTotalCents[i]
                )
            )
        }
        self.init(rows: rows)
    }

    private static func byCount(_ counts: [String: Int]) -> [Tally] {
        counts.map { Tally(name: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name
        }
    }

    /// Plain-text tables; `topStates` limits the state table (the rest are folded into one line).
    public func render(title: String, topStates: Int = 10) -> String {
        var lines = [title, ""]
        func table(_ heading: String, _ tallies: [Tally], limit: Int = .max, otherLabel: String = "others") {
            lines.append(heading)
            let otherRow = tallies.count > limit ? "\(tallies.count - limit) \(otherLabel)" : ""
            let width = max(12, otherRow.count, tallies.prefix(limit).map(\.name.count).max() ?? 0)
            for tally in tallies.prefix(limit) { lines.append(row(tally.name, tally.count, width)) }
            if tallies.count > limit {
                lines.append(row(otherRow, tallies.dropFirst(limit).reduce(0) { $0 + $1.count }, width))
            }
            lines.append("")
        }
        table("Segments", segments)
        table("States (\(states.count), most customers first)", states, limit: topStates, otherLabel: "other states")
        table("Time zones", timeZones)
        table("Consent source", consentSources)
        lines.append("Abandoned carts: \(Self.grouped(cartCount)) customers (\(percent(cartCount).drop { $0 == " " }))")
        if let mean = cartMeanCents {
            let labels = Self.quantileLevels.map { $0 == 0.5 ? "median" : "p\(Int(($0 * 100).rounded()))" }
            let values = zip(labels, cartQuantilesCents).map { "\($0) \(Self.dollars($1))" }
            lines.append("  cart value: " + values.joined(separator: "  ") + "  mean \(Self.dollars(mean))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ name: String, _ value: Int, _ width: Int) -> String {
        let padded = name.count >= width ? name : name + String(repeating: " ", count: width - name.count)
        let number = Self.grouped(value)
        return "  \(padded)  \(String(repeating: " ", count: max(0, 10 - number.count)))\(number)  \(percent(value))"
    }

    private func percent(_ value: Int) -> String {
        guard count > 0 else { return "0.0%" }
        let tenths = Int((Double(value) * 1_000 / Double(count)).rounded())
        let text = "\(tenths / 10).\(tenths % 10)%"
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }

    /// "1,234,567".
    public static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    /// "$84.50" from cents (rounded to the cent).
    static func dollars(_ cents: Double) -> String {
        let whole = Int(cents.rounded())
        let rest = whole % 100
        return "$\(grouped(whole / 100)).\(rest < 10 ? "0" : "")\(rest)"
    }
}
