import Foundation
import Ingest
import Simulation

/// `replylab-bench peer-campaign [-n N] [-c C] [--seed S] [--variant conversational|oneway] [--draws FILE]`: the
/// SimPy peer's campaign (`/work/shared/bench/README.md`) on our kernel and `AgentPool`, printing one JSON object
/// with `simpy_campaign.py`'s keys. `--draws` replays that script's `--dump-draws` file, and must then print the
/// same outcome (and `outcome_sha256`). Goal at N = 10^6: at least 50× SimPy's wall time, at most 300 MB.
enum PeerCampaignBenchmark {
    static func run(_ arguments: [String]) throws {
        var customers: Int?
        var agents = 20
        var seed: UInt64 = 42
        var variant = PeerCampaign.Variant.conversational
        var drawsPath: String?
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else {
                throw PeerCampaignBenchmarkError("\(arguments[index - 1]) needs a value")
            }
            return arguments[index]
        }
        func number<T: FixedWidthInteger>(_ text: String, _ option: String) throws -> T {
            guard let parsed = T(text.replacingOccurrences(of: "_", with: "")), parsed > 0 || option == "--seed" else {
                throw PeerCampaignBenchmarkError("\(option) needs a positive whole number, got \(text)")
            }
            return parsed
        }
        while index < arguments.count {
            let option = arguments[index]
            switch option {
            case "-n", "--customers": customers = try number(try value(), option)
            case "-c", "--agents": agents = try number(try value(), option)
            case "--seed": seed = try number(try value(), option)
            case "--variant":
                let name = try value()
                guard let chosen = PeerCampaign.Variant(rawValue: name) else {
                    throw PeerCampaignBenchmarkError("--variant is conversational or oneway, got \(name)")
                }
                variant = chosen
            case "--draws": drawsPath = try value()
            default:
                throw PeerCampaignBenchmarkError(
                    "unknown option \(option); expected -n, -c, --seed, --variant, --draws"
                )
            }
            index += 1
        }

        var recorded: RecordedPeerDraws?
        if let drawsPath {
            let draws = try RecordedPeerDraws(csv: String(contentsOfFile: drawsPath, encoding: .utf8))
            let available = draws.customerCount ?? 0
            guard (customers ?? available) >= 1, (customers ?? available) <= available else {
                throw PeerCampaignBenchmarkError("\(drawsPath) has draws for \(available) customers, not \(customers!)")
            }
            customers = customers ?? available
            recorded = draws
        }
        // Timed from here: reading the draws file is not part of the simulation.
        let cpuStart = cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome =
            if let recorded {
                PeerCampaign.run(customers: customers!, agents: agents, variant: variant, draws: recorded)
            } else {
                PeerCampaign.run(
                    customers: customers ?? 100_000,
                    agents: agents,
                    variant: variant,
                    draws: SeededPeerDraws(seed: seed)
                )
            }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = cpuSeconds() - cpuStart
        guard outcome.poolConserved else { throw PeerCampaignBenchmarkError("the agent queue lost a chat") }

        let summary = outcome.summary(seed: seed)
        let digestKeys = summary.sorted { $0.key < $1.key }
        let digestText = "{" + digestKeys.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        var digest = SHA256()
        digest.update(Array(digestText.utf8))
        let events = Double(outcome.events)
        let timing: [(key: String, value: PeerValue)] = [
            ("engine", .string("replylab EventQueue + AgentPool")),
            ("python", .null),
            ("variant", .string(variant.rawValue)),
            ("mode", .string(drawsPath == nil ? "lazy" : "lazy, replaying \(drawsPath!)")),
            ("seed", .int(Int64(bitPattern: seed))),
            ("customers", .int(Int64(outcome.customers))),
            ("agents", .int(Int64(agents))),
            ("events", .int(Int64(outcome.events))),
            ("heap_after_setup", .int(Int64(outcome.heapAfterSetup))),
            ("setup_s", .double(0)),
            ("run_s", .double(PeerValue.pythonRound(wall, 3))),
            ("wall_s", .double(PeerValue.pythonRound(wall, 3))),
            ("events_per_s", .int(Int64((events / wall).rounded()))),
            ("cpu_s", .double(PeerValue.pythonRound(cpu, 3))),
            ("events_per_cpu_s", .int(Int64((events / max(cpu, 1e-9)).rounded()))),
        ]
        let outcomeFields = summary.filter { !["variant", "seed", "customers", "agents"].contains($0.key) }
        let rss = Measure.peakResidentBytes().map { PeerValue.double(PeerValue.pythonRound(Double($0) / 1_048_576, 1)) }
        let fields =
            timing + outcomeFields + [
                ("peak_rss_mb", rss ?? .null), ("outcome_sha256", .string(String(digest.finalizeHex().prefix(16)))),
            ]
        print("{\n" + fields.map { " \"\($0.key)\": \($0.value)" }.joined(separator: ",\n") + "\n}")
    }

    /// User + system CPU seconds of this process, like Python's `time.process_time()`.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}

/// A misused `peer-campaign` option.
struct PeerCampaignBenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
