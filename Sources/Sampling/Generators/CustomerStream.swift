/// What a stream of draws is for ("cart", "reply-decision"…): each purpose gets its own derived seed, so adding
/// a draw to one step of the model never shifts the numbers of another.
public struct StreamPurpose: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// FNV-1a 64 of the UTF-8 name: stable across processes and platforms, unlike `Hasher`.
    public let tag: UInt64

    public init(_ name: String) {
        self.name = name
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        tag = hash
    }

    /// `mix64(seed ^ tag)`: the seed the purpose's customer streams are keyed from.
    public func derivedSeed(from seed: UInt64) -> UInt64 {
        SplitMix64.mix(seed ^ tag)
    }

    public var description: String { name }
}

/// A counter-based stream of draws for one customer: draw k is a pure function of (seed, customer, k).
///
/// `draw(seed, c, k) = mix64(mix64(seed + G·(c+1)) + G·(k+1))` with G = 0x9E3779B97F4A7C15 (the
/// `customer_draw` recipe of the reference vectors). Customer i's numbers therefore do not depend on how many
/// customers there are, on the order they are processed in, on threads, or on the experiment arm (common random
/// numbers). Collisions between two customers' short sequences have probability about K·N²/2^64.
public struct CustomerStream: RandomSource, Sendable {
    /// `mix64(seed + G·(customer+1))`, computed once.
    public let key: UInt64
    /// How many draws have been taken so far.
    public private(set) var counter: UInt64

    /// The raw stream of the reference recipe, with no purpose mixed in.
    public init(seed: UInt64, customer: UInt64) {
        key = SplitMix64.mix(seed &+ SplitMix64.golden &* (customer &+ 1))
        counter = 0
    }

    /// The stream for `customer` and `purpose` under the run's `seed`.
    public init(seed: UInt64, customer: UInt64, purpose: StreamPurpose) {
        self.init(seed: purpose.derivedSeed(from: seed), customer: customer)
    }

    public mutating func next() -> UInt64 {
        counter &+= 1
        return SplitMix64.mix(key &+ SplitMix64.golden &* counter)
    }
}

/// The run's seed with a purpose fixed: hands out one customer's stream at a time without re-deriving the seed.
public struct RandomStreams: Sendable {
    public let seed: UInt64
    public let purpose: StreamPurpose
    private let purposeSeed: UInt64

    public init(seed: UInt64, purpose: StreamPurpose) {
        self.seed = seed
        self.purpose = purpose
        purposeSeed = purpose.derivedSeed(from: seed)
    }

    /// `stream(seed, customer, purpose)`: identical to `CustomerStream(seed:customer:purpose:)`.
    public func stream(customer: Int) -> CustomerStream {
        CustomerStream(seed: purposeSeed, customer: UInt64(customer))
    }
}
