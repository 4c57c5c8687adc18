#!/usr/bin/env bash
# Starts Panorama as the README says (`pnpm start`) on a free port, waits until it is ready, signs
# in (a demo account on the embedded database; on PostgreSQL, a first admin made with
# `pnpm users:create`), asks for the regions and the dashboard, then sends SIGTERM and checks that
# the whole process tree stops and the port is free again. Fails if any of that goes wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
log="$(mktemp)"
jar="$(mktemp)"
if [ -n "${DATABASE_URL:-}" ]; then
  email="smoke-$RANDOM@panorama.ci"
  password="$(node -e "console.log(require('node:crypto').randomBytes(18).toString('base64url'))")"
  printf '%s' "$password" | pnpm users:create --email "$email" --name "Smoke test" --role ADMIN --password-stdin
fi
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
if [ -z "${DATABASE_URL:-}" ]; then
  # The demo accounts are printed once, at the first start of the embedded database.
  email="admin@panorama.demo"
  password=$(grep -oP 'ADMIN\s+admin@panorama\.demo\s+\K\S+' "$log") || { cat "$log"; echo "no demo admin printed"; exit 1; }
fi
graphql() { curl -fsS -b "$jar" -c "$jar" "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' --data "$1"; }
anonymous=$(graphql '{"query":"{ regions { code } }"}')
grep -q UNAUTHENTICATED <<<"$anonymous" || { echo "an anonymous request was answered: $anonymous"; exit 1; }
signin=$(graphql "{\"query\":\"mutation(\$e: String!, \$p: String!) { signIn(email: \$e, password: \$p) { __typename } }\",\"variables\":{\"e\":\"$email\",\"p\":\"$password\"}}")
grep -q MutationSignInSuccess <<<"$signin" || { echo "could not sign in: $signin"; exit 1; }
answer=$(graphql '{"query":"{ regions { code name countries { iso3 } } }"}')
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
grep -q '"msg":"stopped"' "$log" || { cat "$log"; echo "did not shut down gracefully"; exit 1; }
trap - EXIT
echo "smoke test passed: started, answered, stopped gracefully"
