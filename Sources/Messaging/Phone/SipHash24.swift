/// SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012): a keyed 64-bit hash that is
/// the same on every machine, unlike Swift's per-process seeded `Hasher`.
struct SipHash24 {
    let key0: UInt64
    let key1: UInt64

    /// Hashes `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    func hash(_ bytes: [UInt8]) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ key0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ key1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ key0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ key1

        func round() {
            v0 &+= v1
            v1 = v1.rotatedLeft(13)
            v1 ^= v0
            v0 = v0.rotatedLeft(32)
            v2 &+= v3
            v3 = v3.rotatedLeft(16)
            v3 ^= v2
            v0 &+= v3
            v3 = v3.rotatedLeft(21)
            v3 ^= v0
            v2 &+= v1
            v1 = v1.rotatedLeft(17)
            v1 ^= v2
            v2 = v2.rotatedLeft(32)
        }

        let fullWords = bytes.count / 8
        for word in 0..<fullWords {
            var m: UInt64 = 0
            for byte in 0..<8 { m |= UInt64(bytes[word * 8 + byte]) << (8 * UInt64(byte)) }
            v3 ^= m
            round()
            round()
            v0 ^= m
        }
        var last = UInt64(truncatingIfNeeded: bytes.count) << 56
        for byte in 0..<(bytes.count % 8) { last |= UInt64(bytes[fullWords * 8 + byte]) << (8 * UInt64(byte)) }
        v3 ^= last
        round()
        round()
        v0 ^= last
        v2 ^= 0xff
        round()
        round()
        round()
        round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}

extension UInt64 {
    func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
