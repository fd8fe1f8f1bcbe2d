#!/usr/bin/env bash
# Compares two jiefend builds in one run, alternating them so that the machine's noise falls on both:
#   Echo     jiefen load, 64 B, 4 connections × 64 in flight, 5 s
#   Creates  jiefen load --workload creates (durable: WAL, synchronous=FULL, group commit), 1 and 64 callers, 5 s
# Each cell starts a fresh server on a Unix socket (server pinned to core 0, load to core 1 where taskset exists)
# and reports calls/s and the server's CPU time per call (user + system, from /proc), which moves less than
# throughput on a shared machine. Prints every cell, then medians and new/old ratios.
#
#   Benchmarks/compare-builds/run.sh OLD_BIN_DIR NEW_BIN_DIR [ROUNDS=3]
#
# Each BIN_DIR is a release build folder holding jiefend, e.g. `$(swift build -c release --show-bin-path)` of two
# checkouts; NEW_BIN_DIR also provides the load generator, jiefen.
set -euo pipefail
old="$1"; new="$2"; rounds="${3:-3}"
pin_server=""; pin_load=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin_server="taskset -c 0"; pin_load="taskset -c 1"; fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)

cpu_ticks() {  # $1: pid → user + system clock ticks so far
  awk '{print $14 + $15}' "/proc/$1/stat"
}

cell() {  # $1: build label, $2: bin dir, $3: cell name, then the jiefen load arguments
  local label="$1" bin="$2" name="$3"; shift 3
  local dir="$work/$label-$name-$RANDOM"; mkdir -p "$dir"; chmod 700 "$dir"
  $pin_server "$bin/jiefend" serve --data-dir "$dir/data" --listen "unix://$dir/s.sock" --log-level warning &
  local pid=$!
  for _ in $(seq 200); do [ -S "$dir/s.sock" ] && break; sleep 0.05; done
  local before; before=$(cpu_ticks "$pid")
  local json; json=$($pin_load "$new/jiefen" load -a "unix://$dir/s.sock" "$@" --duration 5s --json)
  local after; after=$(cpu_ticks "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 - "$label" "$name" "$(( after - before ))" "$ticks" "$json" <<'PY'
import json, sys
label, name, used, ticks, result = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
calls = result["calls"]
cpu_us = used / ticks * 1e6 / calls if calls else 0
print(f"{label} {name} calls_per_s {result['throughput']:.0f} server_cpu_us_per_call {cpu_us:.1f} p99_us {result['latency_us']['p99']} errors {result['errors']}")
PY
}

for round in $(seq "$rounds"); do
  for which in old new; do
    bin="$old"; [ "$which" = new ] && bin="$new"
    cell "$which" "$bin" echo jiefen.v1.Diagnostics Echo --connections 4 --concurrency 64 --warmup 1s --payload-size 64
    cell "$which" "$bin" create-1 --workload creates --concurrency 1
    cell "$which" "$bin" create-64 --workload creates --connections 4 --concurrency 64
  done
done | tee "$work/results.txt"

python3 - "$work/results.txt" <<'PY'
import sys, statistics
cells = {}
for line in open(sys.argv[1]):
    f = line.split()
    cells.setdefault((f[1], f[0]), []).append((float(f[3]), float(f[5])))
for name in ["echo", "create-1", "create-64"]:
    old, new = cells.get((name, "old")), cells.get((name, "new"))
    if not old or not new: continue
    ot, nt = statistics.median(t for t, _ in old), statistics.median(t for t, _ in new)
    oc, nc = statistics.median(c for _, c in old), statistics.median(c for _, c in new)
    print(f"{name:10} calls/s old {ot:.0f} new {nt:.0f} (new/old {nt / ot:.3f}); "
          f"server CPU µs/call old {oc:.1f} new {nc:.1f} (new/old {nc / oc:.3f})")
PY
