#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import EventLog
import Sampling

/// The carrier between the brand's numbers and a handset: latency, Twilio's error codes at the experiment's rates,
/// and Twilio-shaped message Sids.
///
/// Number-level faults (30005 unknown number, 30006 landline, 21610 opted out at the carrier) are drawn once per
/// customer, so every text to that number fails alike; 30003 (unreachable) and 30007 (filtered) are drawn per
/// message. After an opt-out the carrier delivers nothing but the confirmation, as Twilio blocks a number that
/// texted STOP (error 21610), whatever the brand's software would have sent.
struct Carrier: Sendable {
    let errors: WorldParameters.CarrierErrors
    let latency: DelayDistribution

    init(_ parameters: WorldParameters.Carrier) {
        errors = parameters.errors
        latency = DelayDistribution(parameters.latencySeconds, unitMilliseconds: 1_000)
    }

    /// The number-level fault of one customer, drawn from the customer's carrier stream.
    func numberFault<Source: RandomSource>(_ source: inout Source) -> Int64? {
        let draw = source.nextUnit()
        var edge = errors.unknownNumber
        if draw < edge { return 30005 }
        edge += errors.landline
        if draw < edge { return 30006 }
        edge += errors.carrierOptOut
        if draw < edge { return 21610 }
        return nil
    }

    /// What happened to one outbound text.
    struct Outcome {
        var status: MessageStatus
        var errorCode: Int64?
        /// When it reached the handset; nil when it did not.
        var deliveredAt: Int64?
        /// False when Twilio does not bill it (a send refused with 21610 never left).
        var billed: Bool
    }

    /// Sends one text at `at`.
    /// - Parameters:
    ///   - numberFault: the customer's number-level fault, if any.
    ///   - optedOut: the number texted STOP earlier; only the compliance confirmation still goes.
    func transmit<Source: RandomSource>(
        at: Int64,
        isCompliance: Bool,
        numberFault: Int64?,
        optedOut: Bool,
        _ source: inout Source
    ) -> Outcome {
        if (optedOut && !isCompliance) || numberFault == 21610 {
            return Outcome(status: .failed, errorCode: 21610, deliveredAt: nil, billed: false)
        }
        if let numberFault { return Outcome(status: .undelivered, errorCode: numberFault, deliveredAt: nil, billed: true) }
        let draw = source.nextUnit()
        if draw < errors.unreachable {
            return Outcome(status: .undelivered, errorCode: 30003, deliveredAt: nil, billed: true)
        }
        if draw < errors.unreachable + errors.filtered {
            return Outcome(status: .undelivered, errorCode: 30007, deliveredAt: nil, billed: true)
        }
        return Outcome(status: .delivered, errorCode: nil, deliveredAt: at + latency.sample(&source), billed: true)
    }

    /// A Twilio message Sid: "SM" and 32 lower-case hex digits (128 bits from the customer's Sid stream).
    static func sid<Source: RandomSource>(_ source: inout Source) -> String {
        var bytes = [UInt8](repeating: 0, count: 34)
        bytes[0] = UInt8(ascii: "S")
        bytes[1] = UInt8(ascii: "M")
        let digits = Array("0123456789abcdef".utf8)
        for half in 0..<2 {
            let word = source.next()
            for nibble in 0..<16 {
                bytes[2 + half * 16 + nibble] = digits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A positive delay in milliseconds: log-normal from a mean and spread, exponential from a mean alone.
struct DelayDistribution: Sendable {
    let logNormal: LogNormal?
    let exponentialMean: Double
    /// Milliseconds per unit of the parameters (60 000 for minutes).
    let unit: Double

    init(_ parameters: MeanAndSpread, unitMilliseconds: Double) {
        unit = unitMilliseconds
        exponentialMean = parameters.mean
        logNormal = parameters.standardDeviation.flatMap { try? LogNormal(mean: parameters.mean, standardDeviation: $0) }
    }

    /// One delay, at least 1 ms.
    func sample<Source: RandomSource>(_ source: inout Source) -> Int64 {
        let value: Double
        if let logNormal {
            value = logNormal.sample(&source)
        } else {
            value = -exponentialMean * log(source.nextOpenUnit())
        }
        return max(1, Int64((value * unit).rounded()))
    }
}
