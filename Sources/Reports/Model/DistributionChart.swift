/// The shape of a duration or amount per variant (histogram or ECDF), with its median and p90 marked, and what
/// was left out (e.g. abandoned hand-offs) counted beside it: never a lone mean.
public struct DistributionChart: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        /// One small histogram per series on a shared axis.
        case histogram(bins: Int)
        /// Cumulative share below each value, every series on one chart.
        case ecdf
    }

    /// A summary figure drawn as a vertical line and listed in the summary table, e.g. the median with its
    /// bootstrap interval.
    public struct Marker: Sendable, Hashable {
        /// "median", "p90".
        public var name: String
        public var value: Double
        public var interval: ClosedRange<Double>?

        public init(_ name: String, value: Double, interval: ClosedRange<Double>? = nil) {
            self.name = name
            self.value = value
            self.interval = interval
        }
    }

    /// Cases not in `values`, counted apart, e.g. ("abandoned hand-offs", 37).
    public struct Excluded: Sendable, Hashable {
        public var label: String
        public var count: Int64

        public init(_ label: String, count: Int64) {
            self.label = label
            self.count = count
        }
    }

    public struct Series: Sendable, Hashable {
        public var name: String
        /// The observations, in the chart's unit (any order).
        public var values: [Double]
        public var markers: [Marker]
        /// The mean, shown in the summary table beside (never instead of) median and p90.
        public var mean: Double?
        public var excluded: [Excluded]

        public init(
            name: String,
            values: [Double],
            markers: [Marker] = [],
            mean: Double? = nil,
            excluded: [Excluded] = []
        ) {
            self.name = name
            self.values = values
            self.markers = markers
            self.mean = mean
            self.excluded = excluded
        }
    }

    public var title: String
    /// The unit of `values` and markers, e.g. `.milliseconds`.
    public var format: ValueFormat
    public var style: Style
    public var series: [Series]
    /// The axis ends here, later values fall in a last "≥" bin; nil takes the largest series' 99th percentile.
    public var axisMaximum: Double?
    /// How the markers' intervals were computed, e.g. "bootstrap 95%, 2,000 resamples, seed 7".
    public var intervalMethod: String?
    public var csvName: String?
    public var note: String?

    public init(
        title: String,
        format: ValueFormat,
        style: Style = .histogram(bins: 24),
        series: [Series],
        axisMaximum: Double? = nil,
        intervalMethod: String? = nil,
        csvName: String? = nil,
        note: String? = nil
    ) {
        self.title = title
        self.format = format
        self.style = style
        self.series = series
        self.axisMaximum = axisMaximum
        self.intervalMethod = intervalMethod
        self.csvName = csvName
        self.note = note
    }
}
