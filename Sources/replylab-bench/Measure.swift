import Foundation

/// Timing and memory figures for one benchmark, after NIOPerformanceTester: a warm-up, then N samples.
struct Measurement {
    var samples: [Double]

    var median: Double {
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
    var minimum: Double { samples.min() ?? .nan }
    var maximum: Double { samples.max() ?? .nan }
}

enum Measure {
    /// Runs `body` once to warm up, then `runs` times, and returns the wall-clock seconds of each timed run.
    /// `body` returns a checksum that is printed, so the optimiser cannot drop the work.
    static func seconds(runs: Int, warmUp: Bool = true, _ body: () throws -> Int) rethrows -> (Measurement, Int) {
        var checksum = 0
        if warmUp { checksum = try body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            checksum = try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (Measurement(samples: samples), checksum)
    }

    /// Peak resident set size of this process in bytes (VmHWM from /proc), or nil where /proc is absent.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }
            return digits.first.map { $0 * 1024 }
        }
        return nil
    }

    /// True in a debug build, where figures mean nothing.
    static var isDebugBuild: Bool {
        var debug = false
        assert(
            {
                debug = true
                return true
            }()
        )
        return debug
    }

    /// One JSON object on one line, keys sorted, so runs diff cleanly.
    static func jsonLine(_ fields: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
