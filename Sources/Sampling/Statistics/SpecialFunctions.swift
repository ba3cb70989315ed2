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

    /// Φ⁻¹(p) by Wichura's AS241 PPND16 (Applied Statistics 37(3), 1988, https://doi.org/10.2307/2347330),
    /// relative error about 1e-16, written operation for operation as CPython's
    /// `statistics._normal_dist_inv_cdf`, so the SimPy peer's order values replay bit for bit.
    /// Returns ∓∞ at 0 and 1, NaN outside [0, 1]. O(1).
    public static func standardNormalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num =
                (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r
                    + 4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                    + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) * q
            let den =
                (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r
                    + 2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                    + 4.2313330701600911252e+1) * r + 1.0)
            return num / den
        }
        var r = q <= 0.0 ? p : 1.0 - p
        r = sqrt(-log(r))
        let num: Double
        let den: Double
        if r <= 5.0 {
            r = r - 1.6
            num =
                (((((((7.7454501427834140764e-4 * r + 2.2723844989269184583e-2) * r + 2.4178072517745061177e-1) * r
                    + 1.2704582524523683826e+0) * r + 3.6478483247632046050e+0) * r + 5.7694972214606914055e+0) * r
                    + 4.6303378461565452959e+0) * r + 1.4234371107496835773e+0)
            den =
                (((((((1.0507500716444168432e-9 * r + 5.4759380849953449460e-4) * r + 1.5198666563616457197e-2) * r
                    + 1.4810397642748007459e-1) * r + 6.8976733498510000455e-1) * r + 1.6763848301838038494e+0) * r
                    + 2.0531916266377588219e+0) * r + 1.0)
        } else {
            r = r - 5.0
            num =
                (((((((2.0103343992922881327e-7 * r + 2.7115555687434875782e-5) * r + 1.2426609473880784386e-3) * r
                    + 2.6532189526576123093e-2) * r + 2.9656057182850489123e-1) * r + 1.7848265399172913358e+0) * r
                    + 5.4637849111641143699e+0) * r + 6.6579046435011037772e+0)
            den =
                (((((((2.0442631033899397856e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.8686913114561325910e-4) * r + 1.4875361290850614853e-2) * r + 1.3692988092273580531e-1) * r
                    + 5.9983220655588793769e-1) * r + 1.0)
        }
        let x = num / den
        return q < 0.0 ? -x : x
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
