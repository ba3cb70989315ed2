#!/usr/bin/env python3
"""Reply rate, conversion and mean time-to-resolution from a Twilio message-log CSV (and an orders CSV),
computed by pandas and by DuckDB on the same files, each timed: the outside yardstick for
`replylab import twilio` + `replylab analyze` (issue 11, item 9).

    pip install pandas duckdb
    python3 scripts/twilio-metrics-pandas-duckdb.py messages.csv --orders orders.csv [--engine both]

Prints one JSON line per engine: the three numbers, their numerators/denominators and the wall-clock seconds.

Definitions (a SKELETON: align them with Analytics' metric SQL once it lands, so the numbers can be compared
exactly; until then they follow DESIGN.md "Metrics" and the importer's documented rules):
- a customer is the non-business side of a row (From for inbound, To for outbound), with a leading ' and a
  `whatsapp:` prefix removed; t0 = the customer's first outbound text;
- reply rate = customers with >= 1 inbound text that is not a carrier keyword in (t0, t0 + 72 h]
  / customers with >= 1 delivered outbound text;
- conversion = customers with >= 1 order in (t0, t0 + 7 d] / customers with >= 1 outbound text;
- threads: texts of one (business number, customer) pair, a new conversation after 48 h of silence;
  time to resolution = first non-keyword inbound of a conversation -> last outbound text after it in the same
  conversation (conversations with no answer are left out and counted); mean in seconds.
Keywords: the whole text, letters only, upper-cased, is one of Twilio's defaults (STOP, STOPALL, UNSUBSCRIBE,
CANCEL, END, QUIT, REVOKE, OPTOUT, HELP, INFO, START, UNSTOP) — ReplyLab's classifier is richer (phrases,
review holds), which the comparison must account for.
"""

import argparse
import json
import time

KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "HELP", "INFO",
            "START", "UNSTOP"]
REPLY_WINDOW_MS = 72 * 3_600_000
ORDER_WINDOW_MS = 7 * 86_400_000
GAP_MS = 48 * 3_600_000


def with_pandas(messages_path, orders_path):
    import pandas as pd

    EPOCH = pd.Timestamp("1970-01-01", tz="UTC")
    started = time.perf_counter()
    log = pd.read_csv(messages_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    inbound = log["Direction"].str.lower().eq("inbound")
    strip = lambda column: column.str.lstrip("'").str.replace("whatsapp:", "", regex=False)
    log["customer"] = strip(log["From"].where(inbound, log["To"]))
    log["business"] = strip(log["To"].where(inbound, log["From"]))
    log["inbound"] = inbound
    epoch_ms = lambda column: (pd.to_datetime(column, utc=True, format="mixed") - EPOCH) // pd.Timedelta(milliseconds=1)
    log["t"] = epoch_ms(log["SentDate"])
    letters = log["Body"].str.upper().str.replace(r"[^A-Z]", "", regex=True)
    log["keyword"] = letters.isin(KEYWORDS)
    log["delivered"] = log["Status"].str.lower().eq("delivered") & ~inbound

    first = log[~log["inbound"]].groupby("customer")["t"].min().rename("t0")
    delivered = log[log["delivered"]].groupby("customer").size()
    replies = log[log["inbound"] & ~log["keyword"]].join(first, on="customer")
    replied = replies[(replies["t"] > replies["t0"]) & (replies["t"] <= replies["t0"] + REPLY_WINDOW_MS)]
    reply_x = replied.loc[replied["customer"].isin(delivered.index), "customer"].nunique()

    conversion_x = 0
    if orders_path:
        orders = pd.read_csv(orders_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        orders = orders[~orders.get("abandoned", pd.Series("no", index=orders.index)).str.lower().isin(["yes", "true", "1"])]
        orders["customer"] = orders["customer_phone"].str.lstrip("'")
        orders["t"] = epoch_ms(orders["created_at"])
        joined = orders.join(first, on="customer", how="inner")
        converted = joined[(joined["t"] > joined["t0"]) & (joined["t"] <= joined["t0"] + ORDER_WINDOW_MS)]
        conversion_x = converted["customer"].nunique()

    log = log.sort_values(["business", "customer", "t"], kind="stable")
    gap = log.groupby(["business", "customer"])["t"].diff()
    log["conversation"] = (gap.isna() | (gap > GAP_MS)).cumsum()
    asked = log[log["inbound"] & ~log["keyword"]].groupby("conversation")["t"].min().rename("asked")
    answers = log[~log["inbound"]].join(asked, on="conversation", how="inner")
    answers = answers[answers["t"] > answers["asked"]]
    resolved = answers.groupby("conversation")["t"].max() - asked.reindex(answers["conversation"].unique())
    seconds = time.perf_counter() - started
    return {
        "engine": "pandas", "seconds": round(seconds, 3),
        "reply_rate": [int(reply_x), int(delivered.size)],
        "conversion": [int(conversion_x), int(first.size)],
        "mean_ttr_s": float(resolved.mean() / 1000) if len(resolved) else None,
        "resolved_conversations": int(len(resolved)), "unanswered_conversations": int(len(asked) - len(resolved)),
    }


def with_duckdb(messages_path, orders_path):
    import duckdb

    started = time.perf_counter()
    db = duckdb.connect()
    keywords = ", ".join(f"'{word}'" for word in KEYWORDS)
    db.execute(f"""
        CREATE TABLE log AS
        WITH raw AS (SELECT * FROM read_csv('{messages_path}', all_varchar = true, header = true))
        SELECT lower("Direction") = 'inbound' AS inbound,
               replace(ltrim(CASE WHEN lower("Direction") = 'inbound' THEN "From" ELSE "To" END, ''''),
                       'whatsapp:', '') AS customer,
               replace(ltrim(CASE WHEN lower("Direction") = 'inbound' THEN "To" ELSE "From" END, ''''),
                       'whatsapp:', '') AS business,
               epoch_ms(CAST("SentDate" AS TIMESTAMPTZ)) AS t,
               regexp_replace(upper("Body"), '[^A-Z]', '', 'g') IN ({keywords}) AS keyword,
               lower("Status") = 'delivered' AND lower("Direction") <> 'inbound' AS delivered
        FROM raw
    """)
    reply_x, delivered_n = db.execute(f"""
        WITH first AS (SELECT customer, min(t) AS t0, max(CAST(delivered AS INT)) AS delivered
                       FROM log WHERE NOT inbound GROUP BY customer)
        SELECT count(DISTINCT CASE WHEN f.delivered = 1 THEN l.customer END), (SELECT sum(delivered) FROM first)
        FROM first f JOIN log l ON l.customer = f.customer
        WHERE l.inbound AND NOT l.keyword AND l.t > f.t0 AND l.t <= f.t0 + {REPLY_WINDOW_MS}
    """).fetchone()
    texted = db.execute("SELECT count(DISTINCT customer) FROM log WHERE NOT inbound").fetchone()[0]
    conversion_x = 0
    if orders_path:
        conversion_x = db.execute(f"""
            WITH orders AS (
                SELECT ltrim(customer_phone, '''') AS customer, epoch_ms(CAST(created_at AS TIMESTAMPTZ)) AS t
                FROM read_csv('{orders_path}', all_varchar = true, header = true)
                WHERE coalesce(lower(abandoned), 'no') NOT IN ('yes', 'true', '1')),
            first AS (SELECT customer, min(t) AS t0 FROM log WHERE NOT inbound GROUP BY customer)
            SELECT count(DISTINCT o.customer) FROM orders o JOIN first f ON f.customer = o.customer
            WHERE o.t > f.t0 AND o.t <= f.t0 + {ORDER_WINDOW_MS}
        """).fetchone()[0]
    mean_ttr, resolved, asked = db.execute(f"""
        WITH ordered AS (
            SELECT *, t - lag(t) OVER (PARTITION BY business, customer ORDER BY t) AS gap FROM log),
        threaded AS (
            SELECT *, sum(CASE WHEN gap IS NULL OR gap > {GAP_MS} THEN 1 ELSE 0 END)
                      OVER (PARTITION BY business, customer ORDER BY t ROWS UNBOUNDED PRECEDING) AS conversation
            FROM ordered),
        asked AS (SELECT business, customer, conversation, min(t) AS asked FROM threaded
                  WHERE inbound AND NOT keyword GROUP BY ALL),
        answered AS (SELECT a.business, a.customer, a.conversation, max(t.t) - a.asked AS ttr
                     FROM asked a JOIN threaded t USING (business, customer, conversation)
                     WHERE NOT t.inbound AND t.t > a.asked GROUP BY a.business, a.customer, a.conversation, a.asked)
        SELECT avg(ttr) / 1000.0, count(*), (SELECT count(*) FROM asked) FROM answered
    """).fetchone()
    seconds = time.perf_counter() - started
    return {
        "engine": "duckdb", "seconds": round(seconds, 3),
        "reply_rate": [int(reply_x), int(delivered_n or 0)],
        "conversion": [int(conversion_x), int(texted)],
        "mean_ttr_s": float(mean_ttr) if mean_ttr is not None else None,
        "resolved_conversations": int(resolved), "unanswered_conversations": int(asked - resolved),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("messages", help="Twilio message-log CSV (Console format)")
    parser.add_argument("--orders", help="orders CSV in the shape 'replylab export twilio --orders' writes")
    parser.add_argument("--engine", choices=["pandas", "duckdb", "both"], default="both")
    arguments = parser.parse_args()
    engines = {"pandas": with_pandas, "duckdb": with_duckdb}
    for name in (["pandas", "duckdb"] if arguments.engine == "both" else [arguments.engine]):
        print(json.dumps(engines[name](arguments.messages, arguments.orders), sort_keys=True))


if __name__ == "__main__":
    main()
