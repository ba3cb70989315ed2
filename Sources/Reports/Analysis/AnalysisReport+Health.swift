import Analytics

extension Context {
    /// Can these numbers be trusted: sample ratio, sample size, delivery, suppressed and quarantined counts.
    func healthBanner() -> HealthBanner {
        var items: [HealthBanner.Item] = [sampleRatio(), sampleSize()]
        let overall = analysis.overall
        let delivery = overall.deliveryRate
        if delivery.trials > 0 {
            items.append(
                .init(
                    delivery.value < 0.95 ? .warning : .ok,
                    "Delivery",
                    "\(NumberText.grouped(delivery.successes)) of \(NumberText.grouped(delivery.trials)) customers "
                        + "sent to had a text delivered (\(ValueText.display(delivery.value, format: .percent(places: 1))))"
                        + "; failures by carrier code below."
                )
            )
        }
        let health = analysis.health
        if health.suppressions.isEmpty {
            items.append(.init(.ok, "Suppressed sends", "0: the gate held nothing back."))
        } else {
            let parts = health.suppressions.map { reason in
                let deferred = reason.deferred > 0 ? " (\(NumberText.grouped(reason.deferred)) deferred)" : ""
                return
                    "\(NumberText.grouped(reason.count)) \(reason.reason.split(separator: "_").joined(separator: " "))\(deferred)"
            }
            items.append(
                .init(
                    .warning,
                    "Suppressed sends",
                    "\(NumberText.grouped(health.suppressedTotal)) sends held: \(parts.joined(separator: ", "))."
                )
            )
        }
        if health.quarantine.isEmpty {
            let why = analysis.run.kind == "import" ? "every input row was loaded" : "a simulated run has no import"
            items.append(.init(.ok, "Quarantined rows", "0: \(why)."))
        } else {
            let parts = health.quarantine.map { "\(NumberText.grouped($0.count)) \($0.reason)" }
            items.append(
                .init(
                    .warning,
                    "Quarantined rows",
                    "\(NumberText.grouped(health.quarantinedTotal)) input rows refused: \(parts.joined(separator: "; "))."
                )
            )
        }
        if let unassigned = analysis.arm(id: Analysis.unassignedVariantID), analysis.arms.count > 1 {
            items.append(
                .init(
                    .warning,
                    "Unassigned customers",
                    "\(NumberText.grouped(unassigned.totals.assigned)) customers have no variant; they are shown "
                        + "apart as \(unassigned.name) and left out of the comparisons."
                )
            )
        }
        return HealthBanner(items: items)
    }

    /// χ² goodness of fit of the assigned counts against the planned shares (flag below p = 0.001).
    func sampleRatio() -> HealthBanner.Item {
        let planned = analysis.arms.filter { $0.variant.share > 0 && $0.id != Analysis.unassignedVariantID }
        guard planned.count >= 2 else {
            return .init(.ok, "Sample ratio", "One arm: no split to check.")
        }
        let counts = planned.map { Int($0.totals.assigned) }
        let shares = planned.map { NumberText.fixed($0.variant.share * 100, places: 0) }.joined(separator: " / ")
        let observed = counts.map { NumberText.grouped(Int64($0)) }.joined(separator: " / ")
        do {
            let result = try SampleRatioMismatch.test(observed: counts, ratios: planned.map(\.variant.share))
            let text =
                "\(observed) against a planned \(shares)%: χ² = \(NumberText.fixed(result.chiSquare, places: 2)), "
                + "p = \(ValueText.pValue(result.pValue)) (flag below \(NumberText.fixed(SampleRatioMismatch.threshold, places: 3)))"
            return result.mismatch
                ? .init(.problem, "Sample ratio", text + ": assignment does not match the plan; distrust the results.")
                : .init(.ok, "Sample ratio", text + ".")
        } catch {
            return .init(.warning, "Sample ratio", "\(observed) against \(shares)%: \(error.description).")
        }
    }

    /// Customers per arm against what a 10% relative change in the baseline's conversion needs.
    func sampleSize() -> HealthBanner.Item {
        let perArm = analysis.treatments.map { "\(NumberText.grouped($0.totals.assigned)) \($0.name)" }
        let assigned = "\(NumberText.grouped(analysis.overall.assigned)) assigned (\(perArm.joined(separator: ", ")))"
        guard let baseline, let p1 = Optional(baseline.totals.conversionRate.value), p1 > 0, p1 < 0.9,
            let needed = try? SampleSize.twoProportions(baseline: p1, mde: p1 * 0.1, alpha: options.alpha)
        else {
            return .init(.ok, "Sample size", assigned + ".")
        }
        let smallest = challengers.map(\.totals.assigned).min() ?? 0
        let enough = min(smallest, baseline.totals.assigned) >= Int64(needed.perArm)
        return .init(
            enough ? .ok : .warning,
            "Sample size",
            "\(assigned); \(NumberText.grouped(Int64(needed.perArm))) per arm needed to detect a 10% relative change "
                + "in conversion from \(ValueText.display(p1, format: .percent(places: 1))) at 80% power "
                + "(pooled normal, Fleiss)."
        )
    }
}
