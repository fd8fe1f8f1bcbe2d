#!/usr/bin/env bash
# Runs every test. The heavy end-to-end suites (two full Tongyang scenario runs; the kill loop, which kills and
# restarts jiefend under mixed writes; the full-disk run on a small file system) run on their own afterwards:
# next to them, the suites that check deadlines and schedules would be starved of CPU on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
heavy="TongyangScenarioTests|KillLoopTests|FullDiskProcessTests"
swift build --build-tests
swift test --skip-build --skip "$heavy"
swift test --skip-build --filter "$heavy"
