import Sampling

/// Φ⁻¹, re-exported for the statistics of this module.
func standardNormalQuantile(_ p: Double) -> Double { SpecialFunctions.standardNormalQuantile(p) }

/// Student's t distribution, for Welch's test and its interval.
public enum StudentT {
    /// The two-sided tail P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.5.27), exact in the tail
    /// with no subtraction from 1.
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN || df.isNaN { return .nan }
        if t.isInfinite { return 0 }
        return SpecialFunctions.regularizedBeta(df / (df + t * t), df / 2, 0.5)
    }

    /// F(t) = P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        let tail = twoSidedPValue(t, degreesOfFreedom: df) / 2
        return t < 0 ? tail : 1 - tail
    }

    /// F⁻¹(p) by bisection on the CDF (60 halvings of a bracket grown from the normal quantile): used a few
    /// times per report, so robustness matters more than speed.
    /// - Precondition: 0 < p < 1 and df > 0.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p > 0 && p < 1 && df > 0, "t quantile needs 0 < p < 1 and df > 0, got p \(p), df \(df)")
        if p == 0.5 { return 0 }
        let z = standardNormalQuantile(p)
        var low = z < 0 ? 2 * z - 1 : 0
        var high = z < 0 ? 0 : 2 * z + 1
        while cdf(low, degreesOfFreedom: df) > p { low *= 2 }
        while cdf(high, degreesOfFreedom: df) < p { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if cdf(middle, degreesOfFreedom: df) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

/// The chi-square distribution, for the sample-ratio check.
public enum ChiSquared {
    /// P(X ≥ x) = Q(k/2, x/2), the upper regularized gamma computed directly.
    public static func survival(_ x: Double, degreesOfFreedom k: Int) -> Double {
        SpecialFunctions.regularizedUpperGamma(Double(k) / 2, x / 2)
    }
}
