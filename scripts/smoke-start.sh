#!/usr/bin/env bash
# Starts Panorama as the README says (`pnpm start`) on the given port, waits until it is ready,
# asks for the regions, and stops it with SIGTERM. Fails if any of that goes wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-4600}"
log="$(mktemp)"
started=$(date +%s)
PORT="$port" pnpm start >"$log" 2>&1 &
pid=$!
stop() { kill -TERM "$pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "Panorama exited before it was ready"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$log"; echo "not ready after 120 s"; exit 1; }
echo "ready after $(( $(date +%s) - started )) s"
answer=$(curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  --data '{"query":"{ regions { code name countries { iso3 } } }"}')
for code in HQ RBB RBC RBD RBJ RBN RBP; do
  grep -q "\"code\":\"$code\"" <<<"$answer" || { echo "regions answer lacks $code: $answer"; exit 1; }
done
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' || { echo "the dashboard is not served"; exit 1; }
kill -TERM "$pid"
for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "did not stop on SIGTERM"; exit 1; fi
trap - EXIT
echo "smoke test passed on port $port"
