/// The catalog of reductions the analysis runs, in the order it runs them. Statistics stay in Swift: each query
/// returns sums (n, Σx, Σx²) or the raw durations a quantile needs, never a p-value.
public enum MetricQueries {
    /// An inbound text that is not a STOP/HELP/START keyword (the keyword layer writes its word in parentheses).
    static let notKeyword = "(m.category IS NULL OR m.category NOT IN ('(opt-out)', '(help)', '(opt-in)'))"

    /// The instant a customer's windows start (`t0`): the assignment time when the log has one (the same instant
    /// for every arm, holdout included), else the customer's first outbound text. `row` names the alias whose
    /// `customer_id` it is for; `a` must be that customer's assignment, LEFT JOINed.
    static func start(of row: String) -> String {
        """
        COALESCE(a.assigned_at, (
                SELECT MIN(f.at) FROM messages f
                WHERE f.run_id = {run} AND f.customer_id = \(row).customer_id AND f.direction = 'outbound'
            ))
        """
    }

    /// True when `row.at` lies in (t0, t0 + `window`].
    static func inside(_ row: String, _ window: String) -> String {
        "\(row).at > \(start(of: row)) AND \(row).at <= \(start(of: row)) + {\(window)}"
    }

    /// One row per customer of the run: segment, arm, what its texts cost and counted (sent, delivered, segments),
    /// its first non-keyword reply inside the reply window, its orders and revenue inside the conversion window, an
    /// opt-out inside the opt-out window, and the first automated or agent answer after the reply (a two-way
    /// exchange).
    ///
    /// Shaped for an engine without hash aggregation (SQLite): `texts` walks customers in key order and each one's
    /// messages through `messages_by_customer`, which holds every column read here, so the per-customer reduction
    /// streams with no sort and no table lookups; orders and opt-outs are reduced apart (they are few) and joined by
    /// customer; only repliers look at messages again for the answer.
    /// `opt_outs` groups rather than selecting DISTINCT: SQLite 3.40 gives a DISTINCT CTE no automatic index, and
    /// the join from every customer then scans it whole each time (at 10^6 it ran past a minute and was stopped;
    /// grouped, the whole query takes 3.5 s).
    static let customerRows = """
        WITH buys AS (
            SELECT o.customer_id, COUNT(*) AS orders, SUM(o.value_cents) AS revenue_cents,
                SUM(o.value_cents * o.value_cents) AS order_value_squares, MAX(o.at) AS last_order_at
            FROM orders o
            LEFT JOIN assignments a ON a.run_id = o.run_id AND a.customer_id = o.customer_id
            WHERE o.run_id = {run} AND \(inside("o", "conversion_ms"))
            GROUP BY o.customer_id
        ),
        opt_outs AS (
            SELECT e.customer_id, COUNT(*) AS opt_out_events
            FROM consent_events e
            LEFT JOIN assignments a ON a.run_id = e.run_id AND a.customer_id = e.customer_id
            WHERE e.run_id = {run} AND e.kind = 'opt_out' AND \(inside("e", "opt_out_ms"))
            GROUP BY e.customer_id
        ),
        texts AS (
            SELECT c.customer_id, c.segment, COALESCE(a.variant_id, -1) AS variant_id,
                MIN(CASE WHEN m.direction = 'inbound' AND \(notKeyword) AND \(inside("m", "reply_ms"))
                    THEN m.at END) AS first_reply_at,
                COALESCE(SUM(m.cost_microdollars), 0) AS cost_microdollars,
                COALESCE(SUM(CASE WHEN m.direction = 'outbound' THEN m.segments END), 0) AS outbound_segments,
                COUNT(CASE WHEN m.direction = 'outbound' THEN 1 END) AS outbound_messages,
                COUNT(CASE WHEN m.direction = 'outbound' AND m.status = 'delivered' THEN 1 END) AS delivered_messages
            FROM customers c
            LEFT JOIN assignments a ON a.run_id = c.run_id AND a.customer_id = c.customer_id
            LEFT JOIN messages m ON m.run_id = c.run_id AND m.customer_id = c.customer_id
            WHERE c.run_id = {run}
            GROUP BY c.customer_id, c.segment, COALESCE(a.variant_id, -1)
        ),
        per_customer AS (
            SELECT t.customer_id, t.segment, t.variant_id, t.first_reply_at, t.cost_microdollars,
                t.outbound_segments, t.outbound_messages, t.delivered_messages,
                CASE WHEN t.outbound_messages > 0 THEN 1 ELSE 0 END AS sent,
                CASE WHEN t.delivered_messages > 0 THEN 1 ELSE 0 END AS delivered,
                COALESCE(b.orders, 0) AS orders, COALESCE(b.revenue_cents, 0) AS revenue_cents,
                COALESCE(b.order_value_squares, 0) AS order_value_squares, b.last_order_at,
                CASE WHEN x.customer_id IS NOT NULL THEN 1 ELSE 0 END AS opted_out,
                CASE WHEN t.delivered_messages > 0 AND t.first_reply_at IS NOT NULL THEN (
                    SELECT MIN(m.at) FROM messages m
                    WHERE m.run_id = {run} AND m.customer_id = t.customer_id AND m.direction = 'outbound'
                        AND m.kind IN ('auto', 'agent') AND m.at >= t.first_reply_at
                ) END AS answered_at
            FROM texts t
            LEFT JOIN buys b ON b.customer_id = t.customer_id
            LEFT JOIN opt_outs x ON x.customer_id = t.customer_id
        ),
        unit_rows AS (
            SELECT variant_id, segment, sent, delivered,
                CASE WHEN delivered = 1 AND first_reply_at IS NOT NULL THEN 1 ELSE 0 END AS replied,
                CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END AS conversed,
                CASE WHEN orders > 0 THEN 1 ELSE 0 END AS converted,
                CASE WHEN last_order_at > answered_at THEN 1 ELSE 0 END AS assisted,
                delivered * opted_out AS opted_out,
                orders, revenue_cents, order_value_squares, cost_microdollars, outbound_segments,
                outbound_messages, delivered_messages
            FROM per_customer
        )
        """

    /// The sums behind every customer metric, per variant and segment.
    static let sums: [(name: String, expression: String)] = [
        ("assigned", "COUNT(*)"),
        ("sent", "SUM(sent)"),
        ("delivered", "SUM(delivered)"),
        ("replied", "SUM(replied)"),
        ("conversed", "SUM(conversed)"),
        ("converted", "SUM(converted)"),
        ("delivered_converted", "SUM(delivered * converted)"),
        ("assisted", "SUM(assisted)"),
        ("opted_out", "SUM(opted_out)"),
        ("orders", "SUM(orders)"),
        ("revenue_cents", "SUM(revenue_cents)"),
        ("order_value_squares", "SUM(order_value_squares)"),
        ("revenue_squares", "SUM(revenue_cents * revenue_cents)"),
        ("delivered_revenue_cents", "SUM(delivered * revenue_cents)"),
        ("delivered_revenue_squares", "SUM(delivered * revenue_cents * revenue_cents)"),
        ("cost_microdollars", "SUM(cost_microdollars)"),
        ("outbound_segments", "SUM(outbound_segments)"),
        ("outbound_messages", "SUM(outbound_messages)"),
        ("delivered_messages", "SUM(delivered_messages)"),
    ]

    /// Sums per variant and segment over every customer of the run (`assigned` counts them all); a variant's totals
    /// are its segments' sums (one pass instead of two).
    public static let customerTotals = MetricQuery(
        name: "customer_totals",
        purpose: "one row per variant and segment: counts and sums (n, Σx, Σx²) behind every customer metric",
        template: """
            \(customerRows)
            SELECT variant_id, segment,
                \(sums.map { "\($0.expression) AS \($0.name)" }.joined(separator: ",\n    "))
            FROM unit_rows
            GROUP BY variant_id, segment
            ORDER BY variant_id, segment
            """
    )

    /// Carts per variant, and those an order completed inside the conversion window (a cart counts once,
    /// at its largest such order). Targeted carts are one pass over the carts; recovered ones start from orders.
    public static let cartRecovery = MetricQuery(
        name: "cart_recovery",
        purpose: "one row per variant: carts targeted and carts completed by an order inside the conversion window",
        template: """
            WITH targeted AS (
                SELECT COALESCE(a.variant_id, -1) AS variant_id, COUNT(*) AS carts
                FROM carts k
                LEFT JOIN assignments a ON a.run_id = k.run_id AND a.customer_id = k.customer_id
                WHERE k.run_id = {run}
                GROUP BY COALESCE(a.variant_id, -1)
            ),
            recovered_carts AS (
                SELECT k.cart_id, COALESCE(a.variant_id, -1) AS variant_id, MAX(o.value_cents) AS recovered_cents
                FROM orders o
                JOIN carts k ON k.run_id = o.run_id AND k.cart_id = o.cart_id AND k.customer_id = o.customer_id
                LEFT JOIN assignments a ON a.run_id = o.run_id AND a.customer_id = o.customer_id
                WHERE o.run_id = {run} AND \(inside("o", "conversion_ms"))
                GROUP BY k.cart_id, COALESCE(a.variant_id, -1)
            ),
            recovered AS (
                SELECT variant_id, COUNT(*) AS recovered, SUM(recovered_cents) AS recovered_cents
                FROM recovered_carts
                GROUP BY variant_id
            )
            SELECT t.variant_id, t.carts, COALESCE(r.recovered, 0) AS recovered,
                COALESCE(r.recovered_cents, 0) AS recovered_cents
            FROM targeted t
            LEFT JOIN recovered r ON r.variant_id = t.variant_id
            ORDER BY t.variant_id
            """
    )

    public static let resolutionTimes = MetricQuery(
        name: "resolution_times",
        purpose: """
            one row per conversation with a question: how it ended (automation, agent, abandoned, unresolved) and \
            milliseconds from the first non-keyword inbound text to the resolution
            """,
        template: """
            WITH questions AS (
                SELECT m.conversation_id, MIN(m.at) AS asked_at
                FROM messages m
                WHERE m.run_id = {run} AND m.direction = 'inbound' AND m.conversation_id IS NOT NULL
                    AND \(notKeyword)
                GROUP BY m.conversation_id
            ),
            handoff_states AS (
                SELECT h.conversation_id,
                    MAX(CASE WHEN h.resolution = 'resolved' THEN h.closed_at END) AS resolved_at,
                    SUM(CASE WHEN h.resolution = 'abandoned' THEN 1 ELSE 0 END) AS abandoned
                FROM handoffs h
                WHERE h.run_id = {run}
                GROUP BY h.conversation_id
            ),
            automated AS (
                SELECT q.conversation_id, MIN(m.at) AS answered_at
                FROM questions q
                JOIN conversations c ON c.run_id = {run} AND c.conversation_id = q.conversation_id
                JOIN messages m ON m.run_id = {run} AND m.customer_id = c.customer_id
                    AND m.conversation_id = q.conversation_id
                WHERE m.direction = 'outbound' AND m.kind = 'auto' AND m.at >= q.asked_at
                GROUP BY q.conversation_id
            )
            SELECT COALESCE(a.variant_id, -1) AS variant_id,
                CASE
                    WHEN h.conversation_id IS NOT NULL AND h.resolved_at IS NOT NULL THEN 'agent'
                    WHEN h.conversation_id IS NOT NULL AND h.abandoned > 0 THEN 'abandoned'
                    WHEN h.conversation_id IS NOT NULL THEN 'unresolved'
                    WHEN t.answered_at IS NOT NULL THEN 'automation'
                    ELSE 'unresolved'
                END AS resolved_by,
                CASE
                    WHEN h.conversation_id IS NOT NULL THEN h.resolved_at - q.asked_at
                    ELSE t.answered_at - q.asked_at
                END AS duration_ms
            FROM questions q
            JOIN conversations c ON c.run_id = {run} AND c.conversation_id = q.conversation_id
            LEFT JOIN assignments a ON a.run_id = {run} AND a.customer_id = c.customer_id
            LEFT JOIN handoff_states h ON h.conversation_id = q.conversation_id
            LEFT JOIN automated t ON t.conversation_id = q.conversation_id
            ORDER BY variant_id, q.conversation_id
            """
    )

    public static let handoffTotals = MetricQuery(
        name: "handoff_totals",
        purpose: "one row per variant: hand-offs queued, picked up, resolved, abandoned, still open",
        template: """
            SELECT COALESCE(a.variant_id, -1) AS variant_id,
                COUNT(*) AS queued,
                SUM(CASE WHEN h.picked_up_at IS NOT NULL THEN 1 ELSE 0 END) AS picked_up,
                SUM(CASE WHEN h.resolution = 'resolved' THEN 1 ELSE 0 END) AS resolved,
                SUM(CASE WHEN h.resolution = 'abandoned' THEN 1 ELSE 0 END) AS abandoned,
                SUM(CASE WHEN h.resolution = 'open' THEN 1 ELSE 0 END) AS still_open
            FROM handoffs h
            LEFT JOIN assignments a ON a.run_id = h.run_id AND a.customer_id = h.customer_id
            WHERE h.run_id = {run}
            GROUP BY COALESCE(a.variant_id, -1)
            ORDER BY variant_id
            """
    )

    public static let agentBusyIntervals = MetricQuery(
        name: "agent_busy_intervals",
        purpose: "one row per hand-off an agent picked up: pick-up and close (NULL while open), for utilisation",
        template: """
            SELECT h.agent_id, h.picked_up_at, h.closed_at
            FROM handoffs h
            WHERE h.run_id = {run} AND h.picked_up_at IS NOT NULL
            ORDER BY h.picked_up_at, h.handoff_id
            """
    )

    public static let agentShifts = MetricQuery(
        name: "agent_shifts",
        purpose: "one row per agent shift: start, end and chats at once, utilisation's denominator",
        template: """
            SELECT s.agent_id, s.starts_at, s.ends_at, s.concurrency
            FROM agent_shifts s
            WHERE s.run_id = {run}
            ORDER BY s.starts_at, s.agent_id
            """
    )

    /// One sort ranks each conversation's node messages from the last; a second folds them into visits (conversation,
    /// node), the last node's visit carrying how the conversation ended; the third groups visits by arm and node.
    public static let flowNodes = MetricQuery(
        name: "flow_nodes",
        purpose: """
            one row per variant and flow node: conversations arriving, and those whose last message was at the node \
            and that ended there by expiry, opt-out, failure or were still open (drop-off), expiry apart
            """,
        template: """
            WITH ranked AS (
                SELECT m.conversation_id, m.customer_id, m.flow_node,
                    ROW_NUMBER() OVER (PARTITION BY m.conversation_id ORDER BY m.at DESC, m.message_id DESC) AS position
                FROM messages m
                WHERE m.run_id = {run} AND m.flow_node IS NOT NULL AND m.conversation_id IS NOT NULL
            ),
            visits AS (
                SELECT conversation_id, customer_id, flow_node, MIN(position) AS position
                FROM ranked
                GROUP BY conversation_id, customer_id, flow_node
            ),
            ends AS (
                SELECT v.customer_id, v.flow_node,
                    CASE WHEN v.position = 1 AND c.conversation_id IS NOT NULL
                        AND (c.outcome IS NULL OR c.outcome IN ('expired', 'opted_out', 'failed'))
                        THEN 1 ELSE 0 END AS dropped,
                    CASE WHEN v.position = 1 AND c.outcome = 'expired' THEN 1 ELSE 0 END AS expired
                FROM visits v
                LEFT JOIN conversations c ON c.run_id = {run} AND c.conversation_id = v.conversation_id
            )
            SELECT COALESCE(a.variant_id, -1) AS variant_id, e.flow_node,
                COUNT(*) AS arrivals,
                SUM(e.dropped) AS dropped,
                SUM(e.expired) AS expired
            FROM ends e
            LEFT JOIN assignments a ON a.run_id = {run} AND a.customer_id = e.customer_id
            GROUP BY COALESCE(a.variant_id, -1), e.flow_node
            ORDER BY variant_id, arrivals DESC, e.flow_node
            """
    )

    public static let nodeCategories = MetricQuery(
        name: "node_categories",
        purpose:
            "one row per variant, flow node and category: inbound texts the node's router (or keyword layer) sorted",
        template: """
            SELECT COALESCE(a.variant_id, -1) AS variant_id, m.flow_node, COALESCE(m.category, '(none)') AS category,
                COUNT(*) AS replies
            FROM messages m
            LEFT JOIN assignments a ON a.run_id = m.run_id AND a.customer_id = m.customer_id
            WHERE m.run_id = {run} AND m.direction = 'inbound' AND m.flow_node IS NOT NULL
            GROUP BY COALESCE(a.variant_id, -1), m.flow_node, COALESCE(m.category, '(none)')
            ORDER BY variant_id, m.flow_node, replies DESC, category
            """
    )

    public static let intentConfusion = MetricQuery(
        name: "intent_confusion",
        purpose: "one row per drawn intent and category: simulated replies only (imported texts carry no intent)",
        template: """
            SELECT m.intent, COALESCE(m.category, '(none)') AS category, COUNT(*) AS replies
            FROM messages m
            WHERE m.run_id = {run} AND m.direction = 'inbound' AND m.intent IS NOT NULL
            GROUP BY m.intent, COALESCE(m.category, '(none)')
            ORDER BY m.intent, category
            """
    )

    public static let deliveryFailures = MetricQuery(
        name: "delivery_failures",
        purpose: "one row per variant and carrier error code: outbound texts that failed or were undelivered",
        template: """
            SELECT COALESCE(a.variant_id, -1) AS variant_id, COALESCE(m.error_code, 0) AS error_code,
                COUNT(*) AS failures
            FROM messages m
            LEFT JOIN assignments a ON a.run_id = m.run_id AND a.customer_id = m.customer_id
            WHERE m.run_id = {run} AND m.direction = 'outbound' AND m.status IN ('failed', 'undelivered')
            GROUP BY COALESCE(a.variant_id, -1), COALESCE(m.error_code, 0)
            ORDER BY variant_id, failures DESC, error_code
            """
    )

    public static let suppressions = MetricQuery(
        name: "suppressions",
        purpose: "one row per reason: outbound texts the gate held back, and how many were only deferred",
        template: """
            SELECT s.reason, COUNT(*) AS held, SUM(CASE WHEN s.deferred_until IS NOT NULL THEN 1 ELSE 0 END) AS deferred
            FROM suppressions s
            WHERE s.run_id = {run}
            GROUP BY s.reason
            ORDER BY held DESC, s.reason
            """
    )

    public static let quarantine = MetricQuery(
        name: "quarantine",
        purpose: "one row per reason: input rows an import refused",
        template: """
            SELECT q.reason, COUNT(*) AS rows_refused
            FROM quarantine q
            WHERE q.run_id = {run}
            GROUP BY q.reason
            ORDER BY rows_refused DESC, q.reason
            """
    )

    public static let replySample = MetricQuery(
        name: "reply_sample",
        purpose: "the first 20 inbound texts of the run, as customers wrote them (the report escapes and masks them)",
        template: """
            SELECT m.at, COALESCE(a.variant_id, -1) AS variant_id, m.body, COALESCE(m.category, '(none)') AS category
            FROM messages m
            LEFT JOIN assignments a ON a.run_id = m.run_id AND a.customer_id = m.customer_id
            WHERE m.run_id = {run} AND m.direction = 'inbound'
            ORDER BY m.message_id
            LIMIT 20
            """
    )

    /// Every query the analysis runs, in order.
    public static let all: [MetricQuery] = [
        customerTotals, cartRecovery, resolutionTimes, handoffTotals, agentBusyIntervals, agentShifts,
        flowNodes, nodeCategories, intentConfusion, deliveryFailures, suppressions, quarantine, replySample,
    ]
}
