#!/usr/bin/env bash
# Measures the game's CPU use while it sits idle on the title screen, under Xvfb.
# Usage: scripts/measure-idle.sh [seconds]   (needs: apt-get install -y xvfb mesa-vulkan-drivers)
# Prints the share of one core used in three set-ups: the default reactive mode, reactive mode
# without the bevy_egui idle-redraw fix, and Bevy's continuous mode.
set -euo pipefail
SECONDS_IDLE="${1:-30}"
TARGET="${CARGO_TARGET_DIR:-target}"
BIN="$TARGET/release/client-first"
cargo build --release --quiet
DISPLAY_NUM=:97
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
TICKS=$(getconf CLK_TCK)

measure() {
    local label="$1"; shift
    env DISPLAY="$DISPLAY_NUM" "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep 8 # start-up: window, shaders, first frames
    local a b
    a=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    sleep "$SECONDS_IDLE"
    b=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    awk -v l="$label" -v d=$((b - a)) -v t="$TICKS" -v s="$SECONDS_IDLE" \
        'BEGIN { printf "%-40s %6.2f%% of one core (%d ticks in %d s)\n", l, 100 * d / t / s, d, s }'
}

measure "reactive (default)" "$BIN" --lang en
measure "reactive, idle fix off" env CLIENT_FIRST_NO_IDLE_FIX=1 "$BIN" --lang en
measure "continuous (--continuous)" "$BIN" --lang en --continuous
