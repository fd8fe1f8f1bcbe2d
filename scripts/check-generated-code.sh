#!/usr/bin/env bash
# Fails when committed generated code differs from what proto/ generates: the protobuf-c code in
# Sources/CTTRPCProto and Sources/CJiefenProto and the Swift API in Sources/JiefenAPI/Generated (scripts/generate-protos.sh) and the Go stubs in
# Clients/go/src/jiefen.example/jiefen/v1 (scripts/generate-go-stubs.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/generate-protos.sh
scripts/generate-go-stubs.sh
status=0
for dir in Sources/CTTRPCProto Sources/CJiefenProto Sources/JiefenAPI/Generated Clients/go/src/jiefen.example/jiefen; do
  if ! git diff --exit-code -- "$dir" || [ -n "$(git status --porcelain -- "$dir")" ]; then
    echo "generated code drifted from proto/: run scripts/generate-protos.sh and scripts/generate-go-stubs.sh and commit $dir" >&2
    git status --porcelain -- "$dir" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "generated code matches proto/"
exit "$status"
