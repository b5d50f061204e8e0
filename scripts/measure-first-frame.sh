#!/usr/bin/env bash
# Starts the game N times under Xvfb and reports, for each start, how long the window took to show
# its first drawn frame (the first screenshot of the screen that is not a single colour).
# Usage: scripts/measure-first-frame.sh [starts] [limit-seconds]   (BIN=… to measure a given binary)
# Needs: apt-get install -y xvfb mesa-vulkan-drivers imagemagick
set -euo pipefail
STARTS="${1:-30}"
LIMIT="${2:-10}"
TARGET="${CARGO_TARGET_DIR:-target}"
# BIN=path/to/client-first measures that binary (a debug build, say) instead of building one.
if [ -z "${BIN:-}" ]; then
    BIN="$TARGET/release/client-first"
    cargo build --release --quiet
fi
DISPLAY_NUM=:96
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
SHOT=$(mktemp --suffix=.png)
times=()
blank=0
for i in $(seq 1 "$STARTS"); do
    start=$(date +%s.%N)
    DISPLAY="$DISPLAY_NUM" "$BIN" --lang en >/dev/null 2>&1 &
    pid=$!
    shown=""
    while :; do
        now=$(date +%s.%N)
        elapsed=$(echo "$now - $start" | bc)
        if (( $(echo "$elapsed > $LIMIT" | bc) )); then break; fi
        if DISPLAY="$DISPLAY_NUM" import -window root "$SHOT" 2>/dev/null; then
            sd=$(convert "$SHOT" -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
            if (( $(echo "$sd > 0.01" | bc) )); then
                shown=$(echo "$(date +%s.%N) - $start" | bc)
                break
            fi
        fi
        sleep 0.05
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ -n "$shown" ]; then
        times+=("$shown")
        printf 'start %2d: first frame after %.2f s\n' "$i" "$shown"
    else
        blank=$((blank + 1))
        printf 'start %2d: still blank after %s s\n' "$i" "$LIMIT"
    fi
    sleep 0.5
done
rm -f "$SHOT"
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$STARTS" -v b="$blank" '
    { a[NR] = $1 }
    END {
        if (NR == 0) { print "no start showed a frame"; exit 1 }
        printf "%d starts: %d shown, %d blank; first frame min %.2f s, median %.2f s, max %.2f s\n",
            n, NR, b, a[1], a[int((NR + 1) / 2)], a[NR]
    }'
