#!/usr/bin/env bash
# Project follow-up benchmark. On a fresh demo, builds through the API one project with 200
# training events and 10 000 named attendances (50 an event, 100 evenings of the tertial's four
# months and 100 more across the year) plus a budget, costs and two indicators; and 100 more
# projects with a budget, costs and an indicator each. Then loads that project's tertial report
# page (64 connections, wrk), times its PDF, and times the projects overview of all of them.
# Prints the figures the README records. Needs wrk (apt-get install wrk) and curl. Loopback only.
#
#   bench/project.sh
#   DURATION=30s bench/project.sh
#   NO_BUILD=1 bench/project.sh   # the release binary as it is
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
PORT="${PORT:-18086}"
OUT=bench/out/project
BIN=target/release/parat
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet
rm -rf "$OUT" && mkdir -p "$OUT"
"$BIN" --data-dir "$OUT" demo --no-serve >/dev/null
"$BIN" --data-dir "$OUT" --database-url "sqlite://$OUT/demo.db" serve --bind "127.0.0.1:${PORT}" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.01; done

JAR="$OUT/cookies.txt"
csrf() { curl -fs -c "$JAR" -b "$JAR" "$BASE$1" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//'; }
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$(csrf /login)" \
  --data-urlencode "email=samordnare@demo.parat.se" --data-urlencode "password=parat-demo-2026" "$BASE/login"
SESSION=$(awk '$6 == "parat_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "bench: login failed"; exit 1; }
TOKEN=$(curl -fs -b "$JAR" --data-urlencode "csrf=$(csrf /account)" --data-urlencode "name=bench" "$BASE/account/tokens" \
  | grep -o '<code class="token">[0-9a-f]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || { echo "bench: could not create an API token"; exit 1; }
api() { # method, path, body: the answer's id
  curl -fs -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$3" "$BASE/api/v1$2" \
    | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2
}
YEAR=$(date +%Y)
MONTH=$((10#$(date +%m)))
TERTIAL=$(( (MONTH - 1) / 4 + 1 ))
FIRST_MONTH=$(( (TERTIAL - 1) * 4 + 1 ))

project() { # name: a project for the year with a budget, costs and a counted indicator
  local id
  id=$(api POST /initiatives "{\"name\": \"$1\", \"topic\": \"integration\", \"status\": \"active\", \"start_date\": \"$YEAR-01-01\", \"end_date\": \"$YEAR-12-31\"}")
  api POST "/initiatives/$id/budget/lines" "{\"year\": $YEAR, \"category\": \"staff\", \"amount\": 60000000}" >/dev/null || true
  api POST "/initiatives/$id/budget/costs" "{\"costs\": [{\"booked_on\": \"$YEAR-01-25\", \"category\": \"staff\", \"amount\": 4800000}, {\"booked_on\": \"$YEAR-02-25\", \"category\": \"travel\", \"amount\": 98050}]}" >/dev/null || true
  api POST "/initiatives/$id/indicators" '{"name": "Nådda", "target": 200, "every": "tertial", "source": "people_reached", "direction": "increase"}' >/dev/null
  echo "$id"
}

echo "== Building the projects through the API"
START=$(date +%s.%N)
BIG=$(project "Stort projekt")
api POST "/initiatives/$BIG/indicators" '{"name": "I arbete", "target": 40, "every": "tertial", "source": "manual", "direction": "increase"}' >/dev/null
ATTENDEES=$(for k in $(seq 1 50); do
  case $((k % 4)) in 0) g=woman;; 1) g=man;; 2) g=woman;; *) g=other;; esac
  printf '{"name": "Deltagare %d", "organisation": "Borås stad", "gender": "%s"},' "$k" "$g"
done)
ATTENDEES="{\"attendees\": [${ATTENDEES%,}]}"
for k in $(seq 0 199); do
  if [ "$k" -lt 100 ]; then month=$(( FIRST_MONTH + k % 4 )); else month=$(( 1 + k % 12 )); fi
  day=$(( 1 + k % 28 ))
  event=$(api POST "/initiatives/$BIG/events" "$(printf '{"title": "Tillfälle %d", "starts_at": "%d-%02d-%02dT18:00"}' "$k" "$YEAR" "$month" "$day")")
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$ATTENDEES" "$BASE/api/v1/events/$event/attendance"
done
for k in $(seq 1 100); do project "Projekt $k" >/dev/null; done
echo "built in $(echo "$(date +%s.%N) - $START" | bc) s: 101 projects, 200 events, 10 000 attendances"

REPORT="/initiatives/$BIG/reports/$YEAR-T$TERTIAL"
curl -fs -b "$JAR" "$BASE$REPORT" >"$OUT/report.html"
grep -q "Deltaganden" "$OUT/report.html" || { echo "bench: the report page lacks its attendance"; exit 1; }

echo "== Tertial report page: $REPORT ($CONNECTIONS connections, $DURATION)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: parat_session=$SESSION" "$BASE$REPORT" >"$OUT/report.txt"
rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/report.txt")
p50=$(awk '$1 == "50%" {print $2}' "$OUT/report.txt")
p99=$(awk '$1 == "99%" {print $2}' "$OUT/report.txt")
errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/report.txt")
echo "report page: ${rps} requests/s, p50 ${p50}, p99 ${p99} ${errors} (target ≥ 1 000)"

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
timed() { # path, runs: the median time in ms
  for _ in $(seq 1 "$2"); do
    curl -fs -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE$1"
  done | awk '{printf "%.1f\n", $1 * 1000}' | median
}
echo "report PDF: median $(timed "$REPORT/pdf" 9) ms of 9 (target < 1 000)"
echo "report XLSX: median $(timed "$REPORT/xlsx" 9) ms of 9"
curl -fs -b "$JAR" "$BASE/projects" >"$OUT/projects.html"
echo "projects overview: $(grep -o 'scope="row"' "$OUT/projects.html" | wc -l) projects, median $(timed /projects 21) ms of 21 (target < 100)"
echo "peak memory: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$SERVER/status")"
