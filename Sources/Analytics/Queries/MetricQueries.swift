/// The catalog of reductions the analysis runs, in the order it runs them. Statistics stay in Swift: each query
/// returns sums (n, Σx, Σx²) or the raw durations a quantile needs, never a p-value.
public enum MetricQueries {
    /// An inbound text that is not a STOP/HELP/START keyword (the keyword layer writes its word in parentheses).
    static let notKeyword = "(m.category IS NULL OR m.category NOT IN ('(opt-out)', '(help)', '(opt-in)'))"

    /// One row per customer of the run: its arm (-1 when the run has no assignments, e.g. an import without a
    /// variant mapping), its segment and `t0`, the instant its windows start: the assignment time when the log
    /// has one (the same instant for every arm, holdout included), else the customer's first outbound text.
    static let units = """
        units AS (
            SELECT c.customer_id, COALESCE(a.variant_id, -1) AS variant_id, c.segment,
                COALESCE(a.assigned_at, (
                    SELECT MIN(m.at) FROM messages m
                    WHERE m.run_id = c.run_id AND m.customer_id = c.customer_id AND m.direction = 'outbound'
                )) AS t0
            FROM customers c
            LEFT JOIN assignments a ON a.run_id = c.run_id AND a.customer_id = c.customer_id
            WHERE c.run_id = {run}
        )
        """

    /// Per customer: sent, delivered, first non-keyword reply inside the reply window, the first automated or
    /// agent answer after it (a two-way exchange), orders and revenue inside the conversion window, an opt-out
    /// inside the opt-out window, and what its messages cost.
    ///
    /// Each customer's row, messages, orders and opt-outs are stacked into one `events` relation (each branch an
    /// indexed join on the customer) and reduced per customer in one GROUP BY: about half the work of joining
    /// per-table reductions back to the customers. Each event table is the outer side (`CROSS JOIN` fixes the
    /// order in SQLite, which without statistics may otherwise loop over customers and rescan the run's messages
    /// for each; other engines plan it as the same equi-join). Only repliers' answers look at messages again.
    static let unitRows = """
        WITH \(units),
        events AS (
            SELECT u.customer_id, u.variant_id, u.segment, u.t0, 0 AS source, 0 AS at, '' AS direction,
                '' AS status, 0 AS keyword, 0 AS amount, 0 AS segments
            FROM units u
            UNION ALL
            SELECT u.customer_id, u.variant_id, u.segment, u.t0, 1, m.at, m.direction, m.status,
                CASE WHEN \(notKeyword) THEN 0 ELSE 1 END, m.cost_microdollars, m.segments
            FROM messages m
            CROSS JOIN units u
            WHERE m.run_id = {run} AND u.customer_id = m.customer_id
            UNION ALL
            SELECT u.customer_id, u.variant_id, u.segment, u.t0, 2, o.at, '', '', 0, o.value_cents, 0
            FROM orders o
            CROSS JOIN units u
            WHERE o.run_id = {run} AND u.customer_id = o.customer_id
            UNION ALL
            SELECT u.customer_id, u.variant_id, u.segment, u.t0, 3, e.at, '', '', 0, 0, 0
            FROM consent_events e
            CROSS JOIN units u
            WHERE e.run_id = {run} AND e.kind = 'opt_out' AND u.customer_id = e.customer_id
        ),
        per_customer AS (
            SELECT v.customer_id, v.variant_id, v.segment,
                MAX(CASE WHEN v.source = 1 AND v.direction = 'outbound' THEN 1 ELSE 0 END) AS sent,
                MAX(CASE WHEN v.source = 1 AND v.direction = 'outbound' AND v.status = 'delivered' THEN 1 ELSE 0 END)
                    AS delivered,
                MIN(CASE WHEN v.source = 1 AND v.direction = 'inbound' AND v.keyword = 0
                    AND v.at > v.t0 AND v.at <= v.t0 + {reply_ms} THEN v.at END) AS first_reply_at,
                SUM(CASE WHEN v.source = 1 THEN v.amount ELSE 0 END) AS cost_microdollars,
                SUM(CASE WHEN v.source = 1 AND v.direction = 'outbound' THEN v.segments ELSE 0 END)
                    AS outbound_segments,
                SUM(CASE WHEN v.source = 1 AND v.direction = 'outbound' THEN 1 ELSE 0 END) AS outbound_messages,
                SUM(CASE WHEN v.source = 1 AND v.direction = 'outbound' AND v.status = 'delivered' THEN 1 ELSE 0 END)
                    AS delivered_messages,
                SUM(CASE WHEN v.source = 2 AND v.at > v.t0 AND v.at <= v.t0 + {conversion_ms} THEN 1 ELSE 0 END)
                    AS orders,
                SUM(CASE WHEN v.source = 2 AND v.at > v.t0 AND v.at <= v.t0 + {conversion_ms} THEN v.amount ELSE 0 END)
                    AS revenue_cents,
                SUM(CASE WHEN v.source = 2 AND v.at > v.t0 AND v.at <= v.t0 + {conversion_ms}
                    THEN v.amount * v.amount ELSE 0 END) AS order_value_squares,
                MAX(CASE WHEN v.source = 2 AND v.at > v.t0 AND v.at <= v.t0 + {conversion_ms} THEN v.at END)
                    AS last_order_at,
                MAX(CASE WHEN v.source = 3 AND v.at > v.t0 AND v.at <= v.t0 + {opt_out_ms} THEN 1 ELSE 0 END)
                    AS opted_out
            FROM events v
            GROUP BY v.customer_id, v.variant_id, v.segment
        ),
        answers AS (
            SELECT p.customer_id, MIN(m.at) AS answered_at
            FROM per_customer p
            JOIN messages m ON m.run_id = {run} AND m.customer_id = p.customer_id
            WHERE p.first_reply_at IS NOT NULL AND m.direction = 'outbound' AND m.kind IN ('auto', 'agent')
                AND m.at >= p.first_reply_at
            GROUP BY p.customer_id
        ),
        unit_rows AS (
            SELECT p.customer_id, p.variant_id, p.segment, p.sent, p.delivered,
                CASE WHEN p.delivered = 1 AND p.first_reply_at IS NOT NULL THEN 1 ELSE 0 END AS replied,
                CASE WHEN p.delivered = 1 AND a.answered_at IS NOT NULL THEN 1 ELSE 0 END AS conversed,
                CASE WHEN p.orders > 0 THEN 1 ELSE 0 END AS converted,
                CASE WHEN p.delivered = 1 AND a.answered_at IS NOT NULL AND p.last_order_at > a.answered_at
                    THEN 1 ELSE 0 END AS assisted,
                p.delivered * p.opted_out AS opted_out,
                p.orders, p.revenue_cents, p.order_value_squares, p.cost_microdollars, p.outbound_segments,
                p.outbound_messages, p.delivered_messages
            FROM per_customer p
            LEFT JOIN answers a ON a.customer_id = p.customer_id
        )
        """

    /// The sums every customer metric needs, grouped by `groupColumns`.
    static func totals(groupColumns: String) -> String {
        """
        \(unitRows)
        SELECT \(groupColumns),
            COUNT(*) AS assigned,
            SUM(sent) AS sent,
            SUM(delivered) AS delivered,
            SUM(replied) AS replied,
            SUM(conversed) AS conversed,
            SUM(converted) AS converted,
            SUM(delivered * converted) AS delivered_converted,
            SUM(assisted) AS assisted,
            SUM(opted_out) AS opted_out,
            SUM(orders) AS orders,
            SUM(revenue_cents) AS revenue_cents,
            SUM(order_value_squares) AS order_value_squares,
            SUM(revenue_cents * revenue_cents) AS revenue_squares,
            SUM(delivered * revenue_cents) AS delivered_revenue_cents,
            SUM(delivered * revenue_cents * revenue_cents) AS delivered_revenue_squares,
            SUM(cost_microdollars) AS cost_microdollars,
            SUM(outbound_segments) AS outbound_segments,
            SUM(outbound_messages) AS outbound_messages,
            SUM(delivered_messages) AS delivered_messages
        FROM unit_rows
        GROUP BY \(groupColumns)
        ORDER BY \(groupColumns)
        """
    }

    /// Sums per variant and segment; a variant's totals are its segments' sums (one pass instead of two).
    public static let customerTotals = MetricQuery(
        name: "customer_totals",
        purpose: "one row per variant and segment: counts and sums (n, Σx, Σx²) behind every customer metric",
        template: totals(groupColumns: "variant_id, segment")
    )

    public static let cartRecovery = MetricQuery(
        name: "cart_recovery",
        purpose: "one row per variant: carts targeted and carts completed by an order inside the conversion window",
        template: """
            WITH \(units),
            cart_rows AS (
                SELECT k.cart_id, u.variant_id,
                    MAX(CASE WHEN o.at > u.t0 AND o.at <= u.t0 + {conversion_ms} THEN 1 ELSE 0 END) AS recovered,
                    MAX(CASE WHEN o.at > u.t0 AND o.at <= u.t0 + {conversion_ms} THEN o.value_cents ELSE 0 END)
                        AS recovered_cents
                FROM carts k
                JOIN units u ON u.customer_id = k.customer_id
                LEFT JOIN orders o ON o.run_id = k.run_id AND o.customer_id = k.customer_id AND o.cart_id = k.cart_id
                WHERE k.run_id = {run}
                GROUP BY k.cart_id, u.variant_id
            )
            SELECT variant_id, COUNT(*) AS carts, SUM(recovered) AS recovered, SUM(recovered_cents) AS recovered_cents
            FROM cart_rows
            GROUP BY variant_id
            ORDER BY variant_id
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

    public static let flowNodes = MetricQuery(
        name: "flow_nodes",
        purpose: """
            one row per variant and flow node: conversations arriving, and those whose last message was at the node \
            and that ended there by expiry, opt-out, failure or were still open (drop-off), expiry apart
            """,
        template: """
            WITH node_messages AS (
                SELECT m.conversation_id, m.customer_id, m.flow_node, m.at AS at_ms, m.message_id
                FROM messages m
                WHERE m.run_id = {run} AND m.flow_node IS NOT NULL AND m.conversation_id IS NOT NULL
            ),
            arrivals AS (
                SELECT customer_id, conversation_id, flow_node FROM node_messages
                GROUP BY customer_id, conversation_id, flow_node
            ),
            ranked AS (
                SELECT conversation_id, flow_node,
                    ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY at_ms DESC, message_id DESC) AS position
                FROM node_messages
            ),
            last_nodes AS (
                SELECT r.conversation_id, r.flow_node,
                    CASE WHEN c.outcome IS NULL OR c.outcome IN ('expired', 'opted_out', 'failed')
                        THEN 1 ELSE 0 END AS dropped,
                    CASE WHEN c.outcome = 'expired' THEN 1 ELSE 0 END AS expired
                FROM ranked r
                JOIN conversations c ON c.run_id = {run} AND c.conversation_id = r.conversation_id
                WHERE r.position = 1
            )
            SELECT COALESCE(a.variant_id, -1) AS variant_id, v.flow_node,
                COUNT(*) AS arrivals,
                SUM(COALESCE(l.dropped, 0)) AS dropped,
                SUM(COALESCE(l.expired, 0)) AS expired
            FROM arrivals v
            LEFT JOIN assignments a ON a.run_id = {run} AND a.customer_id = v.customer_id
            LEFT JOIN last_nodes l ON l.conversation_id = v.conversation_id AND l.flow_node = v.flow_node
            GROUP BY COALESCE(a.variant_id, -1), v.flow_node
            ORDER BY variant_id, arrivals DESC, v.flow_node
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
