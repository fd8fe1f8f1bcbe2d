#!/usr/bin/env bash
# Installs the system packages Jiefen needs on Debian/Ubuntu: libprotobuf-c (build and run), the protobuf-c
# compilers (regenerating proto/ code), pkg-config, and Go with the reference ttrpc library and
# google.golang.org/protobuf (interop tests, Go stubs, the proto compatibility check).
# Run as root (or with sudo). Safe to run again.
set -euo pipefail
packages=(
  libprotobuf-c-dev protobuf-c-compiler protobuf-compiler pkg-config
  golang-go golang-github-containerd-ttrpc-dev golang-google-protobuf-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all system packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
