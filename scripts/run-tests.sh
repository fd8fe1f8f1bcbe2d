#!/usr/bin/env bash
# Runs every test. The Tongyang scenario test (two full scenario runs against real servers) runs on its own
# afterwards: next to it, the suites that check deadlines and schedules would be starved of CPU on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build --skip TongyangScenarioTests
swift test --skip-build --filter TongyangScenarioTests
