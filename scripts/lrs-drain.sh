#!/usr/bin/env bash
# Measures draining an outbox of about 10,000 xAPI statements into a local Ralph LRS (file backend).
#
#   scripts/lrs-drain.sh [BATCH]
#
# Needs Ralph in $CF_RALPH_VENV (default $HOME/.cache/ralph-venv; .ci/run creates it) and a release
# build (`cargo build --release --no-default-features`). Ralph's file backend accepts only the first
# POST into a folder, so each run uses a fresh folder and BATCH defaults to one batch for everything.
set -euo pipefail
cd "$(dirname "$0")/.."
BATCH="${1:-20000}"
VENV="${CF_RALPH_VENV:-$HOME/.cache/ralph-venv}"
BIN="${CF_BIN:-${CARGO_TARGET_DIR:-target}/release/client-first}"
WORK="$(mktemp -d)"
PORT=8199
export RALPH_APP_DIR="$WORK/.ralph" RALPH_RUNSERVER_BACKEND=fs \
       RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH="$WORK/.ralph/data"
mkdir -p "$RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"
"$VENV/bin/ralph" auth -u trainer -p s3cret -s statements/write -s statements/read \
  -M mailto:trainer@example.com -w >/dev/null 2>&1
"$VENV/bin/uvicorn" ralph.api:app --host 127.0.0.1 --port "$PORT" --log-level warning &
RALPH=$!
trap 'kill $RALPH; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
# 50 trainees × 23 attempts of the built-in scenarios: just over 10,000 statements.
"$BIN" report sample "$WORK/attempts.json" --trainees 50 --attempts 23 --group Bench >/dev/null
export CF_LRS_ENDPOINT="http://127.0.0.1:$PORT/xAPI/" CF_LRS_KEY=trainer CF_LRS_SECRET=s3cret
# Queue first (no LRS reachable on port 9), then time the drain alone.
CF_LRS_ENDPOINT=http://127.0.0.1:9/xAPI/ "$BIN" sync --store "$WORK/progress.sqlite" \
  --enqueue "$WORK/attempts.json" >/dev/null || true
N=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from lrs_outbox').fetchone()[0])" "$WORK/progress.sqlite")
START=$(date +%s.%N)
LANG=en "$BIN" sync --store "$WORK/progress.sqlite" --batch "$BATCH"
END=$(date +%s.%N)
python3 -c "n=$N; t=$END-$START; print(f'{n} statements drained in {t:.2f} s: {n/t:.0f} statements/s (batch $BATCH)')"
