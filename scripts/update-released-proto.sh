#!/usr/bin/env bash
# Records the proto files as they are now as the released jiefen.v1: writes proto/released/jiefen-v1.binpb, the
# baseline scripts/check-proto-compat.sh compares against. Run it when tagging a release, after the check passes,
# and commit the file with the release. (No source info: comments may change freely.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/proto"
mkdir -p released
mapfile -t protos < <(find jiefen/v1 -name '*.proto' | LC_ALL=C sort)
protoc --proto_path=. --descriptor_set_out=released/jiefen-v1.binpb "${protos[@]}"
echo "wrote proto/released/jiefen-v1.binpb ($(wc -c < released/jiefen-v1.binpb) bytes, ${#protos[@]} files)"
