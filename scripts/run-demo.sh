#!/usr/bin/env bash
# Fresh-machine quick start: installs system packages, builds, starts jiefend with its defaults in the
# background (data in ./jiefen-data, tcp://127.0.0.1:7311 and unix://./jiefen-data/jiefend.sock), and makes a
# first call with the bundled client. The server keeps running; the script prints how to stop it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/install-deps.sh
swift build --product jiefend
swift build --product jiefen
bin=$(swift build --show-bin-path)
# jiefend refuses a data directory others may write to; create it private whatever the umask.
mkdir -p -m 700 jiefen-data
"$bin/jiefend" serve >jiefen-data/jiefend.log 2>&1 &
pid=$!
for _ in $(seq 1 50); do
  if "$bin/jiefen" call grpc.health.v1.Health Check >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "jiefend exited; see jiefen-data/jiefend.log" >&2; cat jiefen-data/jiefend.log >&2; exit 1; fi
  sleep 0.2
done
echo "\$ jiefen call grpc.health.v1.Health Check"
"$bin/jiefen" call grpc.health.v1.Health Check
echo "\$ jiefen call jiefen.v1.Server ListServices"
"$bin/jiefen" call jiefen.v1.Server ListServices
echo
echo "jiefend is running (pid $pid, log jiefen-data/jiefend.log). Stop it with: kill $pid"
