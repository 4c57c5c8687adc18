#!/usr/bin/env bash
# Starts Panorama as the README says (`pnpm start`) on a free port, waits until it is ready, asks
# for the regions and the dashboard, then sends SIGTERM and checks that the whole process tree
# stops and the port is free again. Fails if any of that goes wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
log="$(mktemp)"
started=$SECONDS
# Its own process group, so that SIGTERM reaches the server itself, not only pnpm.
PORT="$port" setsid pnpm start >"$log" 2>&1 &
pid=$!
stop() { kill -TERM -- "-$pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "Panorama exited before it was ready"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$log"; echo "not ready after 120 s"; exit 1; }
echo "ready after $((SECONDS - started)) s on port $port"
answer=$(curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  --data '{"query":"{ regions { code name countries { iso3 } } }"}')
for code in HQ RBB RBC RBD RBJ RBN RBP; do
  grep -q "\"code\":\"$code\"" <<<"$answer" || { echo "regions answer lacks $code: $answer"; exit 1; }
done
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' || { echo "the dashboard is not served"; exit 1; }
kill -TERM -- "-$pid"
for _ in $(seq 1 60); do
  if ! pgrep -g "$pid" >/dev/null 2>&1 && ! curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.25
done
if pgrep -g "$pid" >/dev/null 2>&1 || curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
  cat "$log"; echo "did not stop within 15 s of SIGTERM"; exit 1
fi
grep -q '\[panorama\] stopped' "$log" || { cat "$log"; echo "did not shut down gracefully"; exit 1; }
trap - EXIT
echo "smoke test passed: started, answered, stopped gracefully"
