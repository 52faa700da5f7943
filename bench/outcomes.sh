#!/usr/bin/env bash
# Follow-up benchmark on `demo --size national`: 100 000 participants with 1 000 000 sessions in
# a hundred municipalities. Times the generation; then, as a practitioner with a hundred
# participants, loads a participant's page (64 connections, wrk), times a unit's report for a
# year (500 participants, 5 000 sessions) and its XLSX, and records sessions through the API
# (64 connections, each request a new session). Prints the figures the README records. Needs wrk
# (apt-get install wrk) and curl. Loopback only.
#
#   bench/outcomes.sh
#   DURATION=30s bench/outcomes.sh
#   NO_BUILD=1 bench/outcomes.sh   # the release binary as it is
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
PORT="${PORT:-18084}"
OUT=bench/out/outcomes
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
# The first practitioner of the first municipality with follow-up data, who also manages its
# first unit.
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$(csrf /login)" \
  --data-urlencode "email=behandlare1-1@demo.parat.se" --data-urlencode "password=parat-demo-2026" "$BASE/login"
SESSION=$(awk '$6 == "parat_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "bench: login failed"; exit 1; }
# Pages are saved before they are searched: a search that stops early would break the pipe.
curl -fs -b "$JAR" "$BASE/outcomes" >"$OUT/list.html"
PARTICIPANTS=$(grep -o 'href="/outcomes/participants/[0-9]*"' "$OUT/list.html" | grep -o '[0-9]*')
echo "the practitioner's list shows $(echo "$PARTICIPANTS" | wc -l) participants (they manage a unit)"
PARTICIPANT=$(echo "$PARTICIPANTS" | awk 'NR == 1')
UNIT=$(grep -o 'href="/outcomes/units/[0-9]*/report"' "$OUT/list.html" | grep -o '[0-9]*' | awk 'NR == 1')
YEAR=$(date +%Y)

run() { # name, path
  echo "== $1: $2 ($CONNECTIONS connections, $DURATION)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: parat_session=$SESSION" "$BASE$2" >"$OUT/$1.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$1.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/$1.txt")
  echo "$1: ${rps} requests/s, p50 ${p50}, p99 ${p99} ${errors}"
}

timed() { # name, path, repetitions: median and worst
  local times
  times=$(for _ in $(seq 1 "$3"); do curl -fs -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE$2"; done | sort -n)
  echo "$1: median $(echo "$times" | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]*1000}') ms, worst $(echo "$times" | tail -n 1 | awk '{printf "%.0f", $1*1000}') ms ($3 requests)"
}

curl -fs -b "$JAR" "$BASE/outcomes/participants/$PARTICIPANT" >"$OUT/participant.html"
grep -q 'chart course' "$OUT/participant.html" || { echo "bench: no chart"; exit 1; }
run participant-page "/outcomes/participants/$PARTICIPANT"
timed practitioner-list "/outcomes" 20
timed unit-report-year "/outcomes/units/$UNIT/report?year=$YEAR" 20
timed unit-report-last-year "/outcomes/units/$UNIT/report?year=$((YEAR - 1))" 20
timed unit-report-xlsx "/outcomes/units/$UNIT/report.xlsx?year=$YEAR" 10

# Recording: an API token made on the account page, then one new session per request on an open
# episode of the practitioner's.
TOKEN=$(curl -fs -b "$JAR" --data-urlencode "csrf=$(csrf /account)" --data-urlencode "name=bench" "$BASE/account/tokens" \
  | grep -o '<code class="token">[0-9a-f]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || { echo "bench: could not create an API token"; exit 1; }
EPISODE=""
for p in $PARTICIPANTS; do
  curl -fs -b "$JAR" "$BASE/outcomes/participants/$p" >"$OUT/page.html"
  EPISODE=$(grep -o 'action="/outcomes/episodes/[0-9]*/sessions"' "$OUT/page.html" | grep -o '[0-9]*' | awk 'NR == 1' || true)
  [ -n "$EPISODE" ] && break
done
[ -n "$EPISODE" ] || { echo "bench: no open episode"; exit 1; }
BEFORE=$(sqlite3 "$OUT/demo.db" "SELECT COUNT(*) FROM outcome_sessions" 2>/dev/null || echo "?")
echo "== Recording sessions on episode $EPISODE ($CONNECTIONS connections, $DURATION)"
EPISODE_PATH="/api/v1/outcomes/episodes/$EPISODE/sessions" TOKEN="$TOKEN" SESSION_DATE="$(date +%F)" \
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/record.lua "$BASE" >"$OUT/record.txt"
rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/record.txt")
p99=$(awk '$1 == "99%" {print $2}' "$OUT/record.txt")
errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/record.txt")
echo "recording: ${rps} sessions/s, p99 ${p99} ${errors}"
echo "sessions before: $BEFORE, after: $(sqlite3 "$OUT/demo.db" "SELECT COUNT(*) FROM outcome_sessions" 2>/dev/null || echo "?")"
echo "== Peak server memory: $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$SERVER/status") MB"
