/// SplitMix64: a 64-bit-state generator whose output function is a strong 64-bit mixer.
///
/// Steele, Lea & Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014,
/// https://doi.org/10.1145/2660193.2660195; the reference C is Vigna's `splitmix64.c` (https://prng.di.unimi.it).
/// We use it to seed xoshiro256** and, through `mix(_:)`, as the hash behind counter-based customer streams.
public struct SplitMix64: RandomSource, Sendable {
    /// The golden-ratio increment 0x9E3779B97F4A7C15 (2^64 / φ, odd), the "gamma" of the paper.
    public static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The whole state: a Weyl sequence advanced by `golden` before every output.
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= Self.golden
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser (Stafford's "Mix13" variant): a bijection on 64-bit words that scatters every input bit.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
