#!/usr/bin/env python3
"""Reply rate, conversion and mean time-to-resolution from a Twilio message-log CSV, its orders CSV and the variant
mapping, computed by pandas and by DuckDB on the same files, each timed, beside `replylab import twilio` +
`replylab analyze` on the same files: the outside yardstick of issue 11 item 9.

    pip install pandas duckdb
    python3 scripts/twilio-metrics-pandas-duckdb.py messages.csv --orders orders.csv --mapping mapping.json \
        [--engine pandas|duckdb|replylab|all] [--runs 3] [--replylab .build/release/replylab]

Prints one JSON line per engine and run: the three numbers as [numerator, denominator] (TTR as [sum ms, count]),
and the wall-clock seconds; then the medians. Exit status 1 when the engines' numbers differ.

The definitions are Analytics' (Sources/Analytics/Queries/MetricQueries.swift) applied to the files the way
`import twilio` reads them (MessagePlanner's documented rules), so the numbers are the same, not merely close:
- customer: the non-business side of a row (From for inbound, To for outbound), `'` and `whatsapp:` removed; the
  units are every customer of the mapping, the log and the orders file; t0 = the mapping's assigned_at, else the
  customer's first outbound text;
- threads: texts of one (business number, customer) pair in (time, file order), a new conversation after 48 h of
  silence;
- keyword reply (STOP/HELP/START the keyword layer acted on): an inbound text whose next text in its thread is a
  `system` text (SenderType) within 60 s: the platform answers every keyword it acts on with its compliance reply.
  ReplyLab classifies the words with Messaging's KeywordPolicy instead; on the exports ReplyLab writes the two agree;
- reply rate = delivered customers with >= 1 non-keyword inbound text in (t0, t0 + 72 h] / customers with >= 1
  delivered outbound text;
- conversion = customers with >= 1 order (not an abandoned cart) in (t0, t0 + 7 d] / all units;
- time to resolution, per conversation with a non-keyword inbound text (asked = the first): when an agent wrote in
  it, the last agent text, or a `system` text after an outbound one (the confirmation of an opt-out a reviewer
  decided), minus asked; otherwise the first `bot` text at or after asked, minus asked; no answer: unresolved, left
  out of the mean. Windows are the `replylab` preset (analyze --window replylab).
"""

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time

REPLY_MS = 72 * 3_600_000
CONVERSION_MS = 7 * 86_400_000
GAP_MS = 48 * 3_600_000
AUTO_REPLY_MS = 60_000


def mapping_units(mapping_path):
    """(customer E.164, assigned_at ms or None) for every customer the mapping lists."""
    if not mapping_path:
        return []
    with open(mapping_path, encoding="utf-8") as handle:
        customers = json.load(handle).get("messages", {}).get("customers", {})
    import datetime

    units = []
    for phone, rule in customers.items():
        at = rule.get("assigned_at") if isinstance(rule, dict) else None
        if at:
            stamp = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
            at = int(stamp.timestamp() * 1000 + 0.5)
        units.append((phone, at))
    return units


def with_pandas(messages_path, orders_path, mapping_path):
    import pandas as pd

    started = time.perf_counter()
    log = pd.read_csv(messages_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    log["ord"] = range(len(log))
    inbound = log["Direction"].str.lower().eq("inbound")

    def strip(column):
        return column.str.lstrip("'").str.replace("whatsapp:", "", regex=False)

    log["customer"] = strip(log["From"].where(inbound, log["To"]))
    log["business"] = strip(log["To"].where(inbound, log["From"]))
    log["inbound"] = inbound
    epoch = pd.Timestamp("1970-01-01", tz="UTC")

    def epoch_ms(column):
        return (pd.to_datetime(column, utc=True, format="ISO8601") - epoch) // pd.Timedelta(milliseconds=1)

    log["t"] = epoch_ms(log["SentDate"])
    log["sender"] = log["SenderType"].str.lower() if "SenderType" in log else ""
    log["delivered"] = log["Status"].str.lower().eq("delivered") & ~inbound
    log = log.sort_values(["business", "customer", "t", "ord"], kind="stable").reset_index(drop=True)
    same_thread_next = log["business"].eq(log["business"].shift(-1)) & log["customer"].eq(log["customer"].shift(-1))
    log["keyword"] = (log["inbound"] & same_thread_next & log["sender"].shift(-1).eq("system")
                      & (log["t"].shift(-1) - log["t"] <= AUTO_REPLY_MS))
    gap = log.groupby(["business", "customer"], sort=False)["t"].diff()
    log["conversation"] = (gap.isna() | (gap > GAP_MS)).cumsum()

    # Units and t0.
    units = pd.DataFrame(mapping_units(mapping_path), columns=["customer", "assigned_at"])
    first_out = log[~log["inbound"]].groupby("customer")["t"].min().rename("first_out")
    orders = None
    if orders_path:
        orders = pd.read_csv(orders_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        orders = orders[~orders["abandoned"].str.lower().isin(["yes", "true", "1"])].copy()
        orders["customer"] = orders["customer_phone"].str.lstrip("'")
        orders["t"] = epoch_ms(orders["created_at"])
    everyone = pd.Index(units["customer"]).union(pd.Index(log["customer"].unique()))
    if orders is not None:
        everyone = everyone.union(pd.Index(orders["customer"].unique()))
    t0 = pd.Series(units["assigned_at"].values, index=units["customer"]).reindex(everyone)
    t0 = t0.fillna(first_out.reindex(everyone)).rename("t0")

    delivered = log[log["delivered"]]["customer"].unique()
    replies = log[log["inbound"] & ~log["keyword"]].join(t0, on="customer")
    replied = replies[(replies["t"] > replies["t0"]) & (replies["t"] <= replies["t0"] + REPLY_MS)]
    reply_x = replied.loc[replied["customer"].isin(delivered), "customer"].nunique()

    conversion_x = 0
    if orders is not None:
        joined = orders.join(t0, on="customer")
        converted = joined[(joined["t"] > joined["t0"]) & (joined["t"] <= joined["t0"] + CONVERSION_MS)]
        conversion_x = converted["customer"].nunique()

    asked = log[log["inbound"] & ~log["keyword"]].groupby("conversation")["t"].min().rename("asked")
    previous_outbound = ~log["inbound"].shift(1, fill_value=True) & log["conversation"].eq(log["conversation"].shift(1))
    agent = log["sender"].eq("agent")
    has_agent = log[agent].groupby("conversation")["t"].min().rename("first_agent")
    closing = log[agent | (log["sender"].eq("system") & previous_outbound)].join(has_agent, on="conversation",
                                                                                  how="inner")
    closing = closing[closing["t"] >= closing["first_agent"]]
    agent_closed = closing.groupby("conversation")["t"].max()
    bots = log[log["sender"].eq("bot")].join(asked, on="conversation", how="inner")
    bot_answer = bots[bots["t"] >= bots["asked"]].groupby("conversation")["t"].min()
    resolved_at = agent_closed.reindex(asked.index).where(asked.index.isin(has_agent.index),
                                                          bot_answer.reindex(asked.index))
    durations = (resolved_at - asked).dropna()
    seconds = time.perf_counter() - started
    return {
        "engine": "pandas", "seconds": round(seconds, 3),
        "reply_rate": [int(reply_x), int(len(delivered))],
        "conversion": [int(conversion_x), int(len(everyone))],
        "ttr_ms": [int(durations.sum()), int(len(durations))],
    }


def with_duckdb(messages_path, orders_path, mapping_path):
    import duckdb

    started = time.perf_counter()
    db = duckdb.connect()
    import pandas as pd

    # The mapping's JSON object keyed by phone is read in Python (as pandas does) and handed over as a frame:
    # DuckDB's executemany would take minutes for 10^5 rows.
    units_frame = pd.DataFrame(mapping_units(mapping_path), columns=["customer", "assigned_at"])
    units_frame["assigned_at"] = units_frame["assigned_at"].astype("Int64")
    db.register("units_frame", units_frame)
    db.execute("CREATE TABLE units_map AS SELECT customer::VARCHAR AS customer, assigned_at::BIGINT AS assigned_at "
               "FROM units_frame")
    db.execute(f"""
        CREATE TABLE log AS
        WITH raw AS (SELECT *, row_number() OVER () AS ord
                     FROM read_csv('{messages_path}', all_varchar = true, header = true)),
        typed AS (
            SELECT ord, lower("Direction") = 'inbound' AS inbound,
                replace(ltrim(CASE WHEN lower("Direction") = 'inbound' THEN "From" ELSE "To" END, ''''),
                        'whatsapp:', '') AS customer,
                replace(ltrim(CASE WHEN lower("Direction") = 'inbound' THEN "To" ELSE "From" END, ''''),
                        'whatsapp:', '') AS business,
                epoch_ms(CAST("SentDate" AS TIMESTAMPTZ)) AS t,
                lower(coalesce("SenderType", '')) AS sender,
                lower("Status") = 'delivered' AND lower("Direction") <> 'inbound' AS delivered
            FROM raw),
        neighbours AS (
            SELECT *, lead(sender) OVER w AS next_sender, lead(t) OVER w AS next_t,
                lag(inbound) OVER w AS previous_inbound, t - lag(t) OVER w AS gap
            FROM typed WINDOW w AS (PARTITION BY business, customer ORDER BY t, ord))
        SELECT *, inbound AND coalesce(next_sender = 'system' AND next_t - t <= {AUTO_REPLY_MS}, false) AS keyword,
            sum(CASE WHEN gap IS NULL OR gap > {GAP_MS} THEN 1 ELSE 0 END)
                OVER (PARTITION BY business, customer ORDER BY t, ord ROWS UNBOUNDED PRECEDING) AS conversation
        FROM neighbours
    """)
    orders_sql = "SELECT NULL::VARCHAR AS customer, NULL::BIGINT AS t WHERE false"
    if orders_path:
        orders_sql = f"""
            SELECT ltrim(customer_phone, '''') AS customer, epoch_ms(CAST(created_at AS TIMESTAMPTZ)) AS t
            FROM read_csv('{orders_path}', all_varchar = true, header = true)
            WHERE coalesce(lower(abandoned), 'no') NOT IN ('yes', 'true', '1')"""
    db.execute(f"CREATE TABLE orders AS {orders_sql}")
    db.execute("""
        CREATE TABLE units AS
        WITH everyone AS (SELECT customer FROM units_map UNION SELECT customer FROM log
                          UNION SELECT customer FROM orders),
        first_out AS (SELECT customer, min(t) AS t0 FROM log WHERE NOT inbound GROUP BY customer)
        SELECT e.customer, coalesce(m.assigned_at, f.t0) AS t0
        FROM everyone e LEFT JOIN units_map m USING (customer) LEFT JOIN first_out f USING (customer)
    """)
    reply_x, delivered_n = db.execute(f"""
        WITH delivered AS (SELECT DISTINCT customer FROM log WHERE delivered)
        SELECT (SELECT count(DISTINCT l.customer) FROM log l JOIN units u USING (customer)
                JOIN delivered d USING (customer)
                WHERE l.inbound AND NOT l.keyword AND l.t > u.t0 AND l.t <= u.t0 + {REPLY_MS}),
               (SELECT count(*) FROM delivered)
    """).fetchone()
    conversion_x, units_n = db.execute(f"""
        SELECT (SELECT count(DISTINCT o.customer) FROM orders o JOIN units u USING (customer)
                WHERE o.t > u.t0 AND o.t <= u.t0 + {CONVERSION_MS}), (SELECT count(*) FROM units)
    """).fetchone()
    ttr_sum, ttr_n = db.execute("""
        WITH asked AS (SELECT business, customer, conversation, min(t) AS asked FROM log
                       WHERE inbound AND NOT keyword GROUP BY ALL),
        first_agent AS (SELECT business, customer, conversation, min(t) AS first_agent FROM log
                        WHERE sender = 'agent' GROUP BY ALL),
        agent_closed AS (
            SELECT l.business, l.customer, l.conversation, max(l.t) AS closed
            FROM log l JOIN first_agent f USING (business, customer, conversation)
            WHERE (l.sender = 'agent' OR (l.sender = 'system' AND NOT coalesce(l.previous_inbound, true)))
                AND l.t >= f.first_agent
            GROUP BY ALL),
        bot_answer AS (
            SELECT l.business, l.customer, l.conversation, min(l.t) AS answered
            FROM log l JOIN asked a USING (business, customer, conversation)
            WHERE l.sender = 'bot' AND l.t >= a.asked GROUP BY ALL),
        durations AS (
            SELECT CASE WHEN f.conversation IS NOT NULL THEN c.closed ELSE b.answered END - a.asked AS ms
            FROM asked a LEFT JOIN first_agent f USING (business, customer, conversation)
                LEFT JOIN agent_closed c USING (business, customer, conversation)
                LEFT JOIN bot_answer b USING (business, customer, conversation))
        SELECT coalesce(sum(ms), 0), count(ms) FROM durations
    """).fetchone()
    seconds = time.perf_counter() - started
    return {
        "engine": "duckdb", "seconds": round(seconds, 3),
        "reply_rate": [int(reply_x), int(delivered_n)],
        "conversion": [int(conversion_x), int(units_n)],
        "ttr_ms": [int(ttr_sum), int(ttr_n)],
    }


def metric_queries(replylab, database):
    text = subprocess.run([replylab, "analyze", "--db", database, "--window", "replylab", "--print-sql"],
                          check=True, capture_output=True, text=True).stdout
    found, name, lines = {}, None, []
    for line in text.splitlines():
        if line.startswith("-- ") and name is None:
            name, lines = line[3:].split(":", 1)[0], []
        elif name is not None:
            lines.append(line)
            if line.rstrip().endswith(";"):
                found[name] = "\n".join(lines).rstrip().rstrip(";")
                name = None
    return found


def with_replylab(messages_path, orders_path, mapping_path, replylab):
    """`replylab import twilio` into a new event log (every row stored, one transaction, fsync'd) then `replylab
    analyze` writing the full report; timed together. The three numbers are then read from that log with the
    queries --print-sql prints (untimed)."""
    folder = tempfile.mkdtemp(prefix="replylab-bench-")
    database = os.path.join(folder, "import.sqlite")
    command = [replylab, "import", "twilio", messages_path, "--db", database]
    if orders_path:
        command += ["--orders", orders_path]
    if mapping_path:
        command += ["--mapping", mapping_path]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    imported = time.perf_counter()
    subprocess.run([replylab, "analyze", "--db", database, "--window", "replylab", "--out",
                    os.path.join(folder, "report")], check=True, capture_output=True)
    finished = time.perf_counter()
    queries = metric_queries(replylab, database)
    lite = sqlite3.connect(database)
    cursor = lite.execute(queries["customer_totals"])
    columns = [description[0] for description in cursor.description]
    totals = {name: 0 for name in columns}
    for row in cursor.fetchall():
        for name, value in zip(columns, row):
            if isinstance(value, (int, float)):
                totals[name] += value
    durations = [ms for _, how, ms in lite.execute(queries["resolution_times"]).fetchall()
                 if how in ("agent", "automation") and ms is not None]
    shutil.rmtree(folder)
    return {
        "engine": "replylab", "seconds": round(finished - started, 3),
        "import_seconds": round(imported - started, 3), "analyze_seconds": round(finished - imported, 3),
        "reply_rate": [int(totals["replied"]), int(totals["delivered"])],
        "conversion": [int(totals["converted"]), int(totals["assigned"])],
        "ttr_ms": [int(sum(durations)), len(durations)],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("messages", help="Twilio message-log CSV (Console format, with SenderType)")
    parser.add_argument("--orders", help="orders CSV in the shape 'replylab export twilio --orders' writes")
    parser.add_argument("--mapping", help="the mapping JSON 'replylab export twilio --mapping' writes")
    parser.add_argument("--engine", choices=["pandas", "duckdb", "replylab", "all"], default="all")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--replylab", default=".build/release/replylab")
    arguments = parser.parse_args()
    engines = ["pandas", "duckdb", "replylab"] if arguments.engine == "all" else [arguments.engine]
    results = {}
    for _ in range(arguments.runs):
        for name in engines:
            if name == "pandas":
                result = with_pandas(arguments.messages, arguments.orders, arguments.mapping)
            elif name == "duckdb":
                result = with_duckdb(arguments.messages, arguments.orders, arguments.mapping)
            else:
                result = with_replylab(arguments.messages, arguments.orders, arguments.mapping, arguments.replylab)
            print(json.dumps(result, sort_keys=True), flush=True)
            results.setdefault(name, []).append(result)
    numbers = {name: {key: runs[0][key] for key in ("reply_rate", "conversion", "ttr_ms")}
               for name, runs in results.items()}
    agree = len({json.dumps(value, sort_keys=True) for value in numbers.values()}) == 1
    for name, runs in results.items():
        seconds = sorted(run["seconds"] for run in runs)
        print(f"{name:<9} median {statistics.median(seconds):.2f} s over {len(seconds)} runs "
              f"(min {seconds[0]:.2f}, max {seconds[-1]:.2f})")
    print("numbers agree across engines" if agree else "NUMBERS DIFFER: " + json.dumps(numbers, sort_keys=True))
    raise SystemExit(0 if agree else 1)


if __name__ == "__main__":
    main()
