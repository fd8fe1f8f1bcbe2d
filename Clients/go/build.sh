#!/usr/bin/env bash
# Builds the Go department client (Clients/go/src/jiefen.example/department-client) against the committed stubs
# in Clients/go/src/jiefen.example/jiefen/v1 into Clients/go/bin/department-client and prints its path.
# Offline, GOPATH mode: GOPATH is Clients/go (our packages) then /usr/share/gocode (Debian's Go sources).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../scripts/go-gopath-env.sh
source "$here/../../scripts/go-gopath-env.sh"
export GOPATH="$here:$GOPATH"
[ -f "$gocode/src/github.com/containerd/ttrpc/client.go" ] && [ -d "$gocode/src/google.golang.org/protobuf/proto" ] || {
	echo "Clients/go/build.sh: Go sources missing: apt-get install -y golang-go golang-github-containerd-ttrpc-dev golang-google-protobuf-dev" >&2
	exit 1
}
mkdir -p "$here/bin"
cd "$here/src/jiefen.example/department-client"
go vet jiefen.example/jiefen/v1 . >&2
go build -trimpath -o "$here/bin/department-client" .
echo "$here/bin/department-client"
