#!/usr/bin/env bash
# Questionnaire benchmark: submitting answers through an open link (each request a new
# respondent in a browser of its own), the answering page, and the results page of a round with
# 10 000 responses. SQLite, 64 connections, 10 s per wrk run. Prints the figures the README
# records. Needs wrk (apt-get install wrk) and curl. Loopback only.
#
#   bench/questionnaire.sh
#   DURATION=30s bench/questionnaire.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
PORT="${PORT:-18082}"
RESPONSES="${RESPONSES:-10000}"
OUT=bench/out/questionnaire
BIN=target/release/parat
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 1; }
cargo build --release --quiet
rm -rf "$OUT" && mkdir -p "$OUT"
"$BIN" --data-dir "$OUT" demo --no-serve >/dev/null
# The per-address limit on answers is off: every request here comes from one address, which the
# limit exists to slow down (see the README).
PARAT_ANSWERS_PER_MINUTE=0 "$BIN" --data-dir "$OUT" --database-url "sqlite://$OUT/demo.db" serve --bind "127.0.0.1:${PORT}" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.01; done

# A coordinator's token, made on the account page, and a round with an open link via the API.
JAR="$OUT/cookies.txt"
csrf() { curl -fs -c "$JAR" -b "$JAR" "$BASE$1" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//'; }
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$(csrf /login)" \
  --data-urlencode "email=samordnare@demo.parat.se" --data-urlencode "password=parat-demo-2026" "$BASE/login"
TOKEN=$(curl -fs -b "$JAR" --data-urlencode "csrf=$(csrf /account)" --data-urlencode "name=bench" "$BASE/account/tokens" \
  | grep -o '<code class="token">[0-9a-f]*' | sed 's/.*>//')
[ -n "$TOKEN" ] || { echo "bench: could not create an API token"; exit 1; }
INITIATIVE=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/initiatives" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
ROUND_JSON=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"questionnaire": "oric", "title": "Benchmark", "issue": "IPS", "open_link": true}' "$BASE/api/v1/initiatives/$INITIATIVE/rounds")
ROUND=$(echo "$ROUND_JSON" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
export QPATH=$(echo "$ROUND_JSON" | grep -o '/q/[0-9a-f]*')
[ -n "$QPATH" ] || { echo "bench: no open link"; exit 1; }

submissions() { curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/rounds/$ROUND" | grep -o '"responses":[0-9]*' | cut -d: -f2; }

echo "== Submitting answers: $CONNECTIONS connections, $DURATION, a new respondent per request"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/submit.lua "$BASE" | tee "$OUT/submit.txt"
echo "responses stored: $(submissions)"

echo "== Filling the round to $RESPONSES responses"
while [ "$(submissions)" -lt "$RESPONSES" ]; do
  wrk -t2 -c"$CONNECTIONS" -d2s -s bench/submit.lua "$BASE" >/dev/null
done
echo "responses stored: $(submissions)"

echo "== The answering page: $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$QPATH" | tee "$OUT/answer.txt"

echo "== The results page of $(submissions) responses (20 requests, one at a time)"
times=$(for _ in $(seq 1 20); do curl -fs -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE/rounds/$ROUND/results"; done | sort -n)
echo "median $(echo "$times" | sed -n 10p | awk '{printf "%.1f ms", $1 * 1000}'), max $(echo "$times" | tail -n 1 | awk '{printf "%.1f ms", $1 * 1000}')"
echo "== The answers as XLSX"
curl -fs -o /dev/null -b "$JAR" -w 'xlsx of all responses: %{time_total} s, %{size_download} bytes\n' "$BASE/rounds/$ROUND/answers.xlsx"
echo "server memory: $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVER/status") MB"
