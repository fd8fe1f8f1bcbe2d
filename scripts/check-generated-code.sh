#!/usr/bin/env bash
# Fails when the committed protobuf-c code in Sources/CJiefenProto differs from what proto/ generates.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/generate-protos.sh
if ! git diff --exit-code -- Sources/CJiefenProto || [ -n "$(git status --porcelain -- Sources/CJiefenProto)" ]; then
  echo "generated code drifted from proto/: run scripts/generate-protos.sh and commit Sources/CJiefenProto" >&2
  git status --porcelain -- Sources/CJiefenProto >&2
  exit 1
fi
echo "generated code matches proto/"
