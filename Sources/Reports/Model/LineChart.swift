/// Values over time or over a number (agent utilisation by hour, time-to-resolution by team size).
public struct LineChart: Sendable, Hashable {
    /// What the horizontal axis is.
    public enum XAxis: Sendable, Hashable {
        /// UTC epoch milliseconds, labelled as UTC dates and hours.
        case time
        /// A plain number printed with `format`.
        case number(ValueFormat)
    }

    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Series: Sendable, Hashable {
        public var name: String
        /// Points in increasing x.
        public var points: [Point]
        /// Fills the area under the line.
        public var filled: Bool

        public init(name: String, points: [Point], filled: Bool = false) {
            self.name = name
            self.points = points
            self.filled = filled
        }
    }

    public var title: String
    public var xAxis: XAxis
    public var xLabel: String
    public var yLabel: String
    public var yFormat: ValueFormat
    /// Fixes the vertical axis, e.g. 0...1 for utilisation; nil fits the data and zero.
    public var yDomain: ClosedRange<Double>?
    public var series: [Series]
    public var csvName: String?
    public var note: String?

    public init(
        title: String,
        xAxis: XAxis,
        xLabel: String,
        yLabel: String,
        yFormat: ValueFormat,
        yDomain: ClosedRange<Double>? = nil,
        series: [Series],
        csvName: String? = nil,
        note: String? = nil
    ) {
        self.title = title
        self.xAxis = xAxis
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yFormat = yFormat
        self.yDomain = yDomain
        self.series = series
        self.csvName = csvName
        self.note = note
    }
}
