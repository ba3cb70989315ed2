import Analytics

extension Context {
    /// The challenger the verdict speaks of: the conversational arm when one is named so, else the first.
    var lead: Analysis.Arm? {
        challengers.first { $0.name.lowercased().contains("conversation") } ?? challengers.first
    }

    var percentFormat: ValueFormat { .percent(places: 1) }
    var levelText: String { NumberText.fixed(options.confidenceLevel * 100, places: 0) + "%" }

    /// The results row of `metric` for `variant`, from `table`.
    func row(_ table: ComparisonTable?, _ metric: String, _ variant: String) -> VariantComparison? {
        table?.metrics.first { $0.name == metric }?.variants.first { $0.variant == variant }
    }

    /// "= 0.032" or "< 0.001", to follow a "p".
    func pEquals(_ p: Double) -> String {
        let text = ValueText.pValue(p)
        return text.hasPrefix("<") ? text : "= " + text
    }

    func changeText(_ change: ChangeEstimate) -> String {
        let point = ValueText.display(change.point, format: change.format, signed: true)
        let interval = ValueText.interval(change.low, change.high, format: change.format, signed: true)
        return "\(point) (\(levelText) CI \(interval))"
    }

    func verdictLines() -> [String] {
        guard let baseline, let lead else { return singleArmLines() }
        return comparedLines(baseline, lead).map(Self.capitalisedFirst)
    }

    /// "conversational beat …" → "Conversational beat …": arm names start sentences.
    static func capitalisedFirst(_ line: String) -> String {
        guard let first = line.first else { return line }
        return first.uppercased() + line.dropFirst()
    }

    func comparedLines(_ baseline: Analysis.Arm, _ lead: Analysis.Arm) -> [String] {
        var lines: [String] = []
        let results = baselineTable
        let rpr = "Revenue per recipient"
        if let comparison = row(results, rpr, lead.name), let lift = comparison.relativeChange {
            // The call follows the Holm-adjusted p; the interval is the unadjusted one, so both p-values are shown
            // (an interval that clears zero beside "cannot tell" otherwise reads as a contradiction).
            let p = comparison.adjustedPValue ?? comparison.pValue ?? .nan
            let raw = comparison.pValue.map { "Welch p \(pEquals($0))" } ?? "Welch"
            let pText = comparison.adjustedPValue.map { raw + ", Holm-adjusted p \(pEquals($0))" } ?? raw
            let change = ValueText.display(abs(lift.point), format: percentFormat)
            let interval = ValueText.interval(lift.low, lift.high, format: percentFormat, signed: true)
            if !comparison.enoughData {
                lines.append(
                    "Too few customers to tell \(lead.name) from \(baseline.name) on revenue per recipient "
                        + "(\(changeText(lift)))."
                )
            } else if p < options.alpha && lift.point > 0 {
                lines.append(
                    "\(lead.name) beat \(baseline.name) on revenue per recipient by \(change) "
                        + "(\(levelText) CI \(interval); \(pText))."
                )
            } else if p < options.alpha {
                lines.append(
                    "\(lead.name) earned \(change) less than \(baseline.name) per recipient "
                        + "(\(levelText) CI \(interval); \(pText))."
                )
            } else {
                lines.append(
                    "The data cannot tell \(lead.name) from \(baseline.name) on revenue per recipient: "
                        + "\(changeText(lift)); \(pText)."
                )
            }
        } else {
            let a = lead.totals.revenuePerRecipient.mean
            let b = baseline.totals.revenuePerRecipient.mean
            lines.append(
                "Revenue per recipient: \(lead.name) \(ValueText.display(a, format: .cents)), \(baseline.name) "
                    + "\(ValueText.display(b, format: .cents)); no test is possible on these counts."
            )
        }
        lines.append(holdoutLine(lead))
        lines.append(guardrailLine(lead, baseline))
        return lines
    }

    func holdoutLine(_ lead: Analysis.Arm) -> String {
        let metric = hasCarts ? "Recovery rate" : "Conversion rate (ITT)"
        let rate: (Analysis.Arm) -> Rate = hasCarts ? { $0.recovery.rate } : { $0.totals.conversionRate }
        let rates = analysis.arms.map { "\($0.name) \(ValueText.display(rate($0).value, format: percentFormat))" }
        var line = "\(metric): " + rates.joined(separator: ", ")
        if let holdout = analysis.holdout, let comparison = row(holdoutTable, metric, lead.name),
            let change = comparison.absoluteChange
        {
            line += "; \(lead.name) over \(holdout.name) \(changeText(change)), Newcombe"
        }
        return line + "."
    }

    func guardrailLine(_ lead: Analysis.Arm, _ baseline: Analysis.Arm) -> String {
        let a = lead.totals.optOutRate.value
        let b = baseline.totals.optOutRate.value
        var line =
            "Opt-outs \(ValueText.display(a, format: percentFormat)) vs \(ValueText.display(b, format: percentFormat))"
        if let p = row(baselineTable, "Opt-out rate", lead.name)?.pValue { line += " (p \(pEquals(p)))" }
        line +=
            "; message cost \(ValueText.dollars(microdollars: lead.totals.costMicrodollars)) vs "
            + ValueText.dollars(microdollars: baseline.totals.costMicrodollars)
        if analysis.utilisation.shifts > 0 {
            line +=
                "; agents busy \(ValueText.display(analysis.utilisation.overall, format: percentFormat)) of "
                + "staffed time"
        }
        return line + "."
    }

    func singleArmLines() -> [String] {
        let t = analysis.overall
        return [
            "One arm only (\(analysis.arms.map(\.name).joined(separator: ", "))): nothing to compare, so no verdict.",
            "\(NumberText.grouped(t.assigned)) customers, \(NumberText.grouped(t.delivered)) delivered; reply rate "
                + "\(ValueText.display(t.replyRate.value, format: percentFormat)), conversion "
                + "\(ValueText.display(t.conversionRate.value, format: percentFormat)).",
            "Revenue \(ValueText.dollars(cents: t.revenueCents)) on \(NumberText.grouped(t.orders)) orders; message "
                + "cost \(ValueText.dollars(microdollars: t.costMicrodollars)); opt-outs "
                + "\(ValueText.display(t.optOutRate.value, format: percentFormat)).",
        ]
    }

    func verdictCallout() -> Callout {
        let lines = verdictLines()
        var state = HealthState.warning
        if let lead, let comparison = row(baselineTable, "Revenue per recipient", lead.name),
            comparison.verdict(alpha: options.alpha, higherIsBetter: true) == .better
        {
            state = .ok
        }
        return Callout(state, title: lines[0], text: lines.dropFirst().joined(separator: " "))
    }
}
