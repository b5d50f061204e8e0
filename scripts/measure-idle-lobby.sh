#!/usr/bin/env bash
# Measures the game's CPU use while a team session's lobby sits idle (phone server running, QR code
# on screen, nobody joining), and while phones keep live connections open, under Xvfb.
# Usage: scripts/measure-idle-lobby.sh [seconds]
#   BIN=target/debug/client-first scripts/measure-idle-lobby.sh 30   (any build; default: release)
# Needs: apt-get install -y xvfb mesa-vulkan-drivers xdotool curl
set -euo pipefail
SECONDS_IDLE="${1:-30}"
TARGET="${CARGO_TARGET_DIR:-target}"
if [ -z "${BIN:-}" ]; then
    BIN="$TARGET/release/client-first"
    cargo build --release --quiet
fi
DISPLAY_NUM=:96
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
HOME_DIR=$(mktemp -d)
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
sleep 1
TICKS=$(getconf CLK_TCK)

# A fresh home: a first launch on its own store and settings, never the user's.
env HOME="$HOME_DIR" XDG_DATA_HOME="$HOME_DIR/data" XDG_CONFIG_HOME="$HOME_DIR/config" \
    DISPLAY="$DISPLAY_NUM" RUST_LOG=info "$BIN" --lang en --team >"$HOME_DIR/log" 2>&1 &
PID=$!
sleep 10 # start-up: window, shaders, first frames
# The set-up screen's first button opens the lobby and starts the phone server.
WINDOW=$(DISPLAY="$DISPLAY_NUM" xdotool search --name "Client First" | head -1)
DISPLAY="$DISPLAY_NUM" xdotool windowfocus "$WINDOW" key Return
sleep 5
URL=$(grep -o 'team session at http[^ ]*' "$HOME_DIR/log" | tail -1 | awk '{print $4}' || true)
echo "lobby at ${URL:-?}"

measure() {
    local label="$1"
    local a b
    a=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    sleep "$SECONDS_IDLE"
    b=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    awk -v l="$label" -v d=$((b - a)) -v t="$TICKS" -v s="$SECONDS_IDLE" \
        'BEGIN { printf "%-44s %6.2f%% of one core (%d ticks in %d s)\n", l, 100 * d / t / s, d, s }'
}

measure "idle lobby, nobody joined"
if [ -n "$URL" ]; then
    # Twenty phones join, then keep their live connections (Server-Sent Events) open, idle.
    for i in $(seq 1 20); do
        TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' \
            -d "{\"nickname\":\"phone$i\"}" "${URL}join" | sed 's/.*"token":"\([0-9a-f]*\)".*/\1/')
        curl -s -N "${URL}events?token=$TOKEN" >/dev/null 2>&1 &
    done
    sleep 8 # the joins drew their frames; now nothing happens
    measure "idle lobby, 20 phones joined and connected"
fi
kill "$PID"; wait "$PID" 2>/dev/null || true
jobs -p | xargs -r kill 2>/dev/null || true
