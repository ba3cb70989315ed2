/// Customers reaching each step (sent → delivered → replied → conversed → converted), per variant.
///
/// Bars are proportional to the variant's first step, so arms of different sizes compare; each step prints its
/// count, its share of the first step and its share of the step before.
public struct Funnel: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One count per step, in step order.
        public var counts: [Int64]

        public init(name: String, counts: [Int64]) {
            self.name = name
            self.counts = counts
        }
    }

    public var title: String
    public var steps: [String]
    public var series: [Series]
    public var csvName: String?
    public var note: String?

    public init(title: String, steps: [String], series: [Series], csvName: String? = nil, note: String? = nil) {
        precondition(series.allSatisfy { $0.counts.count == steps.count }, "one count per funnel step")
        self.title = title
        self.steps = steps
        self.series = series
        self.csvName = csvName
        self.note = note
    }
}
