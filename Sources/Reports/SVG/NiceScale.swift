/// A linear axis with round tick values (steps of 1, 2 or 5 × 10ⁿ), as Heckbert's "nice numbers" describe.
struct NiceScale: Sendable {
    let lower: Double
    let upper: Double
    let ticks: [Double]
    let step: Double

    /// Covers `low...high` with at most about `maxTicks` ticks; a flat or empty range becomes 0…1.
    init(covering low: Double, _ high: Double, maxTicks: Int) {
        var low = low.isFinite ? low : 0
        var high = high.isFinite ? high : 1
        if high < low { swap(&low, &high) }
        if high - low < 1e-12 {
            if low == 0 {
                high = 1
            } else {
                let pad = Swift.abs(low) * 0.1
                low -= pad
                high += pad
            }
        }
        let step = NiceScale.niceStep((high - low) / Double(max(1, maxTicks - 1)))
        // Ticks are whole multiples of the step, so zero is exactly zero and rounding errors never accumulate.
        let firstMultiple = Int((low / step).rounded(.down))
        let lastMultiple = Int((high / step).rounded(.up))
        let first = Double(firstMultiple) * step
        let last = Double(lastMultiple) * step
        let values = (firstMultiple...lastMultiple).map { Double($0) * step }
        lower = first
        upper = last
        ticks = values
        self.step = step
    }

    /// `format` with just enough decimals that neighbouring ticks print differently.
    func tickFormat(_ format: ValueFormat) -> ValueFormat {
        switch format {
        case .percent: .percent(places: NiceScale.decimals(for: step * 100))
        case .percentagePoints: .percentagePoints(places: NiceScale.decimals(for: step * 100))
        case .number, .count: .number(places: NiceScale.decimals(for: step))
        case .cents, .microdollars, .milliseconds: format
        }
    }

    static func decimals(for step: Double) -> Int {
        var places = 0
        var scaled = step
        while scaled < 1 - 1e-9 && places < 6 {
            scaled *= 10
            places += 1
        }
        return places
    }

    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The position of `value` between `start` and `end` (pixels).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        guard upper > lower else { return start }
        return start + (value - lower) / (upper - lower) * (end - start)
    }
}
