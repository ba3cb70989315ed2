#!/usr/bin/env python3
"""Runs every query `replylab analyze --print-sql` prints on SQLite and on DuckDB and says whether they agree.

    swift run replylab analyze --db runs.sqlite --print-sql | python3 scripts/analysis-sql-on-duckdb.py runs.sqlite

Copies the event log's tables into an in-memory DuckDB (INTEGER -> BIGINT, REAL -> DOUBLE, else VARCHAR), then runs
each query on both and compares the rows (numbers to 6 decimals, order ignored). Needs the `duckdb` Python package.
Exit status 1 when a query fails or disagrees.
"""
import re
import sqlite3
import sys

import duckdb


def copy_tables(source, duck):
    for (table,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        columns = source.execute(f'PRAGMA table_info("{table}")').fetchall()
        kinds = []
        for column in columns:
            declared = (column[2] or "TEXT").upper()
            kind = "BIGINT" if "INT" in declared else "DOUBLE" if "REAL" in declared else "VARCHAR"
            kinds.append(f'"{column[1]}" {kind}')
        duck.execute(f'CREATE TABLE "{table}" ({", ".join(kinds)})')
        rows = source.execute(f'SELECT * FROM "{table}"').fetchall()
        if rows:
            duck.executemany(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(columns))})', rows)


def normalised(rows):
    def cell(value):
        return round(float(value), 6) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    return sorted((tuple(cell(v) for v in row) for row in rows), key=lambda row: tuple(map(str, row)))


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    source = sqlite3.connect(sys.argv[1])
    duck = duckdb.connect()
    copy_tables(source, duck)
    failures = 0
    for part in re.split(r"^-- ", sys.stdin.read(), flags=re.M)[1:]:
        name = part.split(":")[0]
        sql = part[part.index("\n") + 1 :].strip().rstrip(";")
        expected = normalised(source.execute(sql).fetchall())
        try:
            found = normalised(duck.execute(sql).fetchall())
        except duckdb.Error as error:
            print(f"{name:24s} DuckDB refused it: {str(error).splitlines()[0]}")
            failures += 1
            continue
        same = expected == found
        failures += 0 if same else 1
        print(f"{name:24s} {len(expected):7d} rows  {'same on DuckDB' if same else 'DIFFERENT on DuckDB'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
