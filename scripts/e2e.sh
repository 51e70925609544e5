#!/usr/bin/env bash
# e2e.sh builds the front end and the server, starts `huiguan serve` on a free port
# with a throwaway data directory, and walks the UI in headless Chromium
# (frontend/e2e/*.test.mjs, node's test runner). Screenshots go to $HUIGUAN_E2E_SHOTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '==> %s\n' "$*"; }

# Debian's Chromium (never a downloaded browser) and CJK fonts so Chinese renders.
if [[ ! -x /usr/bin/chromium ]] || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  log "installing chromium and fonts-noto-cjk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium fonts-noto-cjk
fi

if [[ ! -d frontend/node_modules ]]; then
  log "npm ci"
  (cd frontend && npm ci --no-audit --no-fund)
fi

log "building the front end"
(cd frontend && npm run build)

log "building the server"
mkdir -p bin
go build -o bin/huiguan .

TMP="$(mktemp -d -t huiguan-e2e-XXXXXX)"
SHOTS="${HUIGUAN_E2E_SHOTS:-$ROOT/frontend/e2e-artifacts/shots}"
mkdir -p "$SHOTS"
find "$SHOTS" -maxdepth 1 -name '*.png' -delete
PW="E2e-$(date +%s)-$RANDOM-pass"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""

cleanup() {
  local rc=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 && -f "$TMP/server.log" ]]; then
    echo "---- server log (last 60 lines) ----"
    tail -n 60 "$TMP/server.log" || true
  fi
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT INT TERM

log "starting huiguan on $BASE"
HUIGUAN_ADDR="127.0.0.1:$PORT" HUIGUAN_DATA_DIR="$TMP/data" HUIGUAN_ADMIN_PASSWORD="$PW" \
  bin/huiguan serve >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 120); do
  if curl -fsS "$BASE/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server exited before it was ready" >&2
    exit 1
  fi
  sleep 0.5
done
curl -fsS "$BASE/readyz" >/dev/null || { echo "the server did not become ready" >&2; exit 1; }

log "running the browser walks"
(cd frontend && HUIGUAN_E2E_BASE_URL="$BASE" HUIGUAN_E2E_ADMIN_PASSWORD="$PW" HUIGUAN_E2E_SHOTS="$SHOTS" npm run e2e)

log "screenshots: $SHOTS"
ls -1 "$SHOTS"
