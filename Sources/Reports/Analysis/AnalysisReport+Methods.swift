import Analytics

extension Context {
    /// Every formula, window and test of the report, and where the data came from.
    func methods() -> MethodsFooter {
        let c = conversionWindow
        let definitions: [MethodsFooter.Definition] = [
            .init(
                metric: "Reply rate",
                numerator: "delivered customers with ≥ 1 inbound non-keyword text",
                denominator: "delivered customers",
                window: "\(replyWindow) after t0",
                notes: "unique per customer; STOP/HELP/START keywords excluded"
            ),
            .init(
                metric: "Assisted conversion rate",
                numerator: "delivered customers ordering after a reply answered by automation or an agent",
                denominator: "delivered customers",
                window: "\(c) after t0"
            ),
            .init(
                metric: "Conversion rate (ITT)",
                numerator: "customers with ≥ 1 order",
                denominator: "customers assigned (delivered or not)",
                window: "\(c) after t0",
                notes: "intent-to-treat: the holdout's organic orders count alike"
            ),
            .init(
                metric: "Recovery rate",
                numerator: "targeted carts completed by an order with that cart's id",
                denominator: "carts targeted",
                window: "\(c) after t0",
                notes: "incremental recovery = treated − holdout, Newcombe interval"
            ),
            .init(
                metric: "Average order value",
                numerator: "attributed revenue",
                denominator: "attributed orders",
                window: "\(c) after t0",
                notes: "orders, never customers"
            ),
            .init(
                metric: "Revenue per recipient",
                numerator: "attributed revenue of delivered customers",
                denominator: "delivered customers",
                window: "\(c) after t0"
            ),
            .init(
                metric: "Revenue per assigned customer",
                numerator: "attributed revenue",
                denominator: "customers assigned",
                window: "\(c) after t0",
                notes: "the holdout comparison's revenue metric"
            ),
            .init(
                metric: "Opt-out rate",
                numerator: "delivered customers with an opt-out event",
                denominator: "delivered customers",
                window: "\(optOutWindow) after t0",
                notes: "guardrail"
            ),
            .init(
                metric: "Cost",
                numerator: "Σ cost of every text, inbound included (segments × price)",
                denominator: "—",
                window: "whole run",
                notes: "microdollars; ROI = (revenue − cost) ÷ cost"
            ),
            .init(
                metric: "Time to resolution",
                numerator: "first non-keyword inbound text → agent closes the hand-off as resolved, or else the first "
                    + "automated answer",
                denominator: "resolved conversations",
                window: "—",
                notes: "median, p90, mean; abandoned hand-offs and unresolved questions counted apart"
            ),
            .init(
                metric: "Automation rate",
                numerator: "conversations with a question resolved without a hand-off",
                denominator: "conversations with a question",
                window: "—"
            ),
            .init(
                metric: "Queue abandonment",
                numerator: "hand-offs abandoned",
                denominator: "hand-offs queued",
                window: "—"
            ),
            .init(
                metric: "Agent utilisation",
                numerator: "Σ pick-up → close of every hand-off",
                denominator: "Σ shift length × chats at once",
                window: "per UTC hour and whole run"
            ),
            .init(
                metric: "Delivery failures",
                numerator: "outbound texts failed or undelivered, by carrier error code",
                denominator: "—",
                window: "whole run"
            ),
        ]
        let methods: [MethodsFooter.Method] = [
            .init(
                TwoProportionZTest.testName,
                "pooled p̄ = (xA + xB) / (nA + nB); z = (p̂B − p̂A) / √(p̄(1 − p̄)(1/nA + 1/nB)); p = 2(1 − Φ(|z|))."
            ),
            .init(
                WilsonInterval.method,
                "centre (p̂ + z²/2n) / (1 + z²/n), half-width z√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)."
            ),
            .init(
                NewcombeInterval.method,
                "for p̂B − p̂A from the two Wilson intervals: d − √((p̂B − lB)² + (uA − p̂A)²) to "
                    + "d + √((uB − p̂B)² + (p̂A − lA)²) (Newcombe 1998)."
            ),
            .init(
                WelchTTest.testName,
                "t = (x̄B − x̄A) / √(sA²/nA + sB²/nB); ν by Welch–Satterthwaite; for revenue per recipient and AOV, "
                    + "from n, Σx, Σx² per arm."
            ),
            .init(
                RelativeLift.method,
                "Δr = (μB − μA) / μA; var = σA²μB² / (μA⁴nA) + σB² / (μA²nB), σ² = p(1 − p) for rates; interval "
                    + "Δr ± t(1 − α/2, ν)·√var; drawn on the forest plot."
            ),
            .init(
                MultipleComparisons.holmName,
                "decision p-values sorted ascending, p(i) × (m − i + 1), running maximum, capped at 1; guardrails "
                    + "excluded."
            ),
            .init(
                SampleRatioMismatch.testName,
                "χ² = Σ(o − e)²/e against the planned shares, df = k − 1, flagged below p = "
                    + "\(NumberText.fixed(SampleRatioMismatch.threshold, places: 3))."
            ),
            .init(
                Bootstrap.method,
                "\(NumberText.grouped(Int64(options.bootstrapReplicates))) resamples per arm from a counter-based "
                    + "stream (seed \(options.bootstrapSeed) + arm id); percentile interval of the median and p90."
            ),
            .init("Quantiles", "Hyndman & Fan type 7 (R's and NumPy's default), exact over every value."),
            .init("Sample size", "\(SampleSize.method): \(SampleSize.formula)."),
        ]
        var provenance: [KeyValueList.Item] = [
            .init("Run", .integer(analysis.run.id), detail: analysis.run.kind),
            .init("Source", .text(analysis.run.source), detail: analysis.run.sourceSHA256.map { "SHA-256 \($0)" }),
            .init("Tool version", .text(analysis.run.toolVersion)),
            .init("Attribution window", .text(windowSummary), detail: analysis.window.source),
            .init(
                "Significance",
                .text("α = \(NumberText.fixed(options.alpha, places: 2)), two-sided; \(levelText) intervals")
            ),
        ]
        if let seed = analysis.run.seed { provenance.insert(.init("Seed", .integer(seed)), at: 1) }
        for count in analysis.rowCounts where count.table != "runs" {
            provenance.append(.init("Rows: \(count.table)", .integer(count.rows)))
        }
        return MethodsFooter(
            definitions: definitions,
            methods: methods,
            provenance: provenance,
            notes: [
                "t0 is each customer's assignment time when the log records one (the same instant for every arm, "
                    + "holdout included), else the customer's first outbound text.",
                "A keyword is an inbound text the keyword layer sorted as opt-out, help or opt-in.",
                "All times are UTC. Money: order values in cents, message cost in microdollars.",
                "Every query is portable SQL; `replylab analyze --print-sql` prints them as run.",
            ]
        )
    }
}
