/// Horizontal bars per category, one bar per series (opt-outs by variant, failures by carrier error code).
public struct BarChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One value per category, in `categories` order.
        public var values: [Double]
        /// Text printed at each bar's end instead of the formatted value, e.g. "1.2% (12 / 1,000)".
        public var labels: [String]?

        public init(name: String, values: [Double], labels: [String]? = nil) {
            self.name = name
            self.values = values
            self.labels = labels
        }
    }

    public var title: String
    public var categories: [String]
    public var series: [Series]
    public var valueFormat: ValueFormat
    /// What the axis measures, e.g. "Opt-out rate (STOP within 7 days ÷ delivered)".
    public var valueLabel: String
    public var csvName: String?
    public var note: String?

    public init(
        title: String,
        categories: [String],
        series: [Series],
        valueFormat: ValueFormat,
        valueLabel: String,
        csvName: String? = nil,
        note: String? = nil
    ) {
        precondition(series.allSatisfy { $0.values.count == categories.count }, "one value per category")
        self.title = title
        self.categories = categories
        self.series = series
        self.valueFormat = valueFormat
        self.valueLabel = valueLabel
        self.csvName = csvName
        self.note = note
    }
}
