#!/usr/bin/env bash
# Parat soak test (not in CI): 200 connections of mixed reading and writing against the release
# binary on the small demo data (SQLite), for DURATION seconds in slices of SLICE seconds.
# Writes rewrite 40 initiatives made at the start, so the data stays the size of a real
# organisation's (writes that create rows made every list page slower as its table grew: that is
# a scaling question for bench/run.sh's national data, not a soak's). Prints, per slice,
# throughput, errors and p99 latency, and the server's memory at the start and the end. Goal: no errors, memory growth under 10 %. Needs wrk (apt-get install wrk) and
# curl. Loopback only.
#
#   bench/soak.sh                      # 10 minutes
#   DURATION=60 SLICE=10 bench/soak.sh # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-600}"
SLICE="${SLICE:-30}"
CONNECTIONS="${CONNECTIONS:-200}"
PORT="${PORT:-18090}"
OUT=bench/out/soak
BIN=target/release/parat
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "soak: wrk is missing (apt-get install wrk)"; exit 1; }
cargo build --release --quiet
rm -rf "$OUT" && mkdir -p "$OUT"
"$BIN" --data-dir "$OUT" demo --no-serve >/dev/null
"$BIN" --data-dir "$OUT" --database-url "sqlite://$OUT/demo.db" serve --bind "127.0.0.1:${PORT}" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.05; done

JAR="$OUT/cookies.txt"
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$CSRF" \
  --data-urlencode "email=samordnare@demo.parat.se" --data-urlencode "password=parat-demo-2026" "$BASE/login"
SESSION=$(awk '$6 == "parat_session" {print $7}' "$JAR")
CSRF=$(curl -fs -b "$JAR" "$BASE/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
TOKEN=$(curl -fs -b "$JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "name=soak" "$BASE/account/tokens" \
  | grep -o '<code class="token">[0-9a-f]*' | sed 's/.*>//')
[ -n "$SESSION" ] && [ -n "$TOKEN" ] || { echo "soak: login or token failed"; exit 1; }
IDS=""
for n in $(seq 1 40); do
  id=$(curl -fs -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    -d "{\"name\": \"Soak $n\", \"topic\": \"integration\"}" "$BASE/api/v1/initiatives" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
  IDS="$IDS $id"
done
export PARAT_COOKIE="parat_session=$SESSION" PARAT_TOKEN="$TOKEN" PARAT_IDS="$IDS"

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$SERVER/status"; }
# A short warm-up, so that the start figure is the server under load, not the idle one.
wrk -t 2 -c "$CONNECTIONS" -d 5s -s bench/soak.lua "$BASE" >/dev/null
START_MB=$(rss_mb)
echo "memory at start (after a 5 s warm-up): ${START_MB} MB"
printf '%8s %10s %8s %8s %9s %9s\n' "seconds" "req/s" "errors" "non-2xx" "p99 ms" "RSS MB"
elapsed=0 total=0 bad=0
while [ "$elapsed" -lt "$DURATION" ]; do
  line=$(wrk -t 2 -c "$CONNECTIONS" -d "${SLICE}s" --timeout 10s -s bench/soak.lua "$BASE" | grep '^SLICE')
  requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  errors=$(echo "$line" | sed 's/.*errors=\([0-9]*\).*/\1/')
  non2xx=$(echo "$line" | sed 's/.*non2xx=\([0-9]*\).*/\1/')
  p99=$(echo "$line" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')
  elapsed=$((elapsed + SLICE))
  total=$((total + requests)); bad=$((bad + errors + non2xx))
  printf '%8d %10d %8d %8d %9s %9s\n' "$elapsed" "$((requests / SLICE))" "$errors" "$non2xx" "$p99" "$(rss_mb)"
done
END_MB=$(rss_mb)
GROWTH=$(echo "($END_MB - $START_MB) * 100 / $START_MB" | bc -l | xargs printf '%.1f')
echo "requests: $total in ${DURATION} s; errors and non-2xx: $bad"
echo "memory: ${START_MB} MB at start, ${END_MB} MB at the end (${GROWTH} %)"
grep -c ' ERROR ' "$OUT/server.log" | xargs printf 'server log errors: %s\n' || true
[ "$bad" -eq 0 ] || exit 1
