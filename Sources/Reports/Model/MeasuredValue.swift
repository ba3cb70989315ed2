/// A number with what it divides by, so a rate never appears without its numerator and denominator.
public struct MeasuredValue: Sendable, Hashable {
    /// The headline value, e.g. `.rate(0.183)`.
    public var value: ReportValue
    /// What was counted or summed, e.g. `.integer(183)` repliers or `.cents(1_234_500)` revenue.
    public var numerator: ReportValue?
    /// What it was divided by, e.g. `.integer(1_000)` delivered recipients.
    public var denominator: ReportValue?
    /// An interval around `value` (e.g. Wilson 95%), shown beneath it when present.
    public var interval: ClosedRange<Double>?
    /// How `interval`'s ends are printed.
    public var intervalFormat: ValueFormat?

    public init(
        _ value: ReportValue,
        numerator: ReportValue? = nil,
        denominator: ReportValue? = nil,
        interval: ClosedRange<Double>? = nil,
        intervalFormat: ValueFormat? = nil
    ) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.interval = interval
        self.intervalFormat = intervalFormat
    }

    /// A rate with its counts: `.rate(successes / trials)` over `successes / trials`.
    public static func rate(_ successes: Int64, of trials: Int64, places: Int = 1) -> MeasuredValue {
        MeasuredValue(
            .rate(trials == 0 ? .nan : Double(successes) / Double(trials), places: places),
            numerator: .integer(successes),
            denominator: .integer(trials)
        )
    }
}

/// A change with its interval, e.g. +6.2 pp (Newcombe 95% CI +2.1 to +10.4).
public struct ChangeEstimate: Sendable, Hashable {
    public var point: Double
    public var low: Double
    public var high: Double
    /// How the three numbers print: `.percent` for relative lifts, `.percentagePoints` for rate differences.
    public var format: ValueFormat

    public init(_ point: Double, low: Double, high: Double, format: ValueFormat) {
        self.point = point
        self.low = low
        self.high = high
        self.format = format
    }

    /// True when the interval excludes zero.
    public var excludesZero: Bool { low > 0 || high < 0 }
}
