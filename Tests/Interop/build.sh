#!/usr/bin/env bash
# Builds the Go ttrpc interop programs (interop-server, interop-client, and the
# load tools interop-load and interop-idle used by Benchmarks/ttrpc-echo)
# offline into Tests/Interop/bin/ and prints their paths. Works from any
# current directory.
#
# Offline: GOPATH mode (GO111MODULE=off) against the Go sources that Debian's
# golang-*-dev packages install under /usr/share/gocode. Module mode does not
# work offline here: ttrpc 1.1.1's go.mod requires modules (prometheus/procfs,
# google.golang.org/protobuf, ...) that are not on this machine, and with
# GOPROXY=off the go command cannot resolve the module graph.
#
# Environment: GOCODE overrides the Debian source root (default /usr/share/gocode).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
gocode="${GOCODE:-/usr/share/gocode}"
packages="golang-go golang-github-containerd-ttrpc-dev"

die() {
	echo "build.sh: $*" >&2
	exit 1
}

command -v go >/dev/null 2>&1 ||
	die "Go is not installed (no 'go' on PATH). Install it with: apt-get install -y $packages"

[ -f "$gocode/src/github.com/containerd/ttrpc/client.go" ] ||
	die "the reference ttrpc Go package is missing ($gocode/src/github.com/containerd/ttrpc). Install it with: apt-get install -y $packages"

export GO111MODULE=off
export GOPATH="$gocode"
export GOPROXY=off
export GOFLAGS=
export CGO_ENABLED=0
# The build cache needs a writable place; HOME may be unset (e.g. under CI).
if [ -z "${GOCACHE:-}" ] && [ -z "${XDG_CACHE_HOME:-}" ] && [ -z "${HOME:-}" ]; then
	export GOCACHE="${TMPDIR:-/tmp}/jiefen-interop-gocache"
fi

cd "$here"
if ! missing="$(go list -deps ./interopkit ./server ./client ./loadclient ./idleconns 2>&1 >/dev/null)"; then
	echo "$missing" >&2
	die "Go packages are missing. The build needs the Debian packages: golang-github-containerd-ttrpc-dev golang-github-gogo-protobuf-dev golang-google-protobuf-dev golang-google-grpc-dev golang-google-genproto-dev golang-github-golang-protobuf-1-3-dev golang-github-sirupsen-logrus-dev golang-golang-x-sys-dev"
fi

mkdir -p "$here/bin"
go build -trimpath -o "$here/bin/interop-server" ./server
go build -trimpath -o "$here/bin/interop-client" ./client
go build -trimpath -o "$here/bin/interop-load" ./loadclient
go build -trimpath -o "$here/bin/interop-idle" ./idleconns
echo "$here/bin/interop-server"
echo "$here/bin/interop-client"
echo "$here/bin/interop-load"
echo "$here/bin/interop-idle"
