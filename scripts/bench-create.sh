#!/usr/bin/env bash
# Builds jiefend and the create benchmark in release mode and runs it. Arguments go to the benchmark:
# [CREATES per run, default 2000] [comma-separated caller counts, default 1,64].
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product jiefend
export JIEFEN_BENCHMARKS=1  # the benchmark targets exist only with it (Package.swift)
swift build -c release --product jiefen-bench-create
"$(swift build -c release --show-bin-path)/jiefen-bench-create" "$@"
