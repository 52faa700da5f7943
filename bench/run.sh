#!/usr/bin/env bash
# Parat benchmark: the initiative list page and one API endpoint on `demo --size national` data,
# 64 connections for 10 s each (wrk), plus start-up time and memory. Prints the figures the
# README records. Needs wrk (apt-get install wrk) and curl; with perf (apt-get install linux-perf)
# it also prints the server's CPU time and context switches per request. Loopback only.
#
#   bench/run.sh            # SQLite (default)
#   DURATION=30s bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
PORT="${PORT:-18080}"
OUT=bench/out/run
BIN=target/release/parat
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
PERF=""
if command -v perf >/dev/null && perf stat -e task-clock true >/dev/null 2>&1; then PERF=1; fi
cargo build --release --quiet
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== Generating demo --size national"
"$BIN" --data-dir "$OUT" demo --size national --no-serve | head -n 1

start_server() {
  "$BIN" --data-dir "$OUT" --database-url "sqlite://$OUT/demo.db" serve --bind "127.0.0.1:${PORT}" >"$OUT/server.log" 2>&1 &
  SERVER=$!
}
stop_server() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
trap stop_server EXIT

echo "== Start-up on the existing database"
t0=$(date +%s.%N)
start_server
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.005; done
t1=$(date +%s.%N)
STARTUP_MS=$(echo "($t1 - $t0) * 1000" | bc -l | xargs printf '%.0f')
sleep 1
IDLE_KB=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER/status")
echo "start to first served request: ${STARTUP_MS} ms; idle memory: $((IDLE_KB / 1024)) MB"

echo "== Logging in as a municipality coordinator"
JAR="$OUT/cookies.txt"
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$CSRF" \
  --data-urlencode "email=samordnare2@demo.parat.se" --data-urlencode "password=parat-demo-2026" "$BASE/login"
SESSION=$(awk '$6 == "parat_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "bench: login failed"; exit 1; }
CSRF=$(curl -fs -b "$JAR" "$BASE/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
TOKEN=$(curl -fs -b "$JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "name=bench" "$BASE/account/tokens" \
  | grep -o '<code class="token">[0-9a-f]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || { echo "bench: could not create an API token"; exit 1; }
ROWS=$(curl -fs -b "$JAR" "$BASE/initiatives" | grep -o '<tr>' | wc -l)
echo "list page shows $((ROWS - 1)) rows"

run() { # name, url, header
  local name=$1 url=$2 header=$3
  echo "== $name: $url ($CONNECTIONS connections, $DURATION)"
  # The server's own CPU time and context switches during the run (perf stat, when present):
  # per request, these hardly depend on how fast the shared machine happens to be today.
  local perf_pid=""
  if [ -n "$PERF" ]; then
    perf stat -e task-clock,context-switches -p "$SERVER" -o "$OUT/$name.perf" &
    perf_pid=$!
    sleep 0.2
  fi
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$header" "$url" >"$OUT/$name.txt"
  local rps p50 p99 errors cost=""
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/$name.txt")
  if [ -n "$perf_pid" ]; then
    kill -INT "$perf_pid" && wait "$perf_pid" || true
    local requests
    requests=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
    cost=$(awk -v n="$requests" '/task-clock/ {gsub(",", "", $1); cpu = $1} /context-switches/ {gsub(",", "", $1); cs = $1}
      END {printf "; server CPU %.0f µs and %.1f context switches per request", cpu * 1000 / n, cs / n}' "$OUT/$name.perf")
  fi
  echo "$name: ${rps} requests/s, p50 ${p50}, p99 ${p99}${cost} ${errors}"
}

run list-page "$BASE/initiatives" "Cookie: parat_session=$SESSION"
run api-list "$BASE/api/v1/initiatives" "Authorization: Bearer $TOKEN"

# Readiness: one reported assessment's results page (five interviews, two scorers each).
first_id() { grep -o "href=\"$1[0-9]*\"" | head -n 1 | grep -o '[0-9]*' || true; }
# The assessments belong to the organisation's first initiative (the lowest id).
INITIATIVE=$(curl -fs -b "$JAR" "$BASE/initiatives" | grep -o 'href="/initiatives/[0-9]*"' | grep -o '[0-9]*' | sort -n | head -n 1)
ASSESSMENT=$(curl -fs -b "$JAR" "$BASE/initiatives/$INITIATIVE" | first_id /assessments/)
[ -n "$ASSESSMENT" ] || { echo "bench: no assessment found"; exit 1; }
run results-page "$BASE/assessments/$ASSESSMENT/results" "Cookie: parat_session=$SESSION"

timed() { # name, url, cookie jar, repetitions: prints median and worst time
  local name=$1 url=$2 jar=$3 n=$4 times
  times=$(for _ in $(seq 1 "$n"); do curl -fs -o /dev/null -b "$jar" -w '%{time_total}\n' "$url"; done | sort -n)
  echo "$name: median $(echo "$times" | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]*1000}') ms, worst $(echo "$times" | tail -n 1 | awk '{printf "%.0f", $1*1000}') ms ($n requests)"
}
timed pdf-report "$BASE/assessments/$ASSESSMENT/report.pdf" "$JAR" 10

# The county portfolio, as the county board's administrator (a county board and its 14 municipalities).
ADMIN_JAR="$OUT/admin.txt"
CSRF=$(curl -fs -c "$ADMIN_JAR" -b "$ADMIN_JAR" "$BASE/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
curl -fs -o /dev/null -c "$ADMIN_JAR" -b "$ADMIN_JAR" --data-urlencode "csrf=$CSRF" \
  --data-urlencode "email=admin@demo.parat.se" --data-urlencode "password=parat-demo-2026" "$BASE/login"
ORGS=$(curl -fs -b "$ADMIN_JAR" "$BASE/organisations")
CSRF=$(echo "$ORGS" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
COUNTY=$(echo "$ORGS" | grep -o 'name="org_id" value="[0-9]*"' | head -n 1 | grep -o '[0-9]*')
curl -fs -o /dev/null -b "$ADMIN_JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "org_id=$COUNTY" "$BASE/organisations/switch"
ROWS=$(curl -fs -b "$ADMIN_JAR" "$BASE/portfolio" | grep -o '<tr>' | wc -l)
echo "portfolio shows $((ROWS - 1)) assessments"
timed portfolio-page "$BASE/portfolio" "$ADMIN_JAR" 20
PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
echo "== Peak server memory: $((PEAK_KB / 1024)) MB"
