#!/usr/bin/env bash
# Landscape benchmark on `demo --size national` data: an initiative's landscape page and a
# planning tool's page (64 connections, 10 s each, wrk), the whole plan as PDF and as Word, and a
# county board's view of its members' landscapes. Prints the figures the README records. Needs
# wrk (apt-get install wrk) and curl. Loopback only.
#
#   bench/landscape.sh
#   DURATION=30s bench/landscape.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
PORT="${PORT:-18083}"
OUT=bench/out/landscape
BIN=target/release/parat
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
cargo build --release --quiet
rm -rf "$OUT" && mkdir -p "$OUT"
echo "== Generating demo --size national"
"$BIN" --data-dir "$OUT" demo --size national --no-serve | head -n 1
"$BIN" --data-dir "$OUT" --database-url "sqlite://$OUT/demo.db" serve --bind "127.0.0.1:${PORT}" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.01; done

login() { # jar, e-mail
  local csrf
  csrf=$(curl -fs -c "$1" -b "$1" "$BASE/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
  curl -fs -o /dev/null -c "$1" -b "$1" --data-urlencode "csrf=$csrf" --data-urlencode "email=$2" \
    --data-urlencode "password=parat-demo-2026" "$BASE/login"
}

# A municipality coordinator; the demo gives each organisation's first initiative a landscape
# with every planning tool filled in.
JAR="$OUT/cookies.txt"
login "$JAR" samordnare2@demo.parat.se
SESSION=$(awk '$6 == "parat_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "bench: login failed"; exit 1; }
INITIATIVE=$(curl -fs -b "$JAR" "$BASE/initiatives" | grep -o 'href="/initiatives/[0-9]*"' | grep -o '[0-9]*' | sort -n | head -n 1)
curl -fs -b "$JAR" "$BASE/initiatives/$INITIATIVE/goals" | grep -q 'rung-purpose' || { echo "bench: no goals on $INITIATIVE"; exit 1; }

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

timed() { # name, path, cookie jar, repetitions: median and worst
  local times
  times=$(for _ in $(seq 1 "$4"); do curl -fs -o /dev/null -b "$3" -w '%{time_total}\n' "$BASE$2"; done | sort -n)
  echo "$1: median $(echo "$times" | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]*1000}') ms, worst $(echo "$times" | tail -n 1 | awk '{printf "%.0f", $1*1000}') ms ($4 requests)"
}

run landscape-page "/initiatives/$INITIATIVE/landscape"
run stakeholders-page "/initiatives/$INITIATIVE/stakeholders"
timed plan-pdf "/initiatives/$INITIATIVE/plan.pdf" "$JAR" 10
timed plan-docx "/initiatives/$INITIATIVE/plan.docx" "$JAR" 10

# The county board's administrator, switched to the county board (as bench/run.sh does).
ADMIN_JAR="$OUT/admin.txt"
login "$ADMIN_JAR" admin@demo.parat.se
ORGS=$(curl -fs -b "$ADMIN_JAR" "$BASE/organisations")
CSRF=$(echo "$ORGS" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
COUNTY=$(echo "$ORGS" | grep -o 'name="org_id" value="[0-9]*"' | head -n 1 | grep -o '[0-9]*')
curl -fs -o /dev/null -b "$ADMIN_JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "org_id=$COUNTY" "$BASE/organisations/switch"
ROWS=$(curl -fs -b "$ADMIN_JAR" "$BASE/portfolio/landscape" | grep -o '<tr>' | wc -l)
echo "county view shows $((ROWS - 1)) initiatives"
timed county-landscapes "/portfolio/landscape" "$ADMIN_JAR" 20
echo "== Peak server memory: $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$SERVER/status") MB"
