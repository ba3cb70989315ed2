/// Round UTC instants for a time axis (every 6 h, every day, …) and their labels.
enum TimeTicks {
    private static let minute = 60_000.0
    private static let hour = 3_600_000.0
    private static let day = 86_400_000.0
    private static let steps = [
        minute, 5 * minute, 15 * minute, 30 * minute, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day,
        7 * day, 14 * day, 28 * day,
    ]

    /// Ticks inside `low...high` (epoch ms), at most about `maxTicks`, with their labels ("Mar 4", "06:00").
    static func ticks(_ low: Double, _ high: Double, maxTicks: Int) -> [(value: Double, label: String)] {
        guard high > low else { return [(low, label(low, step: day))] }
        let step = steps.first { (high - low) / $0 <= Double(max(1, maxTicks)) } ?? 28 * day
        var value = (low / step).rounded(.up) * step
        var result: [(Double, String)] = []
        while value <= high {
            var text = label(value, step: step)
            // The first tick names its day too, so an axis that starts mid-day still says which day it is.
            if result.isEmpty && !text.contains(" ") { text = label(value, step: day) + " " + text }
            result.append((value, text))
            value += step
        }
        return result
    }

    static func label(_ ms: Double, step: Double) -> String {
        let c = CivilTime(epochMilliseconds: Int64(ms))
        let date = "\(CivilTime.monthNames[c.month - 1]) \(c.day)"
        if step >= day || (c.hour == 0 && c.minute == 0) { return date }
        return "\(ValueText.two(c.hour)):\(ValueText.two(c.minute))"
    }
}
