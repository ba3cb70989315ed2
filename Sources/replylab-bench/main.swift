import Foundation

/// `replylab-bench SCENARIO [options]`: speed and memory goals live here, never in timed unit tests.
let scenarios: [(name: String, summary: String, run: ([String]) throws -> Void)] = [
    ("store", "EventLogWriter vs bare sqlite3_* calls loading message rows [--rows N] [--runs R]", StoreBenchmark.run),
    ("flow", "Flow runtime calls per second on the abandoned-cart flow", FlowBenchmark.run),
    ("messaging", "Outbound gate, segment counting and reply classification per second.", MessagingBenchmark.run),
    (
        "population", "Generate -n customers (default 10^6) from the default spec; goal <= 2 s, <= 300 MB.",
        PopulationBenchmark.run
    ),
    (
        "analyze", "Analyse an -n N customer run (default 10^6) and build its report; goal <= 5 s, flat per customer.",
        AnalyzeBenchmark.run
    ),
    ("csv", "Stream a Twilio-shaped CSV of --mb M (default 200) MB; goal >= 100 MB/s, flat memory.", CSVBenchmark.run),
    (
        "peer-campaign", "SimPy peer campaign -n N -c C --seed S [--variant oneway] [--draws FILE]; goal 50x SimPy.",
        PeerCampaignBenchmark.run
    ),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let scenario = scenarios.first(where: { $0.name == name }) else {
    var usage = "usage: replylab-bench <scenario> [options]\n\nscenarios:\n"
    for scenario in scenarios {
        usage += "  \(scenario.name.padding(toLength: 12, withPad: " ", startingAt: 0))\(scenario.summary)\n"
    }
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
if Measure.isDebugBuild {
    FileHandle.standardError.write(Data("warning: YOU ARE RUNNING replylab-bench IN DEBUG MODE; use -c release\n".utf8))
}
do {
    try scenario.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
