import Analytics
import Foundation
import Reports
import Store

/// `replylab-bench analyze [-n N] [--runs R] [--keep FILE]`: times `Analysis.compute` (every metric query) and the
/// report (document, HTML and CSV bytes) on an N-customer synthetic run in a temporary file. Goal: ≤ 5 s at
/// N = 10^6 and flat per customer. `--keep` leaves the event log at FILE, e.g. to run `replylab analyze` on it.
enum AnalyzeBenchmark {
    static func run(_ arguments: [String]) throws {
        var customers = 1_000_000
        var runs = 1
        var keep: String?
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "-n", "--customers": customers = Int(value.filter { $0 != "_" }) ?? customers
            case "--runs": runs = Int(value) ?? runs
            case "--keep": keep = value
            default: throw BenchmarkFailure("unknown option \(arguments[index]); options: -n N, --runs R, --keep FILE")
            }
            index += 2
        }
        let path =
            keep
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "replylab-bench-analyze-\(getpid()).sqlite"
            ).path
        try? FileManager.default.removeItem(atPath: path)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }

        let buildStart = DispatchTime.now().uptimeNanoseconds
        try AnalyzeRunGenerator(customers: customers, seed: 42).write(into: try Database(path: path))
        let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
        print("built \(customers) customers in \(String(format: "%.2f", buildSeconds)) s (untimed)")

        var analysisSeconds: [Double] = []
        var reportSeconds: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            let database = try Database(path: path, mode: .readOnly)
            let start = DispatchTime.now().uptimeNanoseconds
            let analysis = try Analysis.compute(database: database)
            let middle = DispatchTime.now().uptimeNanoseconds
            let files = ReportBundle.files(AnalysisReport.document(analysis))
            let end = DispatchTime.now().uptimeNanoseconds
            bytes = files.reduce(0) { $0 + $1.bytes.count }
            analysisSeconds.append(Double(middle - start) / 1e9)
            reportSeconds.append(Double(end - middle) / 1e9)
        }
        let analysis = Measurement(samples: analysisSeconds)
        let report = Measurement(samples: reportSeconds)
        let total = analysis.median + report.median
        print(
            "analyze n=\(customers): queries \(String(format: "%.2f", analysis.median)) s, report "
                + "\(String(format: "%.2f", report.median)) s, total \(String(format: "%.2f", total)) s "
                + "(\(String(format: "%.2f", total / Double(customers) * 1e6)) µs per customer; goal ≤ 5 s at 10^6), "
                + "\(bytes) report bytes, peak RSS \((Measure.peakResidentBytes() ?? 0) / 1_048_576) MB"
        )
    }
}
