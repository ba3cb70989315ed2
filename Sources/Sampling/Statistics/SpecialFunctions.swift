#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact CDFs our distributions are tested against and the statistics are built on: normal (and its inverse),
/// regularized incomplete gamma (both tails) and beta.
///
/// Algorithms from Press et al., Numerical Recipes, 3rd ed. (2007), §6.2 (gamma: series below a + 1, Lentz's
/// continued fraction above) and §6.4 (beta: continued fraction with the symmetry switch). Accurate to ~1e-14.
public enum SpecialFunctions {
    /// ln Γ(x) by the reentrant `lgamma_r`: plain `lgamma` writes the global `signgam`, a data race when
    /// shards sample in parallel.
    public static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// Φ(z) = erfc(−z/√2) / 2.
    public static func standardNormalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// P(a, x) = γ(a, x) / Γ(a), the CDF of Gamma(a, 1) at x.
    public static func regularizedLowerGamma(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        let logPrefix = -x + a * log(x) - logGamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return min(1, sum * exp(logPrefix))
        }
        return max(0, 1 - continuedFractionGamma(a, x) * exp(logPrefix))
    }

    /// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) polished by one Halley step on `erfc`,
    /// which brings it to full double precision. P. J. Acklam, "An algorithm for computing the inverse normal
    /// cumulative distribution function" (2003), as archived at https://web.archive.org/web/20151030215612/
    /// http://home.online.no/~pjacklam/notes/invnorm/. Returns ∓∞ at 0 and 1, NaN outside [0, 1].
    public static func standardNormalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let a = (
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00
        )
        let b = (
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01
        )
        let c = (
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00
        )
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
        let low = 0.02425
        var x: Double
        if p < low || p > 1 - low {
            let q = (-2 * log(p < low ? p : 1 - p)).squareRoot()
            let numerator = ((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5
            let denominator = (((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1
            x = p < low ? numerator / denominator : -numerator / denominator
        } else {
            let q = p - 0.5
            let r = q * q
            let numerator = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
            let denominator = ((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1
            x = numerator / denominator
        }
        // e = Φ(x) − p; for p > ½ written as (1 − p) − Q(x) so the step stays accurate near 1.
        let error = p > 0.5 ? (1 - p) - 0.5 * erfc(x / 2.0.squareRoot()) : standardNormalCDF(x) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Q(a, x) = 1 − P(a, x), computed directly (not by subtraction) where the continued fraction converges,
    /// so small upper tails such as chi-square p-values keep their relative precision.
    public static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        if x < a + 1 { return 1 - regularizedLowerGamma(a, x) }
        let logPrefix = -x + a * log(x) - logGamma(a)
        return min(1, continuedFractionGamma(a, x) * exp(logPrefix))
    }

    private static func continuedFractionGamma(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// I_x(a, b), the CDF of Beta(a, b) at x.
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFractionBeta(x, a, b) / a
        }
        return 1 - exp(logFront) * continuedFractionBeta(1 - x, b, a) / b
    }

    private static func continuedFractionBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
