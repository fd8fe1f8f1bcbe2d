#!/usr/bin/env bash
# Regenerates the Go stubs for proto/jiefen/v1 into Clients/go/src/jiefen.example/jiefen/v1 with the reference
# generators, built here from Debian's sources in GOPATH mode (no network):
#   protoc-gen-go        (golang-google-protobuf-dev)          messages              NAME.pb.go
#   protoc-gen-go-ttrpc  (golang-github-containerd-ttrpc-dev)  ttrpc service clients NAME_ttrpc.pb.go
#   protoc-gen-go-gogo-codec (Clients/go/tools, ours)          Marshal/Unmarshal for ttrpc 1.1.1's gogo codec
# The output is committed; scripts/check-generated-code.sh fails when it drifts.
#
# protoc-gen-go-ttrpc 1.1.1 knows only unary methods: for a streaming method it would emit a unary stub that
# cannot work, and for a file without services it emits a file that does not compile. It therefore runs only
# on the files that declare services and no streaming method (diagnostics.proto, with Count, EchoStream and
# Tally, gets messages only). Protocol 1.2 streams need ttrpc >= 1.2 and its generator.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=go-gopath-env.sh
source "$root/scripts/go-gopath-env.sh"
for f in "$gocode/src/google.golang.org/protobuf/cmd/protoc-gen-go/main.go" \
	"$gocode/src/github.com/containerd/ttrpc/cmd/protoc-gen-go-ttrpc/main.go"; do
	[ -f "$f" ] || { echo "generate-go-stubs: missing $f: apt-get install -y golang-google-protobuf-dev golang-github-containerd-ttrpc-dev" >&2; exit 1; }
done
command -v protoc >/dev/null || { echo "generate-go-stubs: protoc missing: apt-get install -y protobuf-compiler" >&2; exit 1; }

bin="$root/Clients/go/bin"
mkdir -p "$bin"
go build -trimpath -o "$bin/protoc-gen-go" google.golang.org/protobuf/cmd/protoc-gen-go
go build -trimpath -o "$bin/protoc-gen-go-ttrpc" github.com/containerd/ttrpc/cmd/protoc-gen-go-ttrpc
(cd "$root/Clients/go/tools/protoc-gen-go-gogo-codec" && go build -trimpath -o "$bin/protoc-gen-go-gogo-codec" .)

out="$root/Clients/go/src"
package_dir="$out/jiefen.example/jiefen/v1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root/proto"
mapfile -t protos < <(find jiefen/v1 -name '*.proto' | LC_ALL=C sort)
services=()
for p in "${protos[@]}"; do
	grep -qE '^[[:space:]]*service[[:space:]]' "$p" || continue
	if grep -qE '^[[:space:]]*rpc[[:space:]].*\([[:space:]]*stream[[:space:]]' "$p"; then
		echo "generate-go-stubs: $p has streaming methods; ttrpc 1.1.1 stubs skipped, messages generated"
		continue
	fi
	services+=("$p")
done
PATH="$bin:$PATH" protoc --proto_path=. --go_out="$tmp" --go-gogo-codec_out="$tmp" "${protos[@]}"
PATH="$bin:$PATH" protoc --proto_path=. --go-ttrpc_out="$tmp" "${services[@]}"
# protoc-gen-go stamps its own version and protoc's into each file; keep only the plugin's (protoc's patch
# release differs between machines without changing the output).
find "$tmp" -name '*.pb.go' -exec sed -i '/^\/\/ \tprotoc  *v/d' {} +
rm -rf "$package_dir"
mkdir -p "$package_dir"
cp "$tmp/jiefen.example/jiefen/v1/"*.go "$package_dir/"
echo "generated $(ls "$package_dir" | wc -l) Go files into ${package_dir#"$root"/}"
