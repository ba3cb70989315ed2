#!/usr/bin/env bash
# Screenshots an HTML report in headless Chromium at desktop (1280 px) and phone (390 px) widths, full page.
#
#   scripts/screenshot-report.sh REPORT.html OUTDIR
#
# Writes OUTDIR/<name>-1280.png and OUTDIR/<name>-390.png. Installs Debian's `chromium` package when it is missing
# (needs root or sudo). Chromium runs with networking pointed at a dead proxy, so a report that tried to fetch
# anything would show it missing: the pictures prove the file is self-contained.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 REPORT.html OUTDIR" >&2
    exit 64
fi
report=$1
outdir=$2
if [[ ! -f "$report" ]]; then
    echo "error: no such report: $report" >&2
    exit 1
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser=$candidate
        break
    fi
done
if [[ -z "$browser" ]]; then
    echo "chromium not found; installing Debian's chromium package" >&2
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
    fi
    browser=chromium
fi

mkdir -p "$outdir"
absolute=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
name=$(basename "$report" .html)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# Full-page shots: a throwaway copy of the report with one script line reports the page height at each width (the
# report itself has no JavaScript), then the real file is shot at exactly that height.
probe="$profile/probe.html"
{ cat "$report"; echo '<script>document.title = "height=" + document.documentElement.scrollHeight;</script>'; } >"$probe"

run_browser() {
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile/user" \
        --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" --force-device-scale-factor=1 "$@" \
        2>/dev/null
}

for width in 1280 390; do
    height=$(run_browser --window-size="$width,900" --virtual-time-budget=2000 --dump-dom "file://$probe" \
        | sed -n 's/.*<title>height=\([0-9]*\)<\/title>.*/\1/p' | head -n 1)
    height=${height:-6000}
    file="$outdir/$name-$width.png"
    run_browser --window-size="$width,$height" --screenshot="$file" "file://$absolute" >/dev/null
    echo "$file ($width x $height)"
done
