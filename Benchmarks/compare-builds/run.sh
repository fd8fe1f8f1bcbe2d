#!/usr/bin/env bash
# Compares two jiefend builds in one run, alternating them so that the machine's noise falls on both: Echo
# (jiefen load, 64 B, 4 connections × 64 in flight, Unix socket) and durable case creates (jiefen-bench-create,
# 1 and 64 callers, each against direct SQLite in the same run). Prints every cell and the new/old ratios.
#
#   Benchmarks/compare-builds/run.sh OLD_BIN_DIR NEW_BIN_DIR [ROUNDS=3]
#
# Each BIN_DIR is a release build folder holding jiefend (and, for NEW, jiefen and jiefen-bench-create), e.g.
# `$(swift build -c release --show-bin-path)` of two checkouts. The server is pinned to core 0 and the load to
# core 1 where taskset exists.
set -euo pipefail
old="$1"; new="$2"; rounds="${3:-3}"
pin_server=""; pin_load=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin_server="taskset -c 0"; pin_load="taskset -c 1"; fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

echo_once() {  # $1: bin dir of the jiefend under test; prints calls/s
  local dir="$work/echo-$RANDOM"; mkdir -p "$dir"; chmod 700 "$dir"
  $pin_server "$1/jiefend" serve --data-dir "$dir" --listen "unix://$dir/s.sock" --log-level warning &
  local pid=$!
  for _ in $(seq 100); do [ -S "$dir/s.sock" ] && break; sleep 0.05; done
  $pin_load "$new/jiefen" load -a "unix://$dir/s.sock" jiefen.v1.Diagnostics Echo --connections 4 --concurrency 64 \
    --duration 5s --warmup 1s --payload-size 64 --json | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["throughput"]))'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

create_once() {  # $1: bin dir of the jiefend under test; prints the bench's lines for 1 and 64 callers
  JIEFEN_BENCH_JIEFEND="$1/jiefend" $pin_load "$new/jiefen-bench-create" 2000 1,64
}

for round in $(seq "$rounds"); do
  for which in old new; do
    dir="$old"; [ "$which" = new ] && dir="$new"
    echo "round $round $which echo_calls_per_s $(echo_once "$dir")"
    create_once "$dir" | sed "s/^/round $round $which create /"
  done
done | tee "$work/results.txt"

python3 - "$work/results.txt" <<'PY'
import re, sys, statistics
echo = {"old": [], "new": []}
for line in open(sys.argv[1]):
    m = re.match(r"round \d+ (old|new) echo_calls_per_s (\d+)", line)
    if m: echo[m.group(1)].append(int(m.group(2)))
if echo["old"] and echo["new"]:
    o, n = statistics.median(echo["old"]), statistics.median(echo["new"])
    print(f"Echo median calls/s: old {o:.0f}, new {n:.0f}, new/old {n / o:.3f}")
# Create lines: "round R which create CALLERS SERVER STORE RATIO"; the server/store ratio cancels the disk's noise.
creates = {}
for line in open(sys.argv[1]):
    m = re.match(r"round \d+ (old|new) create (\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)", line)
    if m: creates.setdefault((m.group(2), m.group(1)), []).append((int(m.group(3)), float(m.group(5))))
for callers in sorted({c for c, _ in creates}, key=int):
    old, new = creates.get((callers, "old"), []), creates.get((callers, "new"), [])
    if not old or not new: continue
    os_, ns = statistics.median(r for _, r in old), statistics.median(r for _, r in new)
    oc, nc = statistics.median(c for c, _ in old), statistics.median(c for c, _ in new)
    print(f"Create, {callers} callers: median creates/s old {oc:.0f}, new {nc:.0f} (new/old {nc / oc:.3f}); "
          f"server/store old {os_:.2f}, new {ns:.2f} (new/old {ns / os_:.3f})")
PY
