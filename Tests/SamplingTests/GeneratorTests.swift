import Testing

@testable import Sampling

/// Outputs of the published reference implementations, copied from shared/reference/prng-vectors.json
/// (splitmix64.c and xoshiro256starstar.c from https://prng.di.unimi.it, and the customer_draw recipe).
@Suite struct GeneratorTests {
    @Test(arguments: [
        (UInt64(0), [UInt64(0xE220_A839_7B1D_CDAF), 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F]),
        (UInt64(1_234_567), [UInt64(0x599E_D017_FB08_FC85), 0x2C73_F084_5854_0FA5, 0x883E_BCE5_A3F2_7C77]),
    ])
    func splitMix64MatchesReference(seed: UInt64, expected: [UInt64]) {
        var generator = SplitMix64(seed: seed)
        #expect((0..<3).map { _ in generator.next() } == expected)
    }

    @Test func xoshiroFromStateOneTwoThreeFour() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect((0..<3).map { _ in generator.next() } == [0x2D00, 0x0, 0x5A00_7080])
    }

    @Test func xoshiroSeededFromSplitMix64() {
        var generator = Xoshiro256StarStar(seed: 0)
        #expect(generator.state.0 == 0xE220_A839_7B1D_CDAF)
        #expect(generator.state.3 == 0xF88B_B8A8_724C_81EC)
        #expect(
            (0..<3).map { _ in generator.next() } == [
                0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
            ]
        )
    }

    @Test func xoshiroJumpLeavesTheSequence() {
        var plain = Xoshiro256StarStar(seed: 9)
        var jumped = plain
        jumped.jump()
        let ahead = (0..<1_000).map { _ in plain.next() }
        #expect(!ahead.contains(jumped.next()))
    }

    @Test(arguments: [
        (UInt64(0), [UInt64(0x57E1_FABA_6510_7204), 0xF4AB_D143_FEB2_4055, 0x7C81_6738_C129_03B2]),
        (UInt64(999_999), [UInt64(0x06D5_871F_C9EC_0843), 0xB9B7_54AE_91DD_195B, 0x374A_3DE4_EBC6_45C3]),
    ])
    func customerDrawMatchesRecipe(customer: UInt64, expected: [UInt64]) {
        var stream = CustomerStream(seed: 42, customer: customer)
        #expect((0..<3).map { _ in stream.next() } == expected)
        #expect(stream.counter == 3)
    }

    @Test func unitDoubleFromTopBits() {
        var stream = CustomerStream(seed: 42, customer: 0)
        #expect(stream.nextUnit() == 0.34329192209867343)
    }

    @Test func purposesGiveIndependentStreamsAndRandomStreamsAgrees() {
        let cart = StreamPurpose("cart")
        let reply = StreamPurpose("reply")
        #expect(cart.tag != reply.tag)
        // FNV-1a 64 of "a" is the published test value 0xAF63DC4C8601EC8C.
        #expect(StreamPurpose("a").tag == 0xAF63_DC4C_8601_EC8C)
        var a = CustomerStream(seed: 7, customer: 5, purpose: cart)
        var b = CustomerStream(seed: 7, customer: 5, purpose: reply)
        #expect(a.next() != b.next())
        var viaStreams = RandomStreams(seed: 7, purpose: cart).stream(customer: 5)
        var direct = CustomerStream(seed: 7, customer: 5, purpose: cart)
        #expect((0..<5).map { _ in viaStreams.next() } == (0..<5).map { _ in direct.next() })
    }

    @Test func unitIntervalBounds() {
        var generator = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let u = generator.nextUnit()
            #expect(u >= 0 && u < 1)
            let open = generator.nextOpenUnit()
            #expect(open > 0 && open <= 1)
        }
    }
}
