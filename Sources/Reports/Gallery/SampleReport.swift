import Foundation

/// A report built from fixed, made-up cart-recovery numbers that uses every block, for checking how reports look in
/// a browser (`replylab report sample`, `scripts/screenshot-report.sh`). Not an analysis: nothing here is measured.
///
/// Shape: 3,000 customers split 20 / 40 / 40 into a holdout, a one-way blast and a conversational flow. The
/// interval and p-value figures were computed from these counts with scipy (Newcombe, Katz log-ratio, pooled z,
/// Welch, Holm), so the sample is at least internally consistent.
public enum SampleReport {
    static let holdout = "Holdout"
    static let oneWay = "One-way blast"
    static let conversational = "Conversational"
    static let start: Int64 = 1_741_010_400_000  // 2025-03-03 14:00 UTC

    /// The sample document; `generatedAt` appears only when passed (so the bytes never depend on the clock).
    public static func document(generatedAt: String? = nil) -> ReportDocument {
        var facts: [KeyValueList.Item] = [
            .init("Run", "sample-cart-recovery"), .init("Source", "simulated (sample numbers)"),
            .init("Seed", .integer(7)), .init("Customers", .integer(3_000)),
            .init("Attribution", "cart72h: order within 72 h of first send"),
        ]
        if let generatedAt { facts.append(.init("Generated", .text(generatedAt))) }
        let results = resultsTable()
        return ReportDocument(
            title: "Cart recovery: conversational flow vs one-way blast",
            subtitle: "Does replying to customers earn more than a one-way reminder, and what does it cost?",
            facts: facts,
            variants: [conversational, oneWay, holdout],
            health: health(),
            sections: [
                ReportSection(
                    "Verdict",
                    blocks: [
                        .callout(
                            Callout(
                                .ok,
                                title:
                                    "Conversational beat one-way on revenue per recipient by 40% (95% CI 10% to 71%).",
                                text:
                                    "Recovery rate rose 3.9 percentage points (Newcombe 95% CI 1.1 to 6.7, "
                                    + "Holm-adjusted p = 0.013); the opt-out rate rose 0.7 pp, which the data cannot "
                                    + "tell from noise."
                            )
                        )
                    ]
                ),
                ReportSection(
                    "Results",
                    summary: "Each variant against the one-way blast; guardrails are tested but do not drive the call.",
                    blocks: [.comparison(results), .forest(ForestPlot(results)), .comparison(holdoutTable())]
                ),
                ReportSection(
                    "Funnel",
                    summary: "Customers reaching each step, as a share of those sent to.",
                    blocks: [.funnel(funnel())]
                ),
                ReportSection(
                    "Revenue, cost and ROI",
                    blocks: [.keyValues(money())]
                ),
                ReportSection(
                    "Time to resolution",
                    summary:
                        "First inbound question to resolution, conversational arm; abandoned hand-offs counted apart.",
                    blocks: [
                        .distribution(resolution(style: .histogram(bins: 24))), .distribution(resolution(style: .ecdf)),
                    ]
                ),
                ReportSection(
                    "Agents",
                    blocks: [.line(utilisation())]
                ),
                ReportSection(
                    "Opt-outs and delivery",
                    blocks: [.bars(optOuts()), .bars(failures())]
                ),
                ReportSection(
                    "Flow",
                    summary: "Where replies went, node by node, and how well the router understood them.",
                    blocks: [.table(nodes()), .confusion(confusion()), .table(replies())]
                ),
                ReportSection(
                    "Compliance audit",
                    blocks: [.audit(audit())]
                ),
            ],
            methods: methods()
        )
    }

    /// The pieces a notebook embeds, from the same sample: two standalone SVG charts and a markdown table.
    public static func notebookPieces(options: ReportOptions = ReportOptions()) -> [ReportFile] {
        let variants = [conversational, oneWay, holdout]
        return [
            ReportFile(
                name: "sample-failures.svg",
                bytes: Array(SVGChart.bar(failures(), variants: variants, options: options).utf8)
            ),
            ReportFile(
                name: "sample-utilisation.svg",
                bytes: Array(SVGChart.line(utilisation(), variants: variants, options: options).utf8)
            ),
            ReportFile(name: "sample-replies.md", bytes: Array(MarkdownTable.render(replies(), options: options).utf8)),
        ]
    }

    static func health() -> HealthBanner {
        HealthBanner(items: [
            .init(
                .ok,
                "Sample ratio",
                "596 / 1,208 / 1,196 against a planned 20 / 40 / 40%: χ² = 0.093, p = 0.954 (flag below 0.001)."
            ),
            .init(.ok, "Sample size", "3,000 assigned; 2,960 needed for +3 pp recovery at 80% power (pooled normal)."),
            .init(.ok, "Quarantined rows", "0: a simulated run has no import."),
            .init(
                .warning,
                "Suppressed sends",
                "38 sends held: 31 quiet hours (deferred to 8 am local), 7 frequency cap (dropped)."
            ),
            .init(
                .warning,
                "Time zones",
                "14 customers have an area code outside the time-zone table; assumed America/New_York."
            ),
            .init(.ok, "Delivery", "2,334 of 2,404 sends delivered (97.1%); failures by carrier code below."),
        ])
    }

    static func rate(_ x: Int64, _ n: Int64) -> MeasuredValue {
        var value = MeasuredValue.rate(x, of: n)
        let (low, high) = wilson(x, n)
        value.interval = low...high
        value.intervalFormat = .percent(places: 1)
        return value
    }

    /// Wilson 95% interval, only to decorate the sample's rates.
    static func wilson(_ x: Int64, _ n: Int64) -> (Double, Double) {
        let z = 1.959963984540054
        let p = Double(x) / Double(n)
        let nn = Double(n)
        let centre = (p + z * z / (2 * nn)) / (1 + z * z / nn)
        let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / (1 + z * z / nn)
        return (centre - half, centre + half)
    }

    static func pp(_ point: Double, _ low: Double, _ high: Double) -> ChangeEstimate {
        ChangeEstimate(point, low: low, high: high, format: .percentagePoints(places: 1))
    }

    static func relative(_ point: Double, _ low: Double, _ high: Double) -> ChangeEstimate {
        ChangeEstimate(point, low: low, high: high, format: .percent(places: 1))
    }

    static func resultsTable() -> ComparisonTable {
        let twoProportion = "two-proportion z (pooled); Newcombe CI"
        return ComparisonTable(
            title: "Conversational vs one-way blast",
            baselineName: oneWay,
            metrics: [
                MetricComparison(
                    name: "Recovery rate",
                    definition: "carts ordered within 72 h ÷ carts targeted",
                    baseline: rate(151, 1_208),
                    variants: [
                        VariantComparison(
                            variant: conversational,
                            value: rate(196, 1_196),
                            absoluteChange: pp(0.038880, 0.010777, 0.067010),
                            relativeChange: relative(0.311037, 0.077053, 0.595852),
                            pValue: 0.00668578,
                            adjustedPValue: 0.0133716,
                            test: twoProportion
                        )
                    ]
                ),
                MetricComparison(
                    name: "Reply rate",
                    definition: "recipients replying (not a keyword) within 72 h ÷ delivered",
                    baseline: rate(47, 1_171),
                    variants: [
                        VariantComparison(
                            variant: conversational,
                            value: rate(262, 1_163),
                            absoluteChange: pp(0.185143, 0.158735, 0.211902),
                            relativeChange: relative(4.612814, 3.159381, 6.574127),
                            pValue: 9.28354e-40,
                            adjustedPValue: 3.71342e-39,
                            test: twoProportion
                        )
                    ]
                ),
                MetricComparison(
                    name: "Revenue per recipient",
                    definition: "attributed revenue ÷ delivered recipients",
                    baseline: MeasuredValue(.cents(1_162), numerator: .cents(1_360_511), denominator: .integer(1_171)),
                    variants: [
                        VariantComparison(
                            variant: conversational,
                            value: MeasuredValue(
                                .cents(1_630),
                                numerator: .cents(1_895_320),
                                denominator: .integer(1_163)
                            ),
                            absoluteChange: ChangeEstimate(467.8458, low: 165.8872, high: 769.8044, format: .cents),
                            relativeChange: relative(0.402678, 0.095902, 0.709454),
                            pValue: 0.00240616,
                            adjustedPValue: 0.00721849,
                            test: "Welch t; delta-method CI for the lift"
                        )
                    ]
                ),
                MetricComparison(
                    name: "Average order value",
                    definition: "attributed revenue ÷ attributed orders",
                    baseline: MeasuredValue(.cents(9_010), numerator: .cents(1_360_510), denominator: .integer(151)),
                    variants: [
                        VariantComparison(
                            variant: conversational,
                            value: MeasuredValue(
                                .cents(9_670),
                                numerator: .cents(1_895_320),
                                denominator: .integer(196)
                            ),
                            absoluteChange: ChangeEstimate(660, low: -241.6616, high: 1_561.6616, format: .cents),
                            relativeChange: relative(0.073252, -0.030770, 0.177274),
                            pValue: 0.150837,
                            adjustedPValue: 0.150837,
                            test: "Welch t; delta-method CI for the lift"
                        )
                    ]
                ),
                MetricComparison(
                    name: "Opt-out rate",
                    definition: "STOP-family keyword within 7 d ÷ delivered",
                    higherIsBetter: false,
                    isGuardrail: true,
                    baseline: rate(21, 1_171),
                    variants: [
                        VariantComparison(
                            variant: conversational,
                            value: rate(29, 1_163),
                            absoluteChange: pp(0.007002, -0.004978, 0.019309),
                            relativeChange: relative(0.390452, -0.202342, 1.423791),
                            pValue: 0.242728,
                            test: twoProportion
                        )
                    ]
                ),
            ],
            correction: "Holm over 4 decision metrics",
            axisDomain: -0.5...1.5,
            csvName: "results",
            note: "Reply rate's interval runs past the axis (+316% to +657%); the arrow marks the clipped end."
        )
    }

    static func holdoutTable() -> ComparisonTable {
        let twoProportion = "two-proportion z (pooled); Newcombe CI"
        return ComparisonTable(
            title: "Incremental recovery over the holdout",
            baselineName: holdout,
            metrics: [
                MetricComparison(
                    name: "Recovery rate",
                    definition: "carts ordered within 72 h ÷ carts targeted (holdout: not sent)",
                    baseline: rate(58, 596),
                    variants: [
                        VariantComparison(
                            variant: oneWay,
                            value: rate(151, 1_208),
                            absoluteChange: pp(0.027685, -0.004003, 0.056783),
                            relativeChange: relative(0.284483, -0.035439, 0.710514),
                            pValue: 0.0839773,
                            test: twoProportion
                        ),
                        VariantComparison(
                            variant: conversational,
                            value: rate(196, 1_196),
                            absoluteChange: pp(0.066564, 0.033476, 0.097207),
                            relativeChange: relative(0.684004, 0.277849, 1.219253),
                            pValue: 0.00014106,
                            test: twoProportion
                        ),
                    ]
                )
            ],
            chartedChange: .absolute,
            csvName: "incremental-recovery"
        )
    }

    static func funnel() -> Funnel {
        Funnel(
            title: "Sent → delivered → replied → conversed → ordered",
            steps: ["Sent", "Delivered", "Replied", "Conversed", "Ordered"],
            series: [
                .init(name: oneWay, counts: [1_208, 1_171, 47, 0, 0]),
                .init(name: conversational, counts: [1_196, 1_163, 262, 231, 88]),
            ],
            note: "Ordered counts orders after a conversation; one-way customers cannot converse, so their "
                + "orders appear in the recovery rate only."
        )
    }

    static func money() -> KeyValueList {
        KeyValueList(
            title: "Conversational arm",
            items: [
                .init("Attributed revenue", .cents(1_895_320), detail: "196 orders within 72 h of first send"),
                .init("Incremental revenue", .cents(769_800), detail: "(16.4% − 9.7%) × 1,196 carts × $96.70 AOV"),
                .init("Message cost", .microdollars(24_610_000), detail: "3,115 segments, inbound included"),
                .init("Agent cost", .cents(316_800), detail: "4 agents × 36 staffed hours × $22.00"),
                .init("Cost per recovered order", .cents(1_629), detail: "(message + agent cost) ÷ 196 orders"),
                .init("ROI", .rate(1.4038, places: 0), detail: "(incremental revenue − cost) ÷ cost"),
                .init("Automation rate", .rate(0.649), detail: "conversations resolved without an agent ÷ all"),
                .init("Queue abandonment", .rate(0.19, places: 0), detail: "19 of 100 hand-offs left the queue"),
            ],
            csvName: "money"
        )
    }

    /// Weibull quantiles at evenly spaced probabilities: a smooth, made-up sample with no random draws.
    static func weibull(count: Int, scale: Double, shape: Double) -> [Double] {
        (0..<count).map { index in
            let p = (Double(index) + 0.5) / Double(count)
            return scale * Foundation.pow(-Foundation.log(1 - p), 1 / shape)
        }
    }

    static func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let low = Int(position)
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    static func resolution(style: DistributionChart.Style) -> DistributionChart {
        let automated = weibull(count: 150, scale: 55_000, shape: 1.1)
        let agent = weibull(count: 81, scale: 1_200_000, shape: 1.4)
        func series(_ name: String, _ values: [Double], abandoned: Int64) -> DistributionChart.Series {
            let median = quantile(values, 0.5)
            let p90 = quantile(values, 0.9)
            return .init(
                name: name,
                values: values,
                markers: [
                    .init("median", value: median, interval: (median * 0.86)...(median * 1.15)),
                    .init("p90", value: p90, interval: (p90 * 0.82)...(p90 * 1.21)),
                ],
                mean: values.reduce(0, +) / Double(values.count),
                excluded: abandoned > 0 ? [.init("abandoned hand-offs", count: abandoned)] : []
            )
        }
        let isHistogram = style != .ecdf
        return DistributionChart(
            title: isHistogram ? "Time to resolution" : "Time to resolution, cumulative",
            format: .milliseconds,
            style: style,
            series: [
                series("Automated answers", automated, abandoned: 0), series("Agent hand-offs", agent, abandoned: 19),
            ],
            axisMaximum: 3_600_000,
            intervalMethod: "seeded bootstrap, 2,000 resamples, 95% percentile interval (sample figures)",
            csvName: isHistogram ? "time-to-resolution" : "time-to-resolution-ecdf",
            note: isHistogram ? nil : "Read across at 50% for the median and at 90% for p90."
        )
    }

    static func utilisation() -> LineChart {
        var points: [LineChart.Point] = []
        for hour in 0..<72 {
            let localHour = (hour + 9) % 24  // 14:00 UTC is 09:00 America/New_York (EST)
            let x = Double(start + Int64(hour) * 3_600_000)
            guard (9..<21).contains(localHour) else {
                points.append(.init(x: x, y: .nan))
                continue
            }
            let sinceSend = Double(hour)
            let wave = 0.84 * Foundation.exp(-sinceSend / 7)
            let daily = 0.18 + 0.08 * Foundation.sin(Double(localHour - 9) / 12 * Double.pi)
            points.append(.init(x: x, y: min(0.97, daily + wave)))
        }
        return LineChart(
            title: "Agent utilisation by hour",
            xAxis: .time,
            xLabel: "Hour (UTC)",
            yLabel: "Busy agent-minutes ÷ staffed agent-minutes",
            yFormat: .percent(places: 0),
            yDomain: 0...1,
            series: [.init(name: "Utilisation", points: points, filled: true)],
            csvName: "agent-utilisation",
            note: "Gaps are hours with no agent on shift (09:00–21:00 America/New_York). The hour after the send "
                + "runs near capacity: hand-offs queue there."
        )
    }

    static func optOuts() -> BarChart {
        BarChart(
            title: "Opt-out rate by variant",
            categories: [oneWay, conversational],
            series: [
                .init(
                    name: "Opt-out rate",
                    values: [21.0 / 1_171, 29.0 / 1_163],
                    labels: ["1.8% (21 / 1,171)", "2.5% (29 / 1,163)"]
                )
            ],
            valueFormat: .percent(places: 1),
            valueLabel: "STOP-family keyword within 7 days ÷ delivered",
            csvName: "opt-outs"
        )
    }

    static func failures() -> BarChart {
        BarChart(
            title: "Delivery failures by carrier error code",
            categories: [
                "30006 landline or unreachable carrier", "30003 unreachable handset",
                "30005 unknown or inactive number",
                "30007 carrier filtering", "30008 unknown error",
            ],
            series: [
                .init(name: oneWay, values: [12, 7, 6, 3, 2]),
                .init(name: conversational, values: [11, 8, 5, 1, 3]),
            ],
            valueFormat: .count,
            valueLabel: "Messages that failed (Twilio ErrorCode)",
            csvName: "delivery-failures"
        )
    }

    static func nodes() -> DataTable {
        DataTable(
            title: "Per node",
            columns: [
                .init("Node"), .init("Arrivals", description: "customers reaching the node"),
                .init("Categories", description: "router categories, most frequent first"),
                .init("Drop-off", description: "customers who left the flow here"),
                .init("Expired", description: "flow expiry reached while waiting here"),
            ],
            rows: [
                ["cart_reminder", .integer(1_196), .missing, .integer(33), .integer(0)],
                [
                    "wait_reply", .integer(1_163), "yes 92 · shipping 61 · discount 48 · other 38 · (opt-out) 23",
                    .integer(901), .integer(901),
                ],
                ["answer_shipping", .integer(61), "thanks 22 · other 9", .integer(30), .integer(24)],
                ["offer_discount", .integer(48), "yes 31 · no 11", .integer(17), .integer(6)],
                ["checkout_link", .integer(123), "ordered 88", .integer(35), .integer(35)],
                ["agent_handoff", .integer(100), "resolved 81 · abandoned 19", .integer(19), .integer(0)],
            ],
            csvName: "flow-nodes"
        )
    }

    static func confusion() -> ConfusionTable {
        ConfusionTable(
            title: "Intent × router category (simulated replies)",
            rowTitle: "Drawn intent",
            columnTitle: "Router category",
            rows: ["ready to buy", "shipping question", "discount question", "stop", "wrong number", "other"],
            columns: ["yes", "shipping", "discount", "(opt-out)", "(agent)", "other"],
            counts: [
                [88, 2, 1, 0, 1, 6],
                [1, 57, 0, 0, 3, 5],
                [3, 0, 46, 0, 1, 4],
                [0, 0, 0, 23, 0, 2],
                [0, 0, 0, 1, 4, 3],
                [0, 2, 1, 0, 8, 10],
            ],
            expectedColumn: [0, 1, 2, 3, 4, 5],
            csvName: "intent-confusion",
            note: "2 of 25 STOP intents were worded so the keyword layer missed them (\"pls no more texts\"): they "
                + "reached the router's other category. Review the opt-out phrasing list."
        )
    }

    static func replies() -> DataTable {
        DataTable(
            title: "Sample of replies",
            columns: [.init("Received"), .init("Variant"), .init("Body"), .init("Category")],
            rows: [
                [.timestamp(start + 3_720_000), .text(conversational), "Yes! Is the 👟 still in stock?", "yes"],
                [.timestamp(start + 4_210_000), .text(conversational), "How much is shipping to 02139?", "shipping"],
                [.timestamp(start + 5_030_000), .text(oneWay), "Call me at (415) 555-0134 instead", "(ignored)"],
                [.timestamp(start + 6_150_000), .text(conversational), "<script>alert(\"hi\")</script> lol", "other"],
                [
                    .timestamp(start + 7_420_000), .text(conversational), "=HYPERLINK(\"http://example.com\") ?",
                    "other",
                ],
                [.timestamp(start + 8_900_000), .text(oneWay), "STOP", "(opt-out)"],
                [.timestamp(start + 9_640_000), .text(conversational), "Tom's mom says 'maybe' & will check", "other"],
            ],
            csvName: "sample-replies",
            note: "Customer text is shown escaped; phone numbers in bodies are masked unless the report is built with "
                + "--show-numbers."
        )
    }

    static func audit() -> AuditReport {
        AuditReport(
            title: "Findings by rule",
            checks: [
                .init(
                    rule: "quiet_hours",
                    description: "Outbound inside quiet hours (recipient's local time, state rules)",
                    findingCount: 2
                ),
                .init(rule: "after_opt_out", description: "Outbound after an opt-out", findingCount: 0),
                .init(rule: "no_consent", description: "Marketing without recorded consent", findingCount: 0),
                .init(rule: "frequency_cap", description: "More marketing texts than the cap allows", findingCount: 1),
                .init(
                    rule: "opt_out_confirmation",
                    description: "Opt-out confirmation missing or later than 5 minutes",
                    findingCount: 1,
                    state: .warning
                ),
            ],
            findings: [
                .init(
                    rule: "quiet_hours",
                    summary: "Campaign follow-up sent 21:04 local time (CA: 8 am–9 pm)",
                    at: start + 32_640_000,
                    customer: "+1 415 ***-**34",
                    messageIDs: ["SM5f0c2a9e4b7d41c6a3e8f1b2c9d0e7a4"]
                ),
                .init(
                    rule: "quiet_hours",
                    summary: "Reminder sent 07:41 local time (FL: 8 am–8 pm)",
                    at: start + 63_660_000,
                    customer: "+1 305 ***-**87",
                    messageIDs: ["SM0b9e8d7c6a5f4e3d2c1b0a9f8e7d6c5b"]
                ),
                .init(
                    rule: "frequency_cap",
                    summary: "4 marketing texts in 24 h (cap 3)",
                    at: start + 41_000_000,
                    customer: "+1 212 ***-**09",
                    messageIDs: [
                        "SMa1b2c3d4e5f60718293a4b5c6d7e8f90", "SMb2c3d4e5f60718293a4b5c6d7e8f90a1",
                        "SMc3d4e5f60718293a4b5c6d7e8f90a1b2", "SMd4e5f60718293a4b5c6d7e8f90a1b2c3",
                    ]
                ),
                .init(
                    rule: "opt_out_confirmation",
                    summary: "Confirmation 7 min 12 s after STOP (limit 5 min)",
                    at: start + 8_900_000 + 432_000,
                    customer: "+1 646 ***-**51",
                    messageIDs: ["SMe5f60718293a4b5c6d7e8f90a1b2c3d4", "SMf60718293a4b5c6d7e8f90a1b2c3d4e5"]
                ),
            ],
            csvName: "audit"
        )
    }

    static func methods() -> MethodsFooter {
        MethodsFooter(
            definitions: [
                .init(
                    metric: "Recovery rate",
                    numerator: "targeted carts with an order",
                    denominator: "carts targeted",
                    window: "72 h after first send",
                    notes: "per cart; holdout carts get no message"
                ),
                .init(
                    metric: "Reply rate",
                    numerator: "recipients with ≥ 1 inbound non-keyword message",
                    denominator: "delivered recipients",
                    window: "72 h after first send",
                    notes: "unique per customer"
                ),
                .init(
                    metric: "Revenue per recipient",
                    numerator: "attributed revenue (cents)",
                    denominator: "delivered recipients",
                    window: "72 h after first send",
                    notes: "orders attributed to the last message inside the window"
                ),
                .init(
                    metric: "Average order value",
                    numerator: "attributed revenue",
                    denominator: "attributed orders",
                    window: "72 h after first send"
                ),
                .init(
                    metric: "Opt-out rate",
                    numerator: "recipients texting a STOP-family keyword",
                    denominator: "delivered recipients",
                    window: "7 d after first send",
                    notes: "guardrail"
                ),
                .init(
                    metric: "Time to resolution",
                    numerator: "first inbound question → resolution",
                    denominator: "resolved conversations",
                    window: "—",
                    notes: "abandoned hand-offs counted apart, never dropped"
                ),
            ],
            methods: [
                .init(
                    "Two-proportion z-test",
                    "pooled p̄ = (xA + xB) / (nA + nB); z = (p̂B − p̂A) / √(p̄(1 − p̄)(1/nA + 1/nB)); two-sided."
                ),
                .init(
                    "Newcombe interval",
                    "hybrid score interval for p̂B − p̂A from the two Wilson intervals (Newcombe 1998, method 10)."
                ),
                .init(
                    "Wilson interval",
                    "centre (p̂ + z²/2n) / (1 + z²/n), half-width z√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)."
                ),
                .init("Welch t-test", "t = (x̄B − x̄A) / √(sA²/nA + sB²/nB), Welch–Satterthwaite degrees of freedom."),
                .init(
                    "Holm correction",
                    "p-values sorted ascending, p(i) × (m − i + 1), running maximum, capped at 1; guardrails excluded."
                ),
                .init(
                    "Sample-ratio check",
                    "χ² goodness of fit against the planned shares, df = k − 1, flagged below p = 0.001."
                ),
                .init(
                    "Sample size",
                    "pooled normal approximation (Fleiss, no continuity correction), α = 0.05 two-sided, power 0.8."
                ),
            ],
            provenance: [
                .init("Run", "sample-cart-recovery", detail: "built-in sample numbers, not a simulation"),
                .init("Experiment", "datasets/experiments/cart-recovery.json (shape only)"),
                .init("Significance", "α = 0.05, two-sided; 95% intervals"),
            ],
            notes: [
                "All times are UTC unless marked local.", "Money: order values in cents, message cost in microdollars.",
            ]
        )
    }
}
