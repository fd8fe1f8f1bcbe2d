#!/usr/bin/env bash
# Runs the kill loop (Tests/EndToEndTests/KillLoopTests.swift) for CYCLES cycles (default 100): the real jiefend
# takes mixed writes, each with its own request id, is killed with SIGKILL at a random moment and restarted on the same
# data directory; after every kill the database must pass PRAGMA integrity_check and hold every acknowledged write,
# and once the writes whose answers were lost are retried with the same request ids, every write exactly once.
# CI runs the same test with 10 cycles.
set -euo pipefail
cd "$(dirname "$0")/.."
cycles="${1:-100}"
case "$cycles" in
    ''|*[!0-9]*) echo "usage: $0 [CYCLES]" >&2; exit 2 ;;
esac
swift build --build-tests
JIEFEN_KILL_LOOP_CYCLES="$cycles" swift test --skip-build --filter KillLoopTests
