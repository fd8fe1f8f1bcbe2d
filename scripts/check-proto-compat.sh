#!/usr/bin/env bash
# Fails when the proto files break compatibility with the last released jiefen.v1 (proto/README.md): compiles
# them with protoc into a descriptor set and compares it with proto/released/jiefen-v1.binpb using
# scripts/proto-compat (Go, built offline in GOPATH mode from Debian's google.golang.org/protobuf). Prints every
# breaking change (file, message or service, field or method, what changed) and exits 1 when there is one.
#
#   scripts/check-proto-compat.sh                      # the proto/ of this tree
#   scripts/check-proto-compat.sh --proto-root DIR     # another copy of proto/ (the tests use this)
#
# At a release, record the new baseline with scripts/update-released-proto.sh and commit it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
proto_root="$root/proto"
released="$root/proto/released/jiefen-v1.binpb"
while [ $# -gt 0 ]; do
	case "$1" in
	--proto-root) proto_root=$(cd "$2" && pwd); shift 2 ;;
	--released) released="$2"; shift 2 ;;
	*) echo "usage: $0 [--proto-root DIR] [--released FILE]" >&2; exit 2 ;;
	esac
done
# shellcheck source=go-gopath-env.sh
source "$root/scripts/go-gopath-env.sh"
[ -d "$gocode/src/google.golang.org/protobuf/types/descriptorpb" ] || {
	echo "check-proto-compat: google.golang.org/protobuf missing: apt-get install -y golang-google-protobuf-dev" >&2
	exit 1
}
bin="$root/scripts/proto-compat/bin"
mkdir -p "$bin"
(cd "$root/scripts/proto-compat" && go build -trimpath -o "$bin/proto-compat" .)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$proto_root"
mapfile -t protos < <(find jiefen -name '*.proto' | LC_ALL=C sort)
protoc --proto_path=. --descriptor_set_out="$tmp/current.binpb" "${protos[@]}"
"$bin/proto-compat" -released "$released" -current "$tmp/current.binpb" -package jiefen.v1
