#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of uniformly distributed 64-bit words that we turn into numbers ourselves.
///
/// We do not conform to the standard library's `RandomNumberGenerator` on purpose: its `random(in:using:)` and
/// `shuffled(using:)` "may change in a future version of Swift", and a conformance would invite them. Every
/// conversion from bits to numbers below is ours and fixed, so a seed means the same numbers forever.
public protocol RandomSource {
    /// The next 64 uniformly distributed bits.
    mutating func next() -> UInt64
}

extension RandomSource {
    /// A uniform double in [0, 1) from the top 53 bits: `Double(x >> 11) * 2^-53`, every value a multiple of 2^-53.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in (0, 1]: `1 - nextUnit()`, safe to take the logarithm of.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        1.0 - nextUnit()
    }

    /// A uniform integer in 0..<`bound` with no modulo bias, by Lemire's multiply-shift with its rejection loop.
    ///
    /// Lemire, "Fast Random Integer Generation in an Interval", ACM TOMACS 29(1), 2019,
    /// https://doi.org/10.1145/3230636. Usually one draw; a second only with probability < bound / 2^64.
    /// - Precondition: `bound > 0`.
    @inlinable
    public mutating func nextBounded(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "nextBounded needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform index in 0..<`count`.
    /// - Precondition: `count > 0`.
    @inlinable
    public mutating func nextIndex(_ count: Int) -> Int {
        Int(truncatingIfNeeded: nextBounded(UInt64(count)))
    }

    /// True with probability `probability` (one draw; false for p ≤ 0, true for p ≥ 1).
    @inlinable
    public mutating func nextBernoulli(_ probability: Double) -> Bool {
        nextUnit() < probability
    }
}
