import Analytics

extension Context {
    /// Everything after the results: funnel, money, resolution, agents, opt-outs and delivery, segments, flow.
    func detailSections() -> [ReportSection] {
        var sections = [
            ReportSection(
                "Funnel",
                summary: "Customers reaching each step, as a share of those sent to.",
                blocks: [.funnel(funnel())]
            ),
            ReportSection("Revenue, cost and ROI", blocks: money()),
            ReportSection(
                "Time to resolution",
                summary: "First inbound question to resolution; abandoned hand-offs and unanswered questions are "
                    + "counted apart, never dropped.",
                blocks: resolution()
            ),
        ]
        if analysis.utilisation.shifts > 0 || analysis.arms.contains(where: { $0.handoffs.queued > 0 }) {
            sections.append(ReportSection("Agents", blocks: agents()))
        }
        sections.append(ReportSection("Opt-outs and delivery", blocks: optOutsAndFailures()))
        sections.append(
            ReportSection(
                "Segments",
                summary: "The same metrics per customer segment; read them as description, not as tests.",
                blocks: [.table(segments())]
            )
        )
        sections.append(
            ReportSection(
                "Flow",
                summary: "Where conversations went, node by node, and how well the router understood replies.",
                blocks: flow()
            )
        )
        return sections
    }

    func funnel() -> Funnel {
        Funnel(
            title: "Sent → delivered → replied → conversed → converted",
            steps: ["Sent", "Delivered", "Replied", "Conversed", "Converted"],
            series: analysis.treatments.map { arm in
                let t = arm.totals
                return .init(name: arm.name, counts: [t.sent, t.delivered, t.replied, t.conversed, t.assisted])
            },
            csvName: "funnel",
            note: "Replied: a non-keyword reply within \(replyWindow); conversed: the reply was answered by the flow "
                + "or an agent; converted: an order after that exchange, within \(conversionWindow). One-way "
                + "customers cannot converse, so their orders appear in the conversion rate only."
        )
    }

    func money() -> [ReportBlock] {
        let rows: [[ReportValue]] = analysis.arms.map { arm in
            let t = arm.totals
            let costPerOrder: ReportValue = t.orders == 0 ? .missing : .microdollars(t.costMicrodollars / t.orders)
            let epm: ReportValue =
                t.deliveredMessages == 0
                ? .missing : .cents(Int64((Double(t.revenueCents) / Double(t.deliveredMessages)).rounded()))
            return [
                .text(arm.name), .integer(t.assigned), .integer(t.delivered), .integer(t.orders),
                .cents(t.revenueCents),
                t.delivered == 0 ? .missing : .cents(Int64(t.revenuePerRecipient.mean.rounded())), epm,
                .integer(t.outboundSegments), .microdollars(t.costMicrodollars), costPerOrder,
                t.returnOnCost.map { .decimal($0, places: 1) } ?? .missing,
            ]
        }
        var blocks: [ReportBlock] = [
            .table(
                DataTable(
                    title: "Revenue, cost and ROI by arm",
                    columns: [
                        .init("Arm"), .init("Customers", description: "customers assigned"),
                        .init("Delivered", description: "customers with a delivered text"),
                        .init("Orders", description: "orders within \(conversionWindow) of t0"),
                        .init("Revenue", csvName: "revenue_cents", description: "attributed revenue"),
                        .init(
                            "Revenue / recipient",
                            csvName: "revenue_per_recipient_cents",
                            description: "revenue of delivered customers ÷ delivered customers"
                        ),
                        .init(
                            "EPM",
                            csvName: "revenue_per_delivered_message_cents",
                            description: "revenue ÷ delivered texts"
                        ),
                        .init("Segments", description: "outbound segments"),
                        .init(
                            "Message cost",
                            csvName: "cost_microdollars",
                            description: "every text, inbound included"
                        ),
                        .init("Cost / order", csvName: "cost_per_order_microdollars"),
                        .init("ROI", description: "(revenue − message cost) ÷ message cost"),
                    ],
                    rows: rows,
                    csvName: "money"
                )
            )
        ]
        if let holdout = analysis.holdout {
            let items = analysis.treatments.flatMap { arm -> [KeyValueList.Item] in
                let uplift = arm.totals.revenuePerAssigned.mean - holdout.totals.revenuePerAssigned.mean
                let incremental = Int64((uplift * Double(arm.totals.assigned)).rounded())
                let cost = arm.totals.costMicrodollars
                let roi =
                    cost == 0
                    ? ReportValue.missing : .decimal(Double(incremental * 10_000 - cost) / Double(cost), places: 1)
                return [
                    .init(
                        "\(arm.name): incremental revenue",
                        .cents(incremental),
                        detail:
                            "(revenue per customer − holdout's) × \(NumberText.grouped(arm.totals.assigned)) customers"
                    ),
                    .init(
                        "\(arm.name): incremental ROI",
                        roi,
                        detail: "(incremental revenue − message cost) ÷ message cost"
                    ),
                ]
            }
            blocks.append(
                .keyValues(KeyValueList(title: "Over the holdout", items: items, csvName: "incremental-revenue"))
            )
        }
        return blocks
    }

    /// Median and p90 with their seeded bootstrap intervals, the mean beside them.
    func markers(_ values: [Double], seed: UInt64) -> [DistributionChart.Marker] {
        guard !values.isEmpty else { return [] }
        let statistics: [Bootstrap.Statistic] = [.median, .p90]
        let intervals =
            values.count < 2
            ? nil
            : try? Bootstrap.intervals(
                values,
                statistics: statistics,
                seed: seed,
                replicates: options.bootstrapReplicates,
                level: options.confidenceLevel
            )
        return statistics.enumerated().map { index, statistic in
            let point = DurationSummary.quantile(values, statistic.probability) ?? .nan
            let interval = intervals?[index].interval
            return .init(statistic.name, value: point, interval: interval.map { $0.low...$0.high })
        }
    }

    func resolution() -> [ReportBlock] {
        let arms = analysis.treatments.filter { $0.resolution.questions > 0 }
        guard !arms.isEmpty else {
            return [.paragraph("No conversation in this run had a question (an inbound text that is not a keyword).")]
        }
        // One series per arm and resolver: automated answers take seconds, agents minutes, and one histogram of
        // both would hide either.
        var series: [DistributionChart.Series] = []
        for arm in arms {
            let r = arm.resolution
            for (who, values, excluded) in [
                ("automation", r.automated, [DistributionChart.Excluded("unresolved", count: r.unresolved)]),
                ("agent", r.agent, [DistributionChart.Excluded("abandoned hand-offs", count: r.abandoned)]),
            ] where !values.isEmpty || excluded[0].count > 0 {
                let doubles = values.map(Double.init)
                let salt: UInt64 = who == "agent" ? 1_000 : 0
                series.append(
                    .init(
                        name: "\(arm.name) · \(who)",
                        values: doubles,
                        markers: markers(doubles, seed: options.bootstrapSeed &+ UInt64(bitPattern: arm.id) &+ salt),
                        mean: doubles.isEmpty ? nil : DurationSummary(doubles).mean,
                        excluded: excluded
                    )
                )
            }
        }
        let chart = DistributionChart(
            title: "Time to resolution",
            format: .milliseconds,
            style: .ecdf,
            series: series,
            intervalMethod: "\(Bootstrap.method), \(NumberText.grouped(Int64(options.bootstrapReplicates))) resamples, "
                + "\(levelText) percentile interval, seed \(options.bootstrapSeed) + arm id (+ 1,000 for agents)",
            csvName: "time-to-resolution"
        )
        let rates = DataTable(
            title: "Automation and queues",
            columns: [
                .init("Arm"), .init("Questions", description: "conversations with a non-keyword inbound text"),
                .init("Automation rate", description: "resolved by automation alone ÷ questions"),
                .init("Hand-offs", description: "hand-offs queued"),
                .init("Queue abandonment", description: "hand-offs abandoned ÷ queued"),
                .init("Abandoned"), .init("Unresolved", description: "no answer, or a hand-off still open"),
            ],
            rows: arms.map { arm in
                [
                    .text(arm.name), .integer(arm.resolution.questions), .rate(arm.resolution.automationRate.value),
                    .integer(arm.handoffs.queued),
                    arm.handoffs.queued == 0 ? .missing : .rate(arm.handoffs.abandonmentRate.value),
                    .integer(arm.resolution.abandoned), .integer(arm.resolution.unresolved),
                ]
            },
            csvName: "automation"
        )
        return [.distribution(chart), .table(rates)]
    }

    func agents() -> [ReportBlock] {
        let u = analysis.utilisation
        var blocks: [ReportBlock] = []
        if !u.hours.isEmpty {
            blocks.append(
                .line(
                    LineChart(
                        title: "Agent utilisation by hour",
                        xAxis: .time,
                        xLabel: "Hour (UTC)",
                        yLabel: "Busy agent-time ÷ staffed capacity",
                        yFormat: .percent(places: 0),
                        yDomain: 0...1,
                        series: [
                            .init(
                                name: "Utilisation",
                                points: u.hours.map { .init(x: Double($0.start), y: $0.utilisation) },
                                filled: true
                            )
                        ],
                        csvName: "agent-utilisation",
                        note: "Gaps are hours with no agent on shift. Capacity = shift length × chats at once."
                    )
                )
            )
        }
        let handoffs = analysis.arms.reduce(into: HandoffTotals()) { total, arm in
            total.queued += arm.handoffs.queued
            total.pickedUp += arm.handoffs.pickedUp
            total.abandoned += arm.handoffs.abandoned
            total.stillOpen += arm.handoffs.stillOpen
        }
        blocks.append(
            .keyValues(
                KeyValueList(
                    title: "Agents over the run",
                    items: [
                        .init(
                            "Utilisation",
                            u.capacityMilliseconds == 0 ? .missing : .rate(u.overall),
                            detail: "busy agent-time ÷ staffed capacity"
                        ),
                        .init("Busy time", .milliseconds(u.busyMilliseconds), detail: "pick-up to close, summed"),
                        .init("Shifts", .integer(Int64(u.shifts))),
                        .init("Hand-offs queued", .integer(handoffs.queued)),
                        .init("Picked up", .integer(handoffs.pickedUp)),
                        .init("Abandoned in queue", .integer(handoffs.abandoned)),
                        .init("Still open at the end", .integer(handoffs.stillOpen)),
                    ],
                    csvName: "agents"
                )
            )
        )
        return blocks
    }

    func optOutsAndFailures() -> [ReportBlock] {
        let arms = analysis.treatments
        var blocks: [ReportBlock] = [
            .bars(
                BarChart(
                    title: "Opt-out rate by arm",
                    categories: arms.map(\.name),
                    series: [
                        .init(
                            name: "Opt-out rate",
                            values: arms.map { $0.totals.delivered == 0 ? 0 : $0.totals.optOutRate.value },
                            labels: arms.map { arm in
                                let r = arm.totals.optOutRate
                                return "\(ValueText.display(r.value, format: percentFormat)) "
                                    + "(\(NumberText.grouped(r.successes)) / \(NumberText.grouped(r.trials)))"
                            }
                        )
                    ],
                    valueFormat: .percent(places: 1),
                    valueLabel: "Opt-outs within \(optOutWindow) ÷ delivered",
                    csvName: "opt-outs"
                )
            )
        ]
        let codes = Array(Set(analysis.arms.flatMap { $0.failures.map(\.errorCode) })).sorted()
        if codes.isEmpty {
            blocks.append(.paragraph("No outbound text failed or went undelivered."))
        } else {
            let failing = analysis.arms.filter { !$0.failures.isEmpty }
            blocks.append(
                .bars(
                    BarChart(
                        title: "Delivery failures by carrier error code",
                        categories: codes.map { "\($0) \(DeliveryFailure.meaning($0))" },
                        series: failing.map { arm in
                            .init(
                                name: arm.name,
                                values: codes.map { code in
                                    Double(arm.failures.first { $0.errorCode == code }?.failures ?? 0)
                                }
                            )
                        },
                        valueFormat: .count,
                        valueLabel: "Outbound texts failed or undelivered (carrier error code)",
                        csvName: "delivery-failures"
                    )
                )
            )
        }
        return blocks
    }

    func segments() -> DataTable {
        DataTable(
            title: "Per segment",
            columns: [
                .init("Segment"), .init("Arm"), .init("Customers"), .init("Delivered"),
                .init("Reply rate", description: "replied ÷ delivered"),
                .init("Conversion (ITT)", description: "ordered ÷ assigned"),
                .init("Revenue / recipient", csvName: "revenue_per_recipient_cents"),
                .init("Opt-out rate", description: "opted out ÷ delivered"),
            ],
            rows: analysis.segments.map { row in
                let t = row.totals
                return [
                    .text(row.segment), .text(analysis.arm(id: row.variantID)?.name ?? "\(row.variantID)"),
                    .integer(t.assigned), .integer(t.delivered),
                    t.delivered == 0 ? .missing : .rate(t.replyRate.value),
                    .rate(t.conversionRate.value),
                    t.delivered == 0 ? .missing : .cents(Int64(t.revenuePerRecipient.mean.rounded())),
                    t.delivered == 0 ? .missing : .rate(t.optOutRate.value),
                ]
            },
            csvName: "segments"
        )
    }

    func flow() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if analysis.nodes.isEmpty {
            blocks.append(.paragraph("No message carries a flow node: this run has no conversational flow."))
        } else {
            blocks.append(
                .table(
                    DataTable(
                        title: "Per node",
                        columns: [
                            .init("Arm"), .init("Node"),
                            .init("Arrivals", description: "conversations with a message at the node"),
                            .init("Categories", description: "inbound texts by category, most frequent first"),
                            .init(
                                "Drop-off",
                                description:
                                    "conversations that ended here by expiry, opt-out or failure, or never ended"
                            ),
                            .init("Expired", description: "of the drop-off, ended by the flow's expiry"),
                        ],
                        rows: analysis.nodes.map { node in
                            let categories = node.categories.sorted { $0.replies > $1.replies }
                                .map { "\($0.category) \(NumberText.grouped($0.replies))" }.joined(separator: " · ")
                            return [
                                .text(analysis.arm(id: node.variantID)?.name ?? "\(node.variantID)"), .text(node.node),
                                .integer(node.arrivals), categories.isEmpty ? .missing : .text(categories),
                                .integer(node.droppedOff), .integer(node.expired),
                            ]
                        },
                        csvName: "flow-nodes"
                    )
                )
            )
        }
        let confusion = analysis.confusion
        if !confusion.isEmpty {
            let accuracy = confusion.accuracy
            blocks.append(
                .confusion(
                    ConfusionTable(
                        title: "Intent × category (simulated replies)",
                        rowTitle: "Drawn intent",
                        columnTitle: "Category",
                        rows: confusion.intents,
                        columns: confusion.categories,
                        counts: confusion.counts,
                        expectedColumn: confusion.intents.map { confusion.expectedCategory(for: $0) },
                        csvName: "intent-confusion",
                        note: "Outlined cells are the category that matches the intent: "
                            + "\(NumberText.grouped(accuracy.successes)) of \(NumberText.grouped(accuracy.trials)) "
                            + "such replies routed right (\(ValueText.display(accuracy.value, format: percentFormat)))."
                    )
                )
            )
        }
        if !analysis.replies.isEmpty {
            blocks.append(
                .table(
                    DataTable(
                        title: "First replies",
                        columns: [.init("Received"), .init("Arm"), .init("Body"), .init("Category")],
                        rows: analysis.replies.map { reply in
                            [
                                .timestamp(reply.at), .text(analysis.arm(id: reply.variantID)?.name ?? ""),
                                .text(reply.body), .text(reply.category),
                            ]
                        },
                        csvName: "first-replies",
                        note: "Customer text as written, escaped; phone numbers are masked unless the report is "
                            + "built with --show-numbers."
                    )
                )
            )
        }
        return blocks
    }
}
