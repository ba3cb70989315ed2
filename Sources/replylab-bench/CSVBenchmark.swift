import Foundation
import Ingest
import Sampling

/// `replylab-bench csv [--mb M] [--runs R] [--seed S]`: the streaming CSV reader over a Twilio-shaped message log
/// of about M MB (default 200) written to a temporary file; goal ≥ 100 MB/s (release). Every field's bytes are
/// summed, so the optimiser cannot skip the work. Also reports the same read with SHA-256 on (what an import does)
/// and the peak RSS, which must stay flat whatever M is.
enum CSVBenchmark {
    static func run(_ arguments: [String]) throws {
        var megabytes = 200
        var runs = 5
        var seed: UInt64 = 7
        var index = 0
        while index < arguments.count {
            guard index + 1 < arguments.count, let value = UInt64(arguments[index + 1]), value > 0 else {
                throw BenchmarkFailure("\(arguments[index]) expects a positive whole number")
            }
            switch arguments[index] {
            case "--mb": megabytes = Int(value)
            case "--runs": runs = Int(value)
            case "--seed": seed = value
            default: throw BenchmarkFailure("unknown option \(arguments[index]); use --mb, --runs or --seed")
            }
            index += 2
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-bench-csv-\(getpid()).csv")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (bytes, rows) = try TwilioShapedLog.write(path: path, megabytes: megabytes, seed: seed)
        let rssBefore = Measure.peakResidentBytes() ?? -1

        let (plain, checksum) = try Measure.seconds(runs: runs) { try read(path: path, hashing: false) }
        let (hashed, _) = try Measure.seconds(runs: runs) { try read(path: path, hashing: true) }
        let megabytesRead = Double(bytes) / 1_000_000
        print(
            Measure.jsonLine([
                "scenario": "csv",
                "bytes": bytes,
                "rows": rows,
                "runs": runs,
                "mb_per_s": (megabytesRead / plain.median).rounded(),
                "mb_per_s_with_sha256": (megabytesRead / hashed.median).rounded(),
                "seconds": ["median": plain.median, "min": plain.minimum, "max": plain.maximum],
                "seconds_with_sha256": ["median": hashed.median, "min": hashed.minimum, "max": hashed.maximum],
                "checksum": checksum,
                "peak_rss_bytes_before_reading": rssBefore,
                "peak_rss_bytes": Measure.peakResidentBytes() ?? -1,
                "goal": "mb_per_s >= 100",
            ])
        )
    }

    /// Reads every row and sums every field's bytes.
    static func read(path: String, hashing: Bool) throws -> Int {
        let reader = try CSVReader(path: path, hashing: hashing)
        var checksum = 0
        while try reader.next() {
            for field in 0..<reader.fieldCount {
                checksum &+= reader.withField(field) { bytes in
                    var sum = bytes.count
                    for byte in bytes { sum &+= Int(byte) }
                    return sum
                }
            }
        }
        return checksum &+ (reader.sha256Hex?.utf8.count ?? 0)
    }
}

/// A Twilio Console-shaped message log with realistic bodies: commas, doubled quotes, line breaks, emoji.
enum TwilioShapedLog {
    static let header =
        "From,To,Body,Status,SentDate,ApiVersion,NumSegments,ErrorCode,AccountSid,Sid,Direction,Price,"
        + "PriceUnit\r\n"
    static let bodies = [
        "Hi Sam, your cart is waiting! Reply YES to check out or STOP to opt out.",
        "yes",
        "Do you have it in a size 10? \"Blue\" please",
        "Thanks!\nSee you soon 😀",
        "STOP",
        "What time do you close, and is parking free?",
        "Your order #1042 has shipped. Track it at https://example.com/t/1042",
    ]

    /// Writes about `megabytes` MB; returns the bytes and data rows written.
    static func write(path: String, megabytes: Int, seed: UInt64) throws -> (bytes: Int, rows: Int) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw BenchmarkFailure("cannot create \(path)") }
        defer { try? handle.close() }
        var random = Xoshiro256StarStar(seed: seed)
        var chunk = Array(header.utf8)
        var written = 0
        var rows = 0
        let target = megabytes * 1_000_000
        while written + chunk.count < target {
            let customer = "+1415555\(String(1000 + random.nextBounded(9000)))"
            let inbound = random.nextBernoulli(0.4)
            var body = bodies[random.nextIndex(bodies.count)]
            body = body.replacingOccurrences(of: "\"", with: "\"\"")
            let second = 10 + random.nextBounded(50)
            let sid = String(format: "SM%016llx%016llx", random.next(), random.next())
            let line =
                (inbound ? "\(customer),+18885550100" : "+18885550100,\(customer)")
                + ",\"\(body)\",\(inbound ? "received" : "delivered"),2025-11-29T14:05:\(second)Z,2010-04-01,1,,"
                + "AC0123456789abcdef0123456789abcdef,\(sid),\(inbound ? "inbound" : "outbound-api"),-0.00790,USD\r\n"
            chunk.append(contentsOf: line.utf8)
            rows += 1
            if chunk.count > 1 << 20 {
                try handle.write(contentsOf: chunk)
                written += chunk.count
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: chunk)
        written += chunk.count
        return (written, rows)
    }
}
