#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a sample's empirical CDF strays from a model's CDF: the check that draws follow the distribution,
/// and the KSComplement score SDMetrics uses to grade synthetic columns.
public enum KolmogorovSmirnov {
    /// D = sup |F_n(x) − F(x)| for a continuous F.
    /// - Complexity: O(n log n) for the sort.
    public static func distance(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        var largest = 0.0
        for (index, value) in sorted.enumerated() {
            let model = cdf(value)
            largest = max(largest, model - Double(index) / n, Double(index + 1) / n - model)
        }
        return largest
    }

    /// D = max over integers k of |F_n(k) − F(k)| for a distribution on the integers (conservative test).
    /// - Complexity: O(n + range).
    public static func distance(_ samples: [Int], cdf: (Int) -> Double) -> Double {
        guard let low = samples.min(), let high = samples.max() else { return 0 }
        var counts = [Int](repeating: 0, count: high - low + 1)
        for value in samples { counts[value - low] += 1 }
        let n = Double(samples.count)
        var cumulative = 0
        var largest = cdf(low - 1)
        for k in low...high {
            cumulative += counts[k - low]
            largest = max(largest, abs(Double(cumulative) / n - cdf(k)))
        }
        return largest
    }

    /// The large-sample critical value c(α)/√n with c(α) = √(−ln(α/2) / 2) (Smirnov 1948; e.g. 1.9495 at
    /// α = 0.001 and 1.3581 at α = 0.05).
    public static func criticalValue(sampleSize n: Int, alpha: Double) -> Double {
        (-log(alpha / 2) / 2).squareRoot() / Double(n).squareRoot()
    }
}
