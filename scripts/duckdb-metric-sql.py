#!/usr/bin/env python3
"""Runs the metric queries `replylab analyze --print-sql` prints, unchanged, on DuckDB over `replylab export
tables` output, and checks every result row equals SQLite's on the event log itself (issue 11, item 7).

    pip install duckdb
    python3 scripts/duckdb-metric-sql.py --db runs.sqlite [--run 1] [--tables DIR] [--replylab PATH]

Steps: 1. `replylab analyze --db DB --run ID --print-sql` gives the queries, each headed `-- name: purpose` and
ended by `;` (the text is not edited here; the only thing this script does to it is split it); 2. `replylab export
tables` writes every table as CSV with schema.sql and load.sql (skipped when --tables names a folder that holds
them); 3. DuckDB runs schema.sql then load.sql from that folder; 4. each query runs on SQLite (the Python sqlite3
module, read only) and on DuckDB; rows are compared in order, integers exactly, doubles to 1e-9 relative (Σx²
columns are doubles in both). Prints one line per query with both timings; exit status 1 when any differ.

Known dialect caveats, handled in the exported files or the queries, not here: `at` is a keyword in DuckDB (the
schema quotes every column; the queries only use it qualified, `m.at`); DuckDB's CSV reader turns empty strings
into NULL (the event log stores no empty string where a query tells '' from NULL); integer sums of BIGINT become
HUGEINT in DuckDB (compared as Python ints).
"""

import argparse
import math
import os
import sqlite3
import subprocess
import sys
import time


def queries(replylab, database, run):
    text = subprocess.run(
        [replylab, "analyze", "--db", database, "--run", str(run), "--print-sql"],
        check=True, capture_output=True, text=True,
    ).stdout
    found, name, lines = [], None, []
    for line in text.splitlines():
        if line.startswith("-- ") and ":" in line and name is None:
            name, lines = line[3:].split(":", 1)[0], []
            continue
        if name is not None:
            lines.append(line)
            if line.rstrip().endswith(";"):
                found.append((name, "\n".join(lines).rstrip().rstrip(";")))
                name = None
    if not found:
        sys.exit("replylab analyze --print-sql printed no queries:\n" + text[:2000])
    return found


def same(left, right):
    if isinstance(left, float) or isinstance(right, float):
        if left is None or right is None:
            return left is right
        return math.isclose(float(left), float(right), rel_tol=1e-9, abs_tol=1e-9)
    return left == right


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the SQLite event log")
    parser.add_argument("--run", type=int, default=1)
    parser.add_argument("--tables", help="folder of 'replylab export tables' output (written when missing)")
    parser.add_argument("--replylab", default=".build/debug/replylab", help="the replylab binary")
    parser.add_argument("--duckdb-file", help="keep the DuckDB database in this file (default: in memory)")
    arguments = parser.parse_args()

    import duckdb

    tables = arguments.tables or os.path.splitext(arguments.db)[0] + f"-run{arguments.run}-tables"
    started = time.perf_counter()
    if not os.path.exists(os.path.join(tables, "load.sql")):
        subprocess.run(
            [arguments.replylab, "export", "tables", "--db", arguments.db, "--run", str(arguments.run),
             "--out", tables], check=True,
        )
    export_seconds = time.perf_counter() - started
    sql = queries(arguments.replylab, arguments.db, arguments.run)

    duck = duckdb.connect(arguments.duckdb_file or ":memory:")
    started = time.perf_counter()
    here = os.getcwd()
    os.chdir(tables)  # load.sql names its CSV files relative to its folder
    try:
        duck.execute(open("schema.sql", encoding="utf-8").read())
        duck.execute(open("load.sql", encoding="utf-8").read())
    finally:
        os.chdir(here)
    load_seconds = time.perf_counter() - started
    messages = duck.execute("SELECT count(*) FROM messages").fetchone()[0]
    print(f"{arguments.db} run {arguments.run}: {messages:,} message rows; export tables {export_seconds:.1f} s "
          f"(0 when reused), DuckDB load {load_seconds:.1f} s")

    lite = sqlite3.connect(f"file:{arguments.db}?mode=ro", uri=True)
    failures = 0
    total = {"sqlite": 0.0, "duckdb": 0.0}
    print(f"{'query':<22} {'rows':>9} {'sqlite s':>9} {'duckdb s':>9}  result")
    for name, text in sql:
        started = time.perf_counter()
        expected = lite.execute(text).fetchall()
        lite_seconds = time.perf_counter() - started
        started = time.perf_counter()
        try:
            got = duck.execute(text).fetchall()
        except duckdb.Error as error:
            print(f"{name:<22} {len(expected):>9} {lite_seconds:>9.2f} {'-':>9}  DuckDB refused it: {error}")
            failures += 1
            continue
        duck_seconds = time.perf_counter() - started
        total["sqlite"] += lite_seconds
        total["duckdb"] += duck_seconds
        mismatch = None
        if len(got) != len(expected):
            mismatch = f"{len(got)} rows, SQLite {len(expected)}"
        else:
            for number, (left, right) in enumerate(zip(expected, got)):
                if len(left) != len(right) or not all(same(a, b) for a, b in zip(left, right)):
                    mismatch = f"row {number + 1}: SQLite {left!r}, DuckDB {right!r}"
                    break
        failures += mismatch is not None
        print(f"{name:<22} {len(expected):>9} {lite_seconds:>9.2f} {duck_seconds:>9.2f}  "
              + ("same" if mismatch is None else "DIFFERENT: " + mismatch))
    print(f"{'all queries':<22} {'':>9} {total['sqlite']:>9.2f} {total['duckdb']:>9.2f}  "
          + ("every row equal" if failures == 0 else f"{failures} queries differ"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
