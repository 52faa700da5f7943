#!/usr/bin/env bash
# Campaign benchmark on `demo --size national`: the national agency's campaign offered to all
# 290 municipalities, 58 of them measured and reported. Times the campaign board (every
# organisation's row with its status) and the county report over the 58 reported measurements
# as PDF, Word and XLSX, as the agency's administrator. Prints the figures the README records.
# Needs curl and wrk (apt-get install wrk). Loopback only.
#
#   bench/campaign.sh
#   NO_BUILD=1 bench/campaign.sh   # the release binary as it is
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18087}"
OUT=bench/out/campaign
BIN=target/release/parat
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet
rm -rf "$OUT" && mkdir -p "$OUT"
echo "== Generating demo --size national"
START=$(date +%s.%N)
"$BIN" --data-dir "$OUT" demo --size national --no-serve | head -n 1
echo "generated in $(echo "$(date +%s.%N) - $START" | bc) s"
"$BIN" --data-dir "$OUT" --database-url "sqlite://$OUT/demo.db" serve --bind "127.0.0.1:${PORT}" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.01; done

JAR="$OUT/cookies.txt"
csrf() { curl -fs -c "$JAR" -b "$JAR" "$BASE$1" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//'; }
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$(csrf /login)" \
  --data-urlencode "email=admin@demo.parat.se" --data-urlencode "password=parat-demo-2026" "$BASE/login"
SESSION=$(awk '$6 == "parat_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "bench: login failed"; exit 1; }
# Pages are saved before they are searched: a search that stops early would break the pipe.
curl -fs -b "$JAR" "$BASE/organisations" >"$OUT/organisations.html"
AGENCY=$(sed 's/.*<h3>Nationellt centrum för beredskap<\/h3>//' "$OUT/organisations.html" | grep -o 'name="org_id" value="[0-9]*"' | head -n 1 | grep -o '[0-9]*"' | tr -d '"')
[ -n "$AGENCY" ] || { echo "bench: the national agency is not among the administrator's organisations"; exit 1; }
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$(csrf /organisations)" --data-urlencode "org_id=$AGENCY" "$BASE/organisations/switch"
curl -fs -b "$JAR" "$BASE/campaigns" >"$OUT/campaigns.html"
CAMPAIGN=$(grep -o 'href="/campaigns/[0-9]*"' "$OUT/campaigns.html" | grep -o '[0-9]*' | awk 'NR == 1')
[ -n "$CAMPAIGN" ] || { echo "bench: no campaign"; exit 1; }
curl -fs -b "$JAR" "$BASE/campaigns/$CAMPAIGN" >"$OUT/board.html"
ROWS=$(grep -o 'href="/campaigns/[0-9]*/offers/[0-9]*"' "$OUT/board.html" | wc -l)
curl -fs -b "$JAR" "$BASE/campaigns/$CAMPAIGN/county" >"$OUT/county.html"
REPORTED=$(grep -o '<dt>Rapporterade mätningar</dt><dd>[0-9]*' "$OUT/county.html" | grep -o '[0-9]*$')
echo "the board shows $ROWS organisations; the county report covers $REPORTED reported measurements"

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
timed() { # path, runs: the median time in ms
  for _ in $(seq 1 "$2"); do
    curl -fs -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE$1"
  done | awk '{printf "%.1f\n", $1 * 1000}' | median
}
echo "campaign board: median $(timed "/campaigns/$CAMPAIGN" 21) ms of 21 (target < 100)"
echo "campaign board CSV: median $(timed "/campaigns/$CAMPAIGN/board.csv" 9) ms of 9"
echo "county report page: median $(timed "/campaigns/$CAMPAIGN/county" 9) ms of 9"
echo "county report PDF: median $(timed "/campaigns/$CAMPAIGN/county/pdf" 9) ms of 9 (target < 2 000)"
echo "county report Word: median $(timed "/campaigns/$CAMPAIGN/county/docx" 9) ms of 9"
echo "county report XLSX: median $(timed "/campaigns/$CAMPAIGN/county/xlsx" 9) ms of 9"

echo "== Campaign board under load ($CONNECTIONS connections, $DURATION)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: parat_session=$SESSION" "$BASE/campaigns/$CAMPAIGN" >"$OUT/board.txt"
rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/board.txt")
p50=$(awk '$1 == "50%" {print $2}' "$OUT/board.txt")
p99=$(awk '$1 == "99%" {print $2}' "$OUT/board.txt")
errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/board.txt")
echo "campaign board: ${rps} requests/s, p50 ${p50}, p99 ${p99} ${errors}"
echo "peak memory: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$SERVER/status")"
