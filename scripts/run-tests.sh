#!/usr/bin/env bash
# Runs every test. The heavy end-to-end suites (two full Tongyang scenario runs; the kill loop, which kills and
# restarts jiefend under mixed writes; the full-disk run on a small file system) run on their own afterwards:
# next to them, the suites that check deadlines and schedules would be starved of CPU on a 2-core machine.
# The CPU-bound codec suites run last, on their own, for the same reason.
set -euo pipefail
cd "$(dirname "$0")/.."
heavy="TongyangScenarioTests|KillLoopTests|FullDiskProcessTests"
# The generated-codec suites run long synchronous decode loops (megabyte budgets, 20,000-deep nesting, seeded
# mutation runs): they hold the 2 cooperative threads for seconds, which starves the schedule and deadline checks
# of the in-process servers next to them. They run on their own last.
cpu="JiefenAPITests"
swift build --build-tests
swift test --skip-build --skip "$heavy|$cpu"
swift test --skip-build --filter "$heavy"
swift test --skip-build --filter "$cpu"
