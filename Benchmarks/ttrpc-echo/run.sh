#!/usr/bin/env bash
# ttrpc Echo benchmark: jiefend against the reference Go ttrpc server (Debian's
# containerd/ttrpc 1.1.1, Tests/Interop/bin/interop-server), each loaded by
# `jiefen load` and by the reference Go client (Tests/Interop/bin/interop-load).
# Run by a person, not by CI. See README.md next to this script.
#
# Environment (all optional):
#   JIEFEND     jiefend binary               (default .build/release/jiefend)
#   JIEFEN      jiefen binary                (default .build/release/jiefen)
#   DURATION    measured seconds per run     (default 10)
#   WARMUP      unmeasured seconds first     (default 2)
#   PAYLOADS    payload sizes in bytes       (default "64 4096")
#   TRANSPORTS  "unix tcp"                   (default both)
#   SHAPES      connections,concurrency list (default "1,1 1,32 4,64 16,256")
#   PIN         1: server on core 0, load generator on core 1 with taskset (default 1 when
#               taskset exists and there are at least 2 cores); 0: no pinning
#   RSS         1: measure server memory too (default 1)
#   IDLE_CONNS  idle connections for the memory run   (default 1000)
#   STREAMS     calls in flight for the memory run    (default 10000, Diagnostics/Sleep)
#   STREAM_CONNS connections carrying them            (default 20: 500 each, under
#               jiefend's default --max-streams 1024)
#   SLEEP_MS    how long each of those calls sleeps   (default 3000)
#   JIEFEN_TIMEOUT  --timeout given to `jiefen load` (default 0: no timeout_nano on the
#               wire, like interop-load; the CLI's own default, 30, makes every call carry
#               a deadline, which costs the server a timer per call)
#   OUT_DIR     keep every raw JSON result and results.tsv here (default: a temporary
#               directory, removed at the end)
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

JIEFEND="${JIEFEND:-.build/release/jiefend}"
JIEFEN="${JIEFEN:-.build/release/jiefen}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-2}"
PAYLOADS="${PAYLOADS:-64 4096}"
TRANSPORTS="${TRANSPORTS:-unix tcp}"
SHAPES="${SHAPES:-1,1 1,32 4,64 16,256}"
RSS="${RSS:-1}"
IDLE_CONNS="${IDLE_CONNS:-1000}"
STREAMS="${STREAMS:-10000}"
STREAM_CONNS="${STREAM_CONNS:-20}"
SLEEP_MS="${SLEEP_MS:-3000}"
JIEFEN_TIMEOUT="${JIEFEN_TIMEOUT:-0}"

die() {
	echo "run.sh: $*" >&2
	exit 1
}

for n in DURATION WARMUP IDLE_CONNS STREAMS STREAM_CONNS SLEEP_MS; do
	[[ "${!n}" =~ ^[0-9]+$ ]] || die "$n must be a whole number, got '${!n}'"
done
[ "$DURATION" -ge 1 ] || die "DURATION must be at least 1"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to read the JSON results"
[ -x "$JIEFEND" ] || die "no jiefend at '$JIEFEND' (build it with 'swift build -c release' or set JIEFEND=...)"

# ---- the Go programs ---------------------------------------------------------
"$root/Tests/Interop/build.sh" >/dev/null || die "Tests/Interop/build.sh failed"
GO_SERVER="$root/Tests/Interop/bin/interop-server"
GO_LOAD="$root/Tests/Interop/bin/interop-load"
GO_IDLE="$root/Tests/Interop/bin/interop-idle"

# `jiefen load` exists when its own help answers (an unknown subcommand makes
# ArgumentParser print the top-level help, also with exit status 0).
JIEFEN_LOAD=0
if [ -x "$JIEFEN" ] && help="$("$JIEFEN" load --help 2>&1)" && grep -q 'USAGE: jiefen load' <<<"$help"; then
	JIEFEN_LOAD=1
fi
NA_JIEFEN="jiefen load not available"

# The Go interop-server listens on a unix socket only, unless it has a -tcp flag.
GO_TCP=0
if "$GO_SERVER" -h 2>&1 | grep -q -- '-tcp'; then
	GO_TCP=1
fi

# ---- pinning -----------------------------------------------------------------
cores="$(nproc 2>/dev/null || echo 1)"
if [ -z "${PIN:-}" ]; then
	if command -v taskset >/dev/null 2>&1 && [ "$cores" -ge 2 ]; then PIN=1; else PIN=0; fi
fi
if [ "$PIN" = 1 ]; then
	command -v taskset >/dev/null 2>&1 || die "PIN=1 needs taskset (util-linux)"
	[ "$cores" -ge 2 ] || die "PIN=1 needs at least 2 cores"
	SRV_PIN=(taskset -c 0)
	GEN_PIN=(taskset -c 1)
	pin_note="server pinned to core 0, load generator to core 1 (taskset)"
else
	SRV_PIN=()
	GEN_PIN=()
	pin_note="no pinning: server and load generator share all $cores cores"
fi

# ---- scratch space and cleanup -------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/ttrpc-echo.XXXXXX")"
if [ -n "${OUT_DIR:-}" ]; then
	mkdir -p "$OUT_DIR" || die "cannot create OUT_DIR '$OUT_DIR'"
	out="$(cd "$OUT_DIR" && pwd)"
else
	out="$work/results"
	mkdir -p "$out"
fi
results="$out/results.tsv"
: >"$results"
SRV_PID=""
cleanup() {
	if [ -n "$SRV_PID" ] && kill -0 "$SRV_PID" 2>/dev/null; then
		kill -KILL "$SRV_PID" 2>/dev/null
		wait "$SRV_PID" 2>/dev/null
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

clk_tck="$(getconf CLK_TCK 2>/dev/null || echo 100)"
seq_no=0

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# jget FILE KEY[.KEY...]: prints one field of a JSON file, or nothing.
jget() {
	python3 - "$1" "$2" <<'EOF' 2>/dev/null
import json, sys
try:
    v = json.load(open(sys.argv[1]))
    for k in sys.argv[2].split("."):
        v = v[k]
    print(v)
except Exception:
    pass
EOF
}

vmrss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }

# CPU time (user + system) of a process in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }

# start_server KIND TRANSPORT: starts a fresh jiefend or Go server listening on
# one address; sets SRV_PID, SRV_ADDR, SRV_LOG. Waits until one connection's Echo
# answers (at most 15 s).
start_server() {
	local kind="$1" transport="$2" addr listen
	seq_no=$((seq_no + 1))
	SRV_LOG="$work/server.$seq_no.log"
	if [ "$transport" = unix ]; then
		addr="unix://$work/s$seq_no.sock"
	else
		addr="tcp://127.0.0.1:$(free_port)"
	fi
	case "$kind" in
	jiefend)
		"${SRV_PIN[@]}" "$JIEFEND" serve --listen "$addr" --data-dir "$work/data.$seq_no" \
			--log-level warning --shutdown-grace 2 >"$SRV_LOG" 2>&1 &
		;;
	go)
		if [ "$transport" = unix ]; then
			"${SRV_PIN[@]}" "$GO_SERVER" -socket "$work/s$seq_no.sock" >"$SRV_LOG" 2>&1 &
		else
			"${SRV_PIN[@]}" "$GO_SERVER" -socket "$work/s$seq_no.sock" -tcp "${addr#tcp://}" >"$SRV_LOG" 2>&1 &
		fi
		;;
	esac
	SRV_PID=$!
	SRV_ADDR="$addr"
	local i
	for ((i = 0; i < 150; i++)); do
		if ! kill -0 "$SRV_PID" 2>/dev/null; then
			echo "run.sh: $kind server exited at start; its log:" >&2
			cat "$SRV_LOG" >&2
			SRV_PID=""
			return 1
		fi
		if "$GO_IDLE" -address "$addr" -connections 1 -hold 0s >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
	done
	echo "run.sh: $kind server did not answer on $addr within 15 s" >&2
	stop_server
	return 1
}

# stop_server: SIGTERM, then SIGKILL after 15 s.
stop_server() {
	[ -n "$SRV_PID" ] || return 0
	kill -TERM "$SRV_PID" 2>/dev/null
	local i
	for ((i = 0; i < 150; i++)); do
		kill -0 "$SRV_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$SRV_PID" 2>/dev/null
	wait "$SRV_PID" 2>/dev/null
	SRV_PID=""
}

# measure SERVER GEN TRANSPORT PAYLOAD CONNS CONC: one fresh server, one load run;
# appends a line to results.tsv:
#   server gen transport payload conns conc status calls_per_s p99_us errors srv_us_per_call
# status is ok, na (not measured; the reason is in calls_per_s) or fail.
measure() {
	local server="$1" gen="$2" transport="$3" payload="$4" conns="$5" conc="$6"
	local key="$server-$gen-$transport-$payload-$conns-$conc"
	local json="$out/$key.json" err="$work/$key.err"
	if [ "$gen" = jiefen ] && [ "$JIEFEN_LOAD" = 0 ]; then
		printf '%s\t%s\t%s\t%s\t%s\t%s\tna\t%s\t\t\t\n' "$server" "$gen" "$transport" "$payload" "$conns" "$conc" "$NA_JIEFEN" >>"$results"
		return
	fi
	if [ "$server" = go ] && [ "$transport" = tcp ] && [ "$GO_TCP" = 0 ]; then
		printf '%s\t%s\t%s\t%s\t%s\t%s\tna\t%s\t\t\t\n' "$server" "$gen" "$transport" "$payload" "$conns" "$conc" "Go server over tcp: interop-server listens on a unix socket only (no -tcp flag)" >>"$results"
		return
	fi
	printf '  %-7s <- %-6s %-4s %5s B  %2s conns %3s in flight ... ' "$server" "$gen" "$transport" "$payload" "$conns" "$conc" >&2
	if ! start_server "$server" "$transport"; then
		printf '%s\t%s\t%s\t%s\t%s\t%s\tfail\tserver did not start\t\t\t\n' "$server" "$gen" "$transport" "$payload" "$conns" "$conc" >>"$results"
		echo "server did not start" >&2
		return
	fi
	# Server CPU over the measured window: sampled WARMUP s and WARMUP+DURATION s
	# after the load generator starts (it dials first, so the window is off by the
	# few ms that takes).
	local cpu_file="$work/$key.cpu"
	(
		sleep "$WARMUP"
		a="$(cpu_ticks "$SRV_PID")"
		sleep "$DURATION"
		b="$(cpu_ticks "$SRV_PID")"
		echo "$a $b" >"$cpu_file"
	) &
	local sampler=$!
	local limit=$((WARMUP + DURATION + 60))
	if [ "$gen" = go ]; then
		timeout "$limit" "${GEN_PIN[@]}" "$GO_LOAD" -address "$SRV_ADDR" -connections "$conns" -concurrency "$conc" \
			-duration "${DURATION}s" -warmup "${WARMUP}s" -payload-size "$payload" \
			-service jiefen.v1.Diagnostics -method Echo >"$json" 2>"$err"
	else
		timeout "$limit" "${GEN_PIN[@]}" "$JIEFEN" load --address "$SRV_ADDR" --connections "$conns" --concurrency "$conc" \
			--duration "${DURATION}s" --warmup "${WARMUP}s" --payload-size "$payload" --timeout "$JIEFEN_TIMEOUT" --json \
			jiefen.v1.Diagnostics Echo >"$json" 2>"$err"
	fi
	local rc=$?
	wait "$sampler" 2>/dev/null
	stop_server
	local calls thr p99 errors srv_us=""
	calls="$(jget "$json" calls)"
	thr="$(jget "$json" throughput)"
	p99="$(jget "$json" latency_us.p99)"
	errors="$(jget "$json" errors)"
	if [ -z "$thr" ] || [ -z "$calls" ]; then
		printf '%s\t%s\t%s\t%s\t%s\t%s\tfail\tload generator failed (exit %s)\t\t\t\n' "$server" "$gen" "$transport" "$payload" "$conns" "$conc" "$rc" >>"$results"
		echo "FAILED (exit $rc): $(head -c 300 "$err")" >&2
		return
	fi
	if [ -s "$cpu_file" ] && [ "$calls" -gt 0 ] 2>/dev/null; then
		srv_us="$(awk -v t="$clk_tck" -v c="$calls" '{ if (NF == 2) printf "%.1f", ($2 - $1) / t * 1e6 / c }' "$cpu_file")"
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\tok\t%s\t%s\t%s\t%s\n' "$server" "$gen" "$transport" "$payload" "$conns" "$conc" "$thr" "$p99" "$errors" "$srv_us" >>"$results"
	echo "$thr calls/s, p99 $p99 us, $errors errors" >&2
}

# rss_run SERVER MODE: fresh server on a unix socket; sets RSS_OUT to "KB FAILED"
# where KB is its VmRSS at start (MODE=start), or the highest VmRSS sampled every
# 0.1 s while IDLE_CONNS connections are held (idle) or STREAMS calls are in
# flight (streams), and FAILED the connections or calls that failed.
rss_run() {
	local server="$1" mode="$2" client_pid="" log="$work/rss-$1-$2.err" json="$out/rss-$1-$2.json"
	RSS_OUT="- server-did-not-start"
	start_server "$server" unix || return
	if [ "$mode" = start ]; then
		sleep 1
		RSS_OUT="$(vmrss_kb "$SRV_PID") 0"
		stop_server
		return
	fi
	if [ "$mode" = idle ]; then
		"${GEN_PIN[@]}" "$GO_IDLE" -address "$SRV_ADDR" -connections "$IDLE_CONNS" -hold 5s >"$json" 2>"$log" &
	else
		"${GEN_PIN[@]}" "$GO_IDLE" -address "$SRV_ADDR" -connections "$STREAM_CONNS" -streams "$STREAMS" \
			-method Sleep -payload "$SLEEP_MS" -timeout 120s >"$json" 2>"$log" &
	fi
	client_pid=$!
	local marker='^ready:' max=0 kb i
	[ "$mode" = streams ] && marker='^streams:'
	# At most 180 s: connecting, holding and the sleeps take far less.
	for ((i = 0; i < 1800; i++)); do
		kill -0 "$client_pid" 2>/dev/null || break
		if grep -q "$marker" "$log" 2>/dev/null; then
			kb="$(vmrss_kb "$SRV_PID")"
			[ -n "$kb" ] && [ "$kb" -gt "$max" ] && max="$kb"
		fi
		sleep 0.1
	done
	kill -KILL "$client_pid" 2>/dev/null
	wait "$client_pid" 2>/dev/null
	stop_server
	local failed
	if [ "$mode" = idle ]; then
		failed="$(jget "$json" failed)"
	else
		failed="$(jget "$json" streams_failed)"
	fi
	RSS_OUT="$max ${failed:-?}"
}

# ---- header --------------------------------------------------------------------
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)"
echo "ttrpc Echo benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "  machine:  $cores cores (${cpu_model:-unknown CPU}); $pin_note"
echo "  jiefend:  $JIEFEND ($("$JIEFEND" --version 2>/dev/null | head -1))"
if [ "$JIEFEN_LOAD" = 1 ]; then
	echo "  jiefen:   $JIEFEN (load available; run with --timeout $JIEFEN_TIMEOUT)"
else
	echo "  jiefen:   $JIEFEN: $NA_JIEFEN ('$JIEFEN load --help' does not show it); its columns are empty"
fi
echo "  go:       $GO_SERVER, $GO_LOAD (containerd/ttrpc 1.1.1, $(go version 2>/dev/null | awk '{ print $3 }'))"
[ "$GO_TCP" = 1 ] || echo "  note:     interop-server has no -tcp flag: Go server over tcp is not measured"
echo "  runs:     ${WARMUP}s warm-up + ${DURATION}s measured, fresh server per run, loopback only"
echo

# ---- the matrix ----------------------------------------------------------------
echo "measuring (progress on stderr) ..." >&2
for payload in $PAYLOADS; do
	for transport in $TRANSPORTS; do
		for shape in $SHAPES; do
			conns="${shape%,*}"
			conc="${shape#*,}"
			for server in jiefend go; do
				for gen in go jiefen; do
					measure "$server" "$gen" "$transport" "$payload" "$conns" "$conc"
				done
			done
		done
	done
done

# ---- memory --------------------------------------------------------------------
rss_file="$out/rss.tsv"
: >"$rss_file"
if [ "$RSS" = 1 ]; then
	echo "measuring server memory ..." >&2
	for server in jiefend go; do
		for mode in start idle streams; do
			printf '  %-7s %-7s ... ' "$server" "$mode" >&2
			rss_run "$server" "$mode"
			echo "$RSS_OUT" >&2
			printf '%s\t%s\t%s\n' "$server" "$mode" "$RSS_OUT" >>"$rss_file"
		done
	done
fi

# ---- report --------------------------------------------------------------------
python3 - "$results" "$rss_file" "$IDLE_CONNS" "$STREAMS" "$STREAM_CONNS" "$NA_JIEFEN" <<'EOF'
import sys

results, rss_file, idle_conns, streams, stream_conns, na_jiefen = sys.argv[1:7]
rows = {}
order = []
for line in open(results):
    f = line.rstrip("\n").split("\t")
    f += [""] * (11 - len(f))
    server, gen, transport, payload, conns, conc, status, thr, p99, errors, srv_us = f[:11]
    cfg = (payload, transport, conns, conc, gen)
    if cfg not in rows:
        rows[cfg] = {}
        order.append(cfg)
    rows[cfg][server] = dict(status=status, thr=thr, p99=p99, errors=errors, srv_us=srv_us)

def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None

def fmt(x, digits=0):
    return "-" if x is None else f"{x:,.{digits}f}"

def ratio(a, b):
    return "-" if a is None or b is None or b == 0 else f"{a / b:.2f}"

def cell(r, key, digits=0):
    if r is None:
        return "-"
    if r["status"] != "ok":
        return "n/a" if r["status"] == "na" else "FAIL"
    return fmt(num(r[key]), digits)

def table(header, lines, left=1):
    # The first `left` columns are left-aligned, the others right-aligned. A
    # line shorter than the header ends with one text spanning the rest.
    full = [l for l in lines if len(l) == len(header)]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *full)]
    def row(cols):
        out = []
        for i, c in enumerate(cols):
            if i == len(cols) - 1 and len(cols) < len(header):
                out.append(str(c))
            elif i < left:
                out.append(str(c).ljust(widths[i]))
            else:
                out.append(str(c).rjust(widths[i]))
        return "  ".join(out).rstrip()
    print(row(header))
    print("  ".join("-" * w for w in widths))
    for l in lines:
        print(row(l))

print("1. jiefend vs the Go ttrpc server (Echo; calls/s higher is better, p99 lower is better)")
print("   thr ratio = jiefend calls/s / go calls/s (>1: jiefend faster); p99 ratio = jiefend p99 / go p99 (<1: jiefend faster)")
print("   srv us/call = server CPU (user+sys) per call over the measured window, including its share of the kernel's socket work")
header = ["payload", "transport", "conns", "conc", "loadgen", "jiefend calls/s", "go calls/s", "thr ratio",
          "jiefend p99 us", "go p99 us", "p99 ratio", "jiefend srv us/call", "go srv us/call", "errors j/g"]
lines = []
notes = set()
for cfg in order:
    payload, transport, conns, conc, gen = cfg
    j = rows[cfg].get("jiefend")
    g = rows[cfg].get("go")
    label = "jiefen load" if gen == "jiefen" else "interop-load"
    if j and j["status"] == "na" and j["thr"] == na_jiefen:
        lines.append([payload + " B", transport, conns, conc, label, na_jiefen])
        continue
    for r in (j, g):
        if r and r["status"] != "ok" and r["thr"]:
            notes.add(r["thr"])
    jt = num(j["thr"]) if j and j["status"] == "ok" else None
    gt = num(g["thr"]) if g and g["status"] == "ok" else None
    jp = num(j["p99"]) if j and j["status"] == "ok" else None
    gp = num(g["p99"]) if g and g["status"] == "ok" else None
    errs = "/".join((r["errors"] or "-") if r and r["status"] == "ok" else "-" for r in (j, g))
    lines.append([payload + " B", transport, conns, conc, label, cell(j, "thr"), cell(g, "thr"), ratio(jt, gt),
                  cell(j, "p99"), cell(g, "p99"), ratio(jp, gp), cell(j, "srv_us", 1), cell(g, "srv_us", 1), errs])
table(header, lines, left=5)
for n in sorted(notes):
    print("   n/a or FAIL: " + n)
print()

print("2. Load generator comparison: jiefen load vs interop-load (Go client), both against jiefend, 4 connections x 64 in flight")
print("   ratio = jiefen load calls/s / interop-load calls/s (>1: jiefen load drives more calls through the same server)")
header = ["payload", "transport", "jiefen load calls/s", "interop-load calls/s", "ratio", "jiefen load p99 us", "interop-load p99 us"]
lines = []
for cfg in order:
    payload, transport, conns, conc, gen = cfg
    if (conns, conc, gen) != ("4", "64", "go"):
        continue
    go_r = rows[cfg].get("jiefend")
    jl = rows.get((payload, transport, conns, conc, "jiefen"), {}).get("jiefend")
    if jl is None or jl["status"] == "na":
        lines.append([payload + " B", transport, f"{na_jiefen}; interop-load: {cell(go_r, 'thr')} calls/s, p99 {cell(go_r, 'p99')} us"])
        continue
    a = num(jl["thr"]) if jl["status"] == "ok" else None
    b = num(go_r["thr"]) if go_r and go_r["status"] == "ok" else None
    lines.append([payload + " B", transport, cell(jl, "thr"), cell(go_r, "thr"), ratio(a, b), cell(jl, "p99"), cell(go_r, "p99")])
if lines:
    table(header, lines, left=2)
else:
    print("   not measured: SHAPES does not include 4,64")
print()

rss = {}
for line in open(rss_file):
    f = line.split()
    if len(f) >= 3:
        rss[(f[0], f[1])] = (f[2], f[3] if len(f) > 3 else "?")
if rss:
    print(f"3. Server memory (VmRSS, unix socket, fresh server each): at start; highest while {idle_conns} connections are held idle")
    print(f"   (after one Echo each); highest while {streams} Diagnostics/Sleep calls are in flight over {stream_conns} connections")
    header = ["server", "start KiB", f"{idle_conns} idle conns KiB", "KiB/conn", f"{streams} streams KiB", "KiB/stream", "failed conns/streams"]
    lines = []
    for server in ("jiefend", "go"):
        s = num(rss.get((server, "start"), ("-",))[0])
        i, ifail = rss.get((server, "idle"), ("-", "?"))
        t, tfail = rss.get((server, "streams"), ("-", "?"))
        i, t = num(i), num(t)
        per_conn = None if s is None or i is None else (i - s) / int(idle_conns)
        per_stream = None if s is None or t is None else (t - s) / int(streams)
        lines.append([server, fmt(s), fmt(i), fmt(per_conn, 1), fmt(t), fmt(per_stream, 2), f"{ifail}/{tfail}"])
    table(header, lines, left=1)
EOF
[ -n "${OUT_DIR:-}" ] && echo && echo "raw results: $out"
exit 0
