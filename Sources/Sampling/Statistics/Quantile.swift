/// Sample quantiles for summaries ("median cart $62"), with a named and fixed definition.
public enum Quantile {
    /// Hyndman & Fan type 7 (R's and NumPy's default): linear interpolation between order statistics at
    /// h = (n − 1)·p. Hyndman & Fan, "Sample Quantiles in Statistical Packages", The American Statistician
    /// 50(4), 1996, https://doi.org/10.2307/2684934.
    /// - Precondition: `sorted` is ascending and `p` is in 0...1.
    /// - Complexity: O(1).
    public static func type7(sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        precondition(p >= 0 && p <= 1, "quantile probability must be in 0...1, got \(p)")
        let h = Double(sorted.count - 1) * p
        let low = Int(h)
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}
