#!/usr/bin/env bash
# Schemathesis against Parat's OpenAPI document, on a real server with the demo data: once with a
# coordinator's token and once with a viewer's, every check, a bounded number of examples per
# operation. Fails on any 5xx, any response the document does not describe, any schema-valid
# request refused (beyond the cross-field rules listed in .ci/schemathesis.toml) and any
# schema-invalid request accepted. Loopback only.
#
#   .ci/schemathesis.sh                 # uses target/debug/parat (cargo build first)
#   BIN=target/release/parat EXAMPLES=200 .ci/schemathesis.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${BIN:-target/debug/parat}"
EXAMPLES="${EXAMPLES:-100}"
PORT="${PORT:-18181}"
VENV="${VENV:-target/schemathesis-venv}"
SCHEMATHESIS_VERSION="4.32.5"
BASE="http://127.0.0.1:${PORT}"

if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "schemathesis==${SCHEMATHESIS_VERSION}"
fi

DATA="$(mktemp -d)"
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

"$BIN" --data-dir "$DATA" demo --no-serve >/dev/null
"$BIN" --data-dir "$DATA" --database-url "sqlite://$DATA/demo.db" serve --bind "127.0.0.1:${PORT}" \
  >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$BASE/healthz" >/dev/null

# A personal access token for a demo account, made on the account page as a person would.
token_for() {
  local jar="$DATA/$1.cookies" csrf token
  csrf=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
    --data-urlencode "email=$1" --data-urlencode "password=parat-demo-2026" "$BASE/login"
  csrf=$(curl -fs -b "$jar" "$BASE/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | sed 's/.*value="//; s/"//')
  token=$(curl -fs -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "name=schemathesis" "$BASE/account/tokens" \
    | grep -o '<code class="token">[0-9a-f]*' | sed 's/.*>//')
  [ -n "$token" ] || { echo "schemathesis: no token for $1" >&2; exit 1; }
  echo "$token"
}

status=0
for account in samordnare@demo.parat.se styrgrupp@demo.parat.se; do
  printf '\n== Schemathesis as %s\n' "$account"
  token=$(token_for "$account")
  "$VENV/bin/schemathesis" --config-file .ci/schemathesis.toml run "$BASE/api/v1/openapi.json" \
    --url "$BASE" --checks all --max-examples "$EXAMPLES" --workers 1 \
    --header "Authorization: Bearer $token" --no-color --generation-database none || status=1
done
if [ "$(grep -c 'panicked' "$DATA/server.log" || true)" != 0 ]; then
  echo "schemathesis: the server log shows a panic"; grep -m 5 panicked "$DATA/server.log"; status=1
fi
exit "$status"
