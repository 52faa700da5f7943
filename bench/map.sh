#!/usr/bin/env bash
# Cooperation map benchmark: `parat map measures` on a national-scale map — 2 000 actors, 500
# meetings, 20 000 attendance rows, in 20 counties joined by national meetings — generated here
# with a fixed seed (nothing is committed). Run it on an otherwise idle machine: a compile beside
# it doubles the times.
# Prints the median and worst of several runs and the peak memory, the figures the README
# records, then the map page of the national demo's map of the same size. Needs python3, curl and GNU
# time (/usr/bin/time).
#
#   bench/map.sh
#   RUNS=10 bench/map.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
ACTORS="${ACTORS:-2000}"
MEETINGS="${MEETINGS:-500}"
ROWS="${ROWS:-20000}"
OUT=bench/out/map
BIN=target/release/parat

cargo build --release --quiet
rm -rf "$OUT" && mkdir -p "$OUT"
python3 - "$ACTORS" "$MEETINGS" "$ROWS" >"$OUT/national.json" <<'EOF'
# A national map as the country has one: 20 counties of 100 actors each, whose meetings draw on
# their own county's actors (24 per county), and 20 national meetings drawing on all. Meeting
# sizes vary from a handful to about 80 (smaller ones likelier).
import json, random, sys
actors, meetings, rows = map(int, sys.argv[1:])
rng = random.Random(2026)
counties = 20
per_county = actors // counties
national = meetings // 25
agencies = ["municipality", "employment_service", "social_insurance", "region", "other"]
levels = ["strategic", "tactical", "operational"]
pairs = set()
while len(pairs) < rows:
    meeting = min(rng.randrange(meetings), rng.randrange(meetings))
    if meeting < national:
        actor = rng.randrange(actors)
    else:
        county = meeting % counties
        actor = county * per_county + rng.randrange(per_county)
    pairs.add((actor, meeting))
pairs = sorted(pairs)
print(json.dumps({
    "actors": [{"id": f"a{i}", "name": f"Aktör {i}", "agency": agencies[i % 5]} for i in range(actors)],
    "meetings": [{"id": f"m{m}", "name": f"Möte {m}", "level": levels[m % 3],
                  "per_year": [12, 4, 52, 26][m % 4], "hours": [1.5, 2, 3][m % 3]} for m in range(meetings)],
    "attendance": [{"actor": f"a{a}", "meeting": f"m{m}"} for a, m in pairs],
    "needs": [{"from": f"a{rng.randrange(actors)}", "to": f"a{rng.randrange(actors)}"} for _ in range(actors)],
    "ratings": [{"actor": f"a{a}", "meeting": f"m{m}", "useful": rng.randint(1, 4)} for a, m in pairs[::3]],
}))
EOF
# A need from an actor to itself is refused: drop the few the generator made.
python3 - "$OUT/national.json" <<'EOF'
import json, sys
path = sys.argv[1]
data = json.load(open(path))
data["needs"] = [n for n in data["needs"] if n["from"] != n["to"]]
json.dump(data, open(path, "w"))
EOF
echo "== parat map measures: $ACTORS actors, $MEETINGS meetings, $ROWS attendance rows ($(du -h "$OUT/national.json" | cut -f1) of JSON), $RUNS runs"
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$OUT/time-$run.txt" "$BIN" map measures "$OUT/national.json" >"$OUT/measures.json"
done
python3 - "$OUT/measures.json" <<'EOF'
import json, sys
out = json.load(open(sys.argv[1]))
ties = sum(a["degree"] for a in out["actors"]) // 2
print(f"ties {ties}, density {out['network']['density']:.4f}, components {out['network']['components']}")
EOF
sort -n "$OUT"/time-*.txt | awk '{t[NR]=$1; m=($2>m?$2:m)} END {printf "measures: median %.2f s, worst %.2f s, peak memory %d MB\n", t[int((NR+1)/2)], t[NR], m/1024}'

# The map page of the national demo's national-scale map (the same size, written by `demo --size
# national`, which computes and stores its figures), as the county board's administrator sees it:
# after a start (figures read from the database), later views (kept per process), and right after
# a change (a need added), when the page waits up to --figures-wait-ms for the new figures and
# otherwise shows the earlier ones marked as updating until the new ones are in.
PORT="${PORT:-18084}"
BASE="http://127.0.0.1:${PORT}"
UPDATING='Måtten räknas om efter den senaste ändringen.'
echo "== Generating demo --size national"
"$BIN" --data-dir "$OUT" demo --size national --no-serve | head -n 1
SERVER=
start_server() {
  "$BIN" --data-dir "$OUT" --database-url "sqlite://$OUT/demo.db" serve --bind "127.0.0.1:${PORT}" >>"$OUT/server.log" 2>&1 &
  SERVER=$!
  until curl -fs "$BASE/healthz" >/dev/null 2>&1; do sleep 0.01; done
}
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
ms() { awk '{printf "%.0f", $1*1000}'; }
csrf_of() { grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//'; }
start_server
JAR="$OUT/admin.txt"
csrf=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login" | csrf_of)
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf=$csrf" --data-urlencode "email=admin@demo.parat.se" \
  --data-urlencode "password=parat-demo-2026" "$BASE/login"
ORGS=$(curl -fs -b "$JAR" "$BASE/organisations")
csrf=$(echo "$ORGS" | csrf_of)
COUNTY=$(echo "$ORGS" | grep -o 'name="org_id" value="[0-9]*"' | head -n 1 | grep -o '[0-9]*')
curl -fs -o /dev/null -b "$JAR" --data-urlencode "csrf=$csrf" --data-urlencode "org_id=$COUNTY" "$BASE/organisations/switch"
MAP=$(curl -fs -b "$JAR" "$BASE/maps" | grep -o 'href="/maps/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
[ -n "$MAP" ] || { echo "bench: no map in the county board"; exit 1; }

first=$(curl -fs -b "$JAR" -o "$OUT/map-page.html" -w '%{time_total}' "$BASE/maps/$MAP")
grep -q 'Samverkan i hela landet' "$OUT/map-page.html" || { echo "bench: not the national map"; exit 1; }
! grep -q "$UPDATING" "$OUT/map-page.html" || { echo "bench: the demo's figures were not ready"; exit 1; }
echo "map page, first view after a start (figures read from the database): $(echo "$first" | ms) ms"
python3 - "$OUT/map-page.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for svg in re.findall(r"<svg class=\"chart map\".*?</svg>", page, re.S):
    title = re.search(r"<title[^>]*>(.*?)</title>", svg).group(1)
    print(f"SVG '{title}': {len(svg.encode()) // 1024} KB")
PY
times=$(for _ in $(seq 1 "$RUNS"); do curl -fs -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE/maps/$MAP"; done | sort -n)
echo "map page, later views: median $(echo "$times" | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]*1000}') ms, worst $(echo "$times" | tail -n 1 | ms) ms ($RUNS requests, $(du -k "$OUT/map-page.html" | cut -f1) KB of HTML)"

# Changes: each adds a need between two actors of the page's list, then views the page at once and
# until it is current again.
ACTOR_IDS=$(python3 - "$OUT/map-page.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
select = re.search(r'<select[^>]*name="from_actor_id".*?</select>', page, re.S).group(0)
print(" ".join(re.findall(r'<option value="([0-9]+)"', select)))
PY
)
read -r -a ACTORS_ON_PAGE <<<"$ACTOR_IDS"
for run in $(seq 1 "$RUNS"); do
  from=${ACTORS_ON_PAGE[$((run * 37 % ${#ACTORS_ON_PAGE[@]}))]}
  to=${ACTORS_ON_PAGE[$((run * 911 % ${#ACTORS_ON_PAGE[@]}))]}
  csrf=$(curl -fs -b "$JAR" "$BASE/maps/$MAP" | csrf_of)
  changed=$(date +%s.%N)
  posted=$(curl -fs -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}' --data-urlencode "csrf=$csrf" \
    --data-urlencode "from_actor_id=$from" --data-urlencode "to_actor_id=$to" --data-urlencode "about=bench $run" \
    "$BASE/maps/$MAP/needs")
  [ "${posted%% *}" = 303 ] || { echo "bench: adding a need answered $posted"; exit 1; }
  view=$(curl -fs -b "$JAR" -o "$OUT/after-change.html" -w '%{time_total}' "$BASE/maps/$MAP")
  grep -q "$UPDATING" "$OUT/after-change.html" && shown=updating || shown=current
  while curl -fs -b "$JAR" -o "$OUT/polled.html" "$BASE/maps/$MAP" && grep -q "$UPDATING" "$OUT/polled.html"; do
    sleep 0.05
  done
  current=$(echo "$(date +%s.%N) - $changed" | bc)
  echo "change $run: adding a need $(echo "${posted#* }" | ms) ms; the page at once $(echo "$view" | ms) ms ($shown); current again $(echo "$current" | ms) ms after the change"
done

echo "== Peak server memory: $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$SERVER/status") MB"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
start_server
restart=$(curl -fs -b "$JAR" -o "$OUT/map-page.html" -w '%{time_total}' "$BASE/maps/$MAP")
! grep -q "$UPDATING" "$OUT/map-page.html" || { echo "bench: the figures were not stored"; exit 1; }
echo "map page, first view after a restart (the changed map's stored figures): $(echo "$restart" | ms) ms"
