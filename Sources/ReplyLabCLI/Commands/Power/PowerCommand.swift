import Analytics

/// `replylab power --baseline 0.20 --mde 0.02`: units per arm to detect an absolute change in a rate.
struct PowerCommand: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "power",
            abstract: "Sample size per arm to detect a change in a rate (two-proportion z-test).",
            discussion: """
                Example: replylab power --baseline 0.20 --mde 0.02
                --mde is an absolute change in the rate (0.02 = two percentage points), not a relative lift. \
                JSON keys: n_per_arm, n_exact, baseline, mde, alpha, power, formula, method.
                """,
            options: [
                .option("baseline", value: "rate", help: "Control rate between 0 and 1, e.g. 0.20."),
                .option("mde", value: "change", help: "Smallest absolute change worth detecting, e.g. 0.02."),
                .option("alpha", value: "level", help: "Two-sided significance level (default 0.05)."),
                .option("power", value: "probability", help: "Chance of detecting the change (default 0.8)."),
                .flag("json", help: "Print one JSON object."),
            ]
        )
    }

    let plan: SampleSize.Result
    let json: Bool

    init(arguments: ParsedArguments) throws {
        guard let baseline = try arguments.decimal("baseline") else {
            throw UsageError("missing --baseline; type the control rate, e.g. --baseline 0.20")
        }
        guard let mde = try arguments.decimal("mde") else {
            throw UsageError("missing --mde; type the absolute change to detect, e.g. --mde 0.02")
        }
        let alpha = try arguments.decimal("alpha") ?? 0.05
        let power = try arguments.decimal("power") ?? 0.8
        if baseline <= 0 || baseline >= 1 {
            let hint = baseline >= 1 && baseline < 100 ? "; for \(baseline)% type --baseline \(baseline / 100)" : ""
            throw UsageError("--baseline must be a rate between 0 and 1, e.g. 0.20\(hint)")
        }
        if mde == 0 { throw UsageError("--mde must not be 0; type the change to detect, e.g. --mde 0.02") }
        if baseline + mde <= 0 || baseline + mde >= 1 {
            throw UsageError(
                "--baseline \(baseline) plus --mde \(mde) is \(baseline + mde), outside 0…1; --mde is an absolute "
                    + "change (0.02 = two percentage points), not a relative lift"
            )
        }
        if alpha <= 0 || alpha >= 1 { throw UsageError("--alpha must be between 0 and 1, e.g. --alpha 0.05") }
        if power <= 0 || power >= 1 { throw UsageError("--power must be between 0 and 1, e.g. --power 0.8") }
        plan = try SampleSize.twoProportions(baseline: baseline, mde: mde, alpha: alpha, power: power)
        json = arguments.flag("json")
    }

    func run(_ console: Console) throws -> Int32 {
        if json {
            console.out(
                StatsOutput.object([
                    ("n_per_arm", .number(Double(plan.perArm))),
                    ("n_exact", .number(plan.exactPerArm)),
                    ("baseline", .number(plan.baseline)),
                    ("mde", .number(plan.minimumDetectableEffect)),
                    ("alpha", .number(plan.alpha)),
                    ("power", .number(plan.power)),
                    ("formula", .string(plan.formula)),
                    ("method", .string(plan.method)),
                ])
            )
            return ExitStatus.success
        }
        console.out("\(plan.perArm) per arm (\(plan.perArm * 2) for two arms)")
        console.out(
            "  to detect \(StatsOutput.percent(plan.baseline)) → \(StatsOutput.percent(plan.baseline + plan.minimumDetectableEffect)) "
                + "with alpha \(plan.alpha) (two-sided) and power \(plan.power)"
        )
        console.out("  method: \(plan.method)")
        console.out("  formula: \(plan.formula)")
        return ExitStatus.success
    }
}
