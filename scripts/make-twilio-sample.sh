#!/usr/bin/env bash
# Regenerates datasets/samples/: a simulated cart-recovery run exported in Twilio's Console CSV format, its orders
# and variant mapping, with a few deliberately bad rows mixed in so the quarantine has something to show.
#
#   scripts/make-twilio-sample.sh            # uses .build/debug/replylab (run 'swift build' first)
#   REPLYLAB=path/to/replylab scripts/make-twilio-sample.sh
#
# Same seed and customer count → the same bytes every time (the simulator is deterministic; the bad rows are
# fixed text inserted at fixed record positions).
set -euo pipefail
cd "$(dirname "$0")/.."

REPLYLAB=${REPLYLAB:-.build/debug/replylab}
CUSTOMERS=${CUSTOMERS:-1500}
SEED=${SEED:-42}
OUT=datasets/samples
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$REPLYLAB" simulate datasets/experiments/cart-recovery.json -n "$CUSTOMERS" --seed "$SEED" --db "$WORK/sim.sqlite"
"$REPLYLAB" export twilio --db "$WORK/sim.sqlite" --run 1 --out "$WORK/messages.csv" \
    --orders "$WORK/orders.csv" --mapping "$OUT/mapping.json"

# The bad rows: each a copy of a real neighbouring row with one thing broken the way exports really break.
python3 - "$WORK/messages.csv" "$WORK/orders.csv" "$OUT/messages.csv" "$OUT/orders.csv" <<'PY'
import csv, io, sys

messages_in, orders_in, messages_out, orders_out = sys.argv[1:5]

def records(path):
    """CSV records as raw byte strings (CRLF-terminated), split by the csv module so quoted newlines stay whole."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]

def line(fields):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(fields)
    return buffer.getvalue().encode("utf-8")

header, rows = records(messages_in)
col = {name: i for i, name in enumerate(header)}

def variant(row, sid_suffix, **changes):
    copy = list(row)
    copy[col["Sid"]] = "SM" + "badbad00" * 3 + sid_suffix.rjust(8, "0")
    for name, value in changes.items():
        copy[col[name]] = value
    return copy

# Inserted before these record positions (0-based, counted in the clean export), in order.
inserted = {
    400: [line(variant(rows[400], "1", SentDate="31/02/2026 25:61"))],             # bad date
    800: [line(variant(rows[800], "2", Sid=""))],                                 # no Sid
    1200: [line(variant(rows[1200], "3")).replace(b'"', b"", 2)                  # ragged: unquoted commas
           if "," in rows[1200][col["Body"]] else
           line(variant(rows[1200], "3") + ["extra"])],
    1600: [line(variant(rows[1600], "4", Body="PLACEHOLDER")).replace(           # invalid UTF-8 (Latin-1 bytes)
           b"PLACEHOLDER", "Merci, à demain café".encode("latin-1"))],
    2000: [line(variant(rows[2000], "5", **{                                     # a spreadsheet ate the '+'
           ("From" if rows[2000][col["Direction"]] == "inbound" else "To"): "1.55156E+10"}))],
}
with open(messages_out, "wb") as out:
    out.write(line(header))
    for index, row in enumerate(rows):
        for bad in inserted.get(index, []):
            out.write(bad)
        out.write(line(row))
    out.write(line(rows[10]))                                                     # a re-exported row: same Sid

header, rows = records(orders_in)
col = {name: i for i, name in enumerate(header)}
refund = list(rows[5]); refund[col["order_id"]] = "refund-" + refund[col["order_id"]]
refund[col["value_cents"]] = "-" + refund[col["value_cents"]]
undated = list(rows[20]); undated[col["order_id"]] = "order-late-entry"; undated[col["created_at"]] = "yesterday"
with open(orders_out, "wb") as out:
    out.write(line(header))
    for index, row in enumerate(rows):
        if index == 50:
            out.write(line(refund))                                               # negative value
        if index == 100:
            out.write(line(undated))                                              # bad date
        out.write(line(row))
PY

echo "wrote $OUT/messages.csv, $OUT/orders.csv and $OUT/mapping.json"
