#!/usr/bin/env bash
# Builds every libFuzzer target (Tests/Fuzz, AddressSanitizer included) and runs each for SECONDS_PER_TARGET
# seconds: first its committed regression inputs (Tests/Fuzz/regressions/<target>), then fuzzing from its
# committed seed corpus (Tests/Fuzz/corpus/<target>). Prints per target the executions and the crashes found and
# exits 1 when any target crashed (or timed out, or ran out of memory). Each target stops at its first crash.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   default 60
#   scripts/fuzz.sh --write-corpus         regenerate Tests/Fuzz/corpus from the request samples, then stop
#
# Environment: FUZZ_TARGETS="FuzzEnvelope FuzzServices" runs only those; FUZZ_SCRATCH sets the build folder
# (default .build-fuzz); FUZZ_REGRESSIONS=0 skips the regression inputs. Working corpora, logs and crash
# artifacts go to .fuzz/ (gitignored): .fuzz/artifacts/<target>/crash-*.
# Reproduce a crash: JIEFEN_FUZZ=1 .build-fuzz/debug/<target> .fuzz/artifacts/<target>/crash-…
set -uo pipefail
cd "$(dirname "$0")/.."

export JIEFEN_FUZZ=1 SWIFT_BACKTRACE=enable=no
SCRATCH="${FUZZ_SCRATCH:-.build-fuzz}"
WORK=.fuzz
ALL_TARGETS="FuzzFrameDecoder FuzzEnvelope FuzzAPIRequests FuzzServices"
read -r -a TARGETS <<<"${FUZZ_TARGETS:-$ALL_TARGETS}"

corpus_name() {
    case "$1" in
        FuzzFrameDecoder) echo frame-decoder ;;
        FuzzEnvelope) echo envelope ;;
        FuzzAPIRequests) echo api-requests ;;
        FuzzServices) echo services ;;
        *) echo "unknown fuzz target $1" >&2; exit 2 ;;
    esac
}

# Prints what a libFuzzer log reports: the error, the Swift runtime failure if any, and the first stack frame in
# the project's own code (file:line).
describe_finding() {
    local log="$1" indent="$2"
    grep -m1 -oE "Fatal error.*|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [^(]*" "$log" | sed "s/^/${indent}finding: /"
    grep -m1 -oE "Swift runtime failure: [a-z ]+" "$log" | sed "s/^/${indent}          /"
    grep -m1 -oE "$PWD/(Sources|Plugins)/[^ ]+:[0-9]+(:[0-9]+)?" "$log" | sed "s|$PWD/||; s/^/${indent}at: /"
}

mkdir -p "$WORK"
for target in "${TARGETS[@]}"; do
    echo "== build $target"
    started=$(date +%s)
    if ! swift build -c debug --scratch-path "$SCRATCH" --product "$target" -Xswiftc -sanitize=fuzzer,address \
        >"$WORK/build-$target.log" 2>&1; then
        grep -v "Cannot export local symbol" "$WORK/build-$target.log" | tail -40
        echo "fuzz: building $target failed (log: $WORK/build-$target.log)"
        exit 2
    fi
    echo "   built in $(( $(date +%s) - started ))s"
done

if [[ "${1:-}" == "--write-corpus" ]]; then
    for target in "${TARGETS[@]}"; do
        directory="Tests/Fuzz/corpus/$(corpus_name "$target")"
        rm -rf "$directory"
        JIEFEN_FUZZ_WRITE_SEEDS="$directory" "$SCRATCH/debug/$target" || exit 1
    done
    exit 0
fi

SECONDS_PER_TARGET="${1:-60}"
failed=0
summary=()
for target in "${TARGETS[@]}"; do
    name=$(corpus_name "$target")
    binary="$SCRATCH/debug/$target"
    artifacts="$WORK/artifacts/$target"
    mkdir -p "$WORK/corpus/$target" "$artifacts"
    options=(-rss_limit_mb=2048 -timeout=20 -dict=Tests/Fuzz/protobuf.dict)
    # The services target keeps a store and NIO's thread pools open for the whole process: LeakSanitizer would
    # report those singletons at exit. The codec targets keep leak detection (a missed free_unpacked is a finding).
    if [[ "$target" == FuzzServices ]]; then
        options+=(-detect_leaks=0)
        export ASAN_OPTIONS="detect_leaks=0"
    else
        export ASAN_OPTIONS="detect_leaks=1"
    fi

    regressions_failed=0
    regressions_total=0
    if [[ "${FUZZ_REGRESSIONS:-1}" != 0 && -d "Tests/Fuzz/regressions/$name" ]]; then
        for input in "Tests/Fuzz/regressions/$name"/*; do
            [[ -f "$input" ]] || continue
            regressions_total=$((regressions_total + 1))
            if ! timeout 120 "$binary" "${options[@]}" "$input" >"$WORK/regression-$target-$(basename "$input").log" 2>&1; then
                regressions_failed=$((regressions_failed + 1))
                echo "   regression still fails: $input"
                describe_finding "$WORK/regression-$target-$(basename "$input").log" "     "
            fi
        done
    fi

    echo "== fuzz $target for ${SECONDS_PER_TARGET}s"
    log="$WORK/$target.log"
    before=$(find "$artifacts" -type f | wc -l)
    "$binary" "$WORK/corpus/$target" "Tests/Fuzz/corpus/$name" "${options[@]}" \
        -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
    status=$?
    executions=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
    [[ -n "$executions" ]] || executions=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -E 's/^#([0-9]+).*/\1/')
    new_artifacts=$(( $(find "$artifacts" -type f | wc -l) - before ))
    line=$(printf '%-17s executions %9s   exit %3s   crashes %s   regressions failing %s/%s' \
        "$target" "${executions:-?}" "$status" "$new_artifacts" "$regressions_failed" "$regressions_total")
    echo "   $line"
    summary+=("$line")
    if [[ "$status" -ne 0 ]]; then
        describe_finding "$log" "   "
        grep -m1 "Test unit written to" "$log" | sed 's/^/   /'
        failed=1
    fi
    if [[ "$regressions_failed" -gt 0 ]]; then
        failed=1
    fi
done

# The services target keeps its store in /dev/shm/jiefen-fuzz-<pid> and removes it on a normal exit; a crash
# leaves it behind. Remove those whose process is gone.
for directory in /dev/shm/jiefen-fuzz-* "${TMPDIR:-/tmp}"/jiefen-fuzz-*; do
    [[ -d "$directory" ]] || continue
    kill -0 "${directory##*-}" 2>/dev/null || rm -rf "$directory"
done

echo "== fuzz summary (${SECONDS_PER_TARGET}s per target; artifacts in $WORK/artifacts)"
printf '   %s\n' "${summary[@]}"
exit "$failed"
