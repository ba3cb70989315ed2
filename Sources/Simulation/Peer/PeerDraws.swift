import Sampling

/// Where the peer scenario's eight uniforms per customer come from: u0…u7 = deliver, read, reply?, reply delay,
/// question?, service, convert?, order value (the order of `simpy_campaign.py`).
public protocol PeerDraws: Sendable {
    /// How many customers have draws; nil when any number can be drawn.
    var customerCount: Int? { get }
    /// Uniform `k` (0…7) of `customer`.
    func uniform(_ customer: Int, _ k: Int) -> Double
}

/// Our own draws: customer i's uniforms are draws 0…7 of its counter-based `CustomerStream` under purpose
/// "peer-campaign", so they do not depend on N, on the variant or on processing order.
public struct SeededPeerDraws: PeerDraws {
    public let streams: RandomStreams

    public init(seed: UInt64) {
        streams = RandomStreams(seed: seed, purpose: StreamPurpose("peer-campaign"))
    }

    public var customerCount: Int? { nil }

    public func uniform(_ customer: Int, _ k: Int) -> Double {
        var stream = streams.stream(customer: customer)
        for _ in 0..<k { _ = stream.next() }
        return stream.nextUnit()
    }
}

/// SimPy's own draws, read from `simpy_campaign.py --dump-draws FILE`: one row per customer, repr floats, which
/// `Double(_:)` reads back to the identical double.
public struct RecordedPeerDraws: PeerDraws {
    /// Customer-major: customer i's u_k is `values[8 * i + k]`.
    public let values: ContiguousArray<Double>

    public var customerCount: Int? { values.count / PeerCampaign.drawsPerCustomer }

    public func uniform(_ customer: Int, _ k: Int) -> Double {
        values[PeerCampaign.drawsPerCustomer * customer + k]
    }

    /// Parses the CSV text (header `customer,u_deliver,…,u_order`, rows in customer order).
    public init(csv text: String) throws(PeerDrawsError) {
        var values = ContiguousArray<Double>()
        var line = 0
        var expected = 0
        for row in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            line += 1
            if line == 1 {
                guard row.starts(with: "customer,".utf8) else { throw PeerDrawsError(line: 1, reason: "no header") }
                continue
            }
            let fields = row.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count == PeerCampaign.drawsPerCustomer + 1 else {
                throw PeerDrawsError(line: line, reason: "expected 9 fields, got \(fields.count)")
            }
            guard let customer = Int(Substring(fields[0])), customer == expected else {
                throw PeerDrawsError(line: line, reason: "customer \(expected) expected")
            }
            for field in fields.dropFirst() {
                guard let value = Double(Substring(field)), value >= 0, value < 1 else {
                    throw PeerDrawsError(line: line, reason: "not a uniform in [0, 1): \(Substring(field))")
                }
                values.append(value)
            }
            expected += 1
        }
        self.values = values
    }
}

/// A draws file that is not what `--dump-draws` writes, with the line.
public struct PeerDrawsError: Error, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public var description: String { "draws file line \(line): \(reason)" }
}
