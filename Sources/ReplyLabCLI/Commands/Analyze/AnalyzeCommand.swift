import Analytics
import Foundation
import JSONDocument
import Reports
import Store

/// `replylab analyze --db FILE [--run ID] --out DIR [--window PRESET] [--print-sql] [--show-numbers]`.
struct AnalyzeCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "analyze",
            abstract: "Analyse a run of an event log: index.html with every metric and test, and a CSV per table.",
            discussion: """
                Works alike on simulated and imported runs. Every rate names its numerator, denominator and window; \
                every comparison names its test (z-test with Wilson and Newcombe intervals for rates, Welch for \
                money, Holm across decision metrics, a sample-ratio check first). The report is one self-contained \
                HTML file; phone numbers in text are masked unless --show-numbers. Window presets: \
                \(AttributionWindow.presets.map(\.name).joined(separator: ", ")); add overrides such as \
                'cart72h,conversion=5d,reply=48h'. Without --window, the run's own attribution (window_days in its \
                configuration) is used when it has one, else 'replylab'.
                """,
            options: [
                .option("db", value: "file", help: "The event-log SQLite file (read only)."),
                .option("run", value: "id", help: "The run to analyse; the latest when left out."),
                .option("out", short: "o", value: "dir", help: "Folder for index.html and the CSV files (created)."),
                .option("window", value: "preset", help: "Attribution window preset, optionally with overrides."),
                .option("baseline", value: "variant", help: "The arm others are compared with (default: one-way)."),
                .option(
                    "brand-cap",
                    value: "none|standard",
                    help: "Brand caps the audit section holds the run to, as 'replylab audit' (default none)."
                ),
                .flag("print-sql", help: "Print every query as it runs (portable SQL, runs on DuckDB too)."),
                .flag("show-numbers", help: "Show phone numbers found in text instead of masking them."),
            ]
        )
    }

    let database: String
    let runID: Int64?
    let folder: String?
    let window: AttributionWindow?
    let baseline: String?
    let printSQL: Bool
    let showNumbers: Bool
    let auditPolicy: AuditPolicy

    init(arguments: ParsedArguments) throws {
        guard let database = arguments.value("db"), !database.isEmpty else {
            throw UsageError("say which event log to read: --db runs.sqlite")
        }
        self.database = database
        runID = try arguments.integer("run", in: 1...Int.max).map(Int64.init)
        folder = arguments.value("out")
        printSQL = arguments.flag("print-sql")
        guard folder != nil || printSQL else {
            throw UsageError("say where the report goes: --out reports/run1 (or --print-sql to see the queries)")
        }
        do {
            window = try arguments.value("window").map(AttributionWindow.parse)
        } catch {
            throw UsageError(error.description)
        }
        baseline = arguments.value("baseline")
        showNumbers = arguments.flag("show-numbers")
        switch arguments.value("brand-cap") ?? "none" {
        case "none": auditPolicy = AuditPolicy(brandCap: .none)
        case "standard": auditPolicy = AuditPolicy(brandCap: .standard)
        case let other: throw UsageError("--brand-cap expects none or standard, got '\(other)'")
        }
    }

    func run(_ console: Console) throws -> Int32 {
        guard FileManager.default.fileExists(atPath: database) else {
            console.err("error: \(database) does not exist: simulate or import a run into it first")
            return ExitStatus.failure
        }
        let db = try Database(path: database, mode: .readOnly)
        guard let id = try runID ?? Analysis.latestRun(in: db) else {
            throw AnalysisError.emptyLog(path: database)
        }
        let window = try self.window ?? Self.configuredWindow(db, run: id) ?? .replylab
        if printSQL {
            for (query, sql) in Analysis.queries(run: id, window: window) {
                console.out("-- \(query.name): \(query.purpose)")
                console.out(sql + ";")
                console.out()
            }
        }
        guard let folder else { return ExitStatus.success }
        let analysis = try Analysis.compute(database: db, runID: id, window: window)
        if let baseline, analysis.arms.first(where: { $0.name == baseline }) == nil {
            throw UsageError(
                "no variant '\(baseline)' in run \(id); variants: \(analysis.arms.map(\.name).joined(separator: ", "))"
            )
        }
        // The audit joins the report when the run is one it can judge (simulated or imported).
        let audit = try? ComplianceAudit.run(db, runID: id, policy: auditPolicy)
        let options = AnalysisReport.Options(baseline: baseline, audit: audit.map { AuditReport(from: $0) })
        let paths = try AnalysisReport.write(
            analysis,
            to: folder,
            options: options,
            reportOptions: ReportOptions(showNumbers: showNumbers)
        )
        let csvCount = paths.filter { $0.hasSuffix(".csv") && !$0.hasSuffix(".columns.csv") }.count
        console.out("Wrote \(paths.first ?? folder) and \(csvCount) CSV files (each with a .columns.csv side-car).")
        // Three lines: the audit's outcome closes the guardrails line rather than adding a fourth.
        var verdict = AnalysisReport.verdict(analysis, options: options)
        if let audit, !verdict.isEmpty {
            let findings = audit.findings.count
            let last = verdict.removeLast()
            let stem = last.hasSuffix(".") ? String(last.dropLast()) : last
            verdict.append(
                stem
                    + (findings == 0
                        ? "; compliance audit clean."
                        : "; compliance audit: \(findings) finding\(findings == 1 ? "" : "s") (see the report or 'replylab audit').")
            )
        }
        for line in verdict { console.out("  " + line) }
        return ExitStatus.success
    }

    /// The run's own attribution window (`"attribution": {"window_days": N}` in its configuration, or in the
    /// experiment it records), if it has one.
    static func configuredWindow(_ database: Database, run id: Int64) throws -> AttributionWindow? {
        guard let run = try EventLogReader(database: database).runs().first(where: { $0.id == id }),
            let config = try? JSONParser.parse(run.configJSON),
            case .number(let days)? = (config["attribution"] ?? config["experiment"]?["attribution"])?["window_days"],
            days >= 1, days <= 365, days == days.rounded()
        else { return nil }
        var window = AttributionWindow.replylab
        window.name = "run configuration"
        window.conversionMilliseconds = Int64(days) * 86_400_000
        window.source = "the run's configured attribution: order within \(Int(days)) d of t0"
        return window
    }
}
