import Foundation
import Sampling
import Testing

@testable import Simulation

@Suite struct SimulationTimeTests {
    @Test func secondsRoundToTheNearestMillisecond() {
        #expect(SimulationTime.seconds(1.2344).milliseconds == 1_234)
        #expect(SimulationTime.seconds(1.2346).milliseconds == 1_235)
        #expect(SimulationTime.seconds(-0.0004).milliseconds == 0)
        let start = SimulationTime(milliseconds: 1_700_000_000_000)
        #expect(start.advanced(by: 60_000).milliseconds(since: start) == 60_000)
        #expect(start + 5 > start && SimulationTime.never > start)
    }

    /// The peer's Double-second instants go through the integer heap by bit pattern: the key order must be the
    /// value order for every non-negative double, including 0, subnormals, neighbours one ulp apart and +∞.
    @Test func peerSecondsKeysOrderAsTheirValues() {
        var source = SplitMix64(seed: 31)
        var values: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, 1, 1.0.nextUp, 3600, .greatestFiniteMagnitude, .infinity,
        ]
        for _ in 0..<10_000 { values.append(-20_000 * log(1 - source.nextUnit())) }
        for a in values.prefix(200) {
            for b in values.suffix(200) {
                let keys = (PeerSeconds(a).eventKey, PeerSeconds(b).eventKey)
                #expect((keys.0 < keys.1) == (a < b) && (keys.0 == keys.1) == (a == b), "\(a) vs \(b)")
            }
        }
        for value in values {
            #expect(PeerSeconds(eventKey: PeerSeconds(value).eventKey).seconds == value)
        }
    }
}
