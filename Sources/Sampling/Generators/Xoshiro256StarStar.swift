/// xoshiro256**: the general-purpose generator for long sequences (period 2^256 − 1).
///
/// Blackman & Vigna, "Scrambled Linear Pseudorandom Number Generators", ACM TOMS 47(4), 2021,
/// https://doi.org/10.1145/3460772; matches the reference `xoshiro256starstar.c` from https://prng.di.unimi.it.
/// Seed it from SplitMix64 (`init(seed:)`), as the authors advise, so the state is never all zeros.
public struct Xoshiro256StarStar: RandomSource, Sendable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Fills the four state words with four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        state = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    }

    /// Uses `state` as given, for reproducing published vectors.
    /// - Precondition: not all four words are zero (the one state the generator cannot leave).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** cannot start from the all-zero state")
        self.state = state
    }

    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = Self.rotateLeft(state.3, by: 45)
        return result
    }

    /// Advances 2^128 steps, giving 2^128 non-overlapping subsequences (the reference `jump()`).
    public mutating func jump() {
        let polynomial: [UInt64] = [
            0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C,
        ]
        var jumped: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0..<64 {
                if word & (UInt64(1) << UInt64(bit)) != 0 {
                    jumped.0 ^= state.0
                    jumped.1 ^= state.1
                    jumped.2 ^= state.2
                    jumped.3 ^= state.3
                }
                _ = next()
            }
        }
        state = jumped
    }

    static func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
