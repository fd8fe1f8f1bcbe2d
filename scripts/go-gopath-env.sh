# Sourced by the scripts that build Go code: GOPATH mode, offline, against the Go sources Debian's golang-*-dev
# packages install under /usr/share/gocode (module mode cannot resolve ttrpc 1.1.1's go.mod offline; see
# Tests/Interop/README.md). GOCODE overrides the Debian source root. Callers may prepend their own GOPATH entry.
gocode="${GOCODE:-/usr/share/gocode}"
export GO111MODULE=off
export GOPATH="$gocode"
export GOPROXY=off
export GOFLAGS=
export CGO_ENABLED=0
# The build cache needs a writable place; HOME may be unset (e.g. under CI).
if [ -z "${GOCACHE:-}" ] && [ -z "${XDG_CACHE_HOME:-}" ] && [ -z "${HOME:-}" ]; then
	export GOCACHE="${TMPDIR:-/tmp}/jiefen-gocache"
fi
command -v go >/dev/null 2>&1 || {
	echo "Go is not installed (no 'go' on PATH): apt-get install -y golang-go" >&2
	exit 1
}
