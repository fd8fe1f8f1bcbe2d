#!/usr/bin/env bash
# Tests scripts/check-proto-compat.sh: it passes on this tree and on compatible edits, and fails, naming the
# change, on each kind of breaking change. Each case edits a copy of proto/ in a temporary directory.
# Exits 1 when any case does not behave as expected. Run by .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
check="$root/scripts/check-proto-compat.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
cases=0

# expect NAME WANT_STATUS WANT_TEXT FILE SED_EXPRESSION: edits FILE (under jiefen/v1) in a fresh copy of proto/
# with sed, runs the check, and wants its exit status and a line containing WANT_TEXT.
expect() {
	local name=$1 want_status=$2 want_text=$3 file=$4 edit=$5
	cases=$((cases + 1))
	rm -rf "$work/proto"
	cp -R "$root/proto" "$work/proto"
	if [ -n "$file" ]; then
		local before
		before=$(cat "$work/proto/jiefen/v1/$file")
		sed -i -E "$edit" "$work/proto/jiefen/v1/$file"
		if [ "$before" = "$(cat "$work/proto/jiefen/v1/$file")" ]; then
			echo "FAIL $name: the edit changed nothing in $file (the test is out of date)"
			failures=$((failures + 1))
			return
		fi
	fi
	local output status=0
	output=$("$check" --proto-root "$work/proto" --released "$root/proto/released/jiefen-v1.binpb" 2>&1) || status=$?
	if [ "$status" -ne "$want_status" ] || ! grep -qF -- "$want_text" <<<"$output"; then
		echo "FAIL $name: want exit $want_status and a line with: $want_text"
		echo "  got exit $status:"
		sed 's/^/  | /' <<<"$output"
		failures=$((failures + 1))
		return
	fi
	echo "ok $name: $(grep -F -- "$want_text" <<<"$output" | head -1)"
}

# Compatible.
expect "current tree" 0 "no breaking changes" "" ""
expect "added field" 0 "no breaking changes" cases.proto 's/^  bool overdue = 28;/&\n  string note = 29;/'
expect "added message and method" 0 "no breaking changes" kinds.proto \
	's/^service Kinds \{/message PingRequest {}\n&\n  rpc Ping(PingRequest) returns (PingRequest);/'
expect "comment changed" 0 "no breaking changes" cases.proto 's|^// A case as the server holds it.|// A case, as held by the server.|'
expect "field removed, number reserved" 1 "message jiefen.v1.Case: field overdue = 28 removed" cases.proto \
	's/^  bool overdue = 28;/  reserved 28;/'

# Breaking.
expect "removed field" 1 "jiefen/v1/cases.proto: message jiefen.v1.Case: field rating = 22 removed" cases.proto '/^  string rating = 22;/d'
expect "renumbered field" 1 "jiefen/v1/cases.proto: message jiefen.v1.Case: field rating = 22 renumbered to 40" cases.proto \
	's/^  string rating = 22;/  string rating = 40;/'
expect "renamed field" 1 "message jiefen.v1.Case: field rating = 22 renamed to score" cases.proto 's/^  string rating = 22;/  string score = 22;/'
expect "changed type" 1 "message jiefen.v1.Case: field persons_involved = 9: type changed from int32 to int64" cases.proto \
	's/^  int32 persons_involved = 9;/  int64 persons_involved = 9;/'
expect "changed message type" 1 "message jiefen.v1.Field: field value = 2: type changed from jiefen.v1.Value to string" values.proto \
	's/^  Value value = 2;/  string value = 2;/'
expect "repeated to singular" 1 "message jiefen.v1.Case: field petitioners = 7: cardinality changed from repeated to singular" cases.proto \
	's/^  repeated Person petitioners = 7;/  Person petitioners = 7;/'
expect "singular to optional" 1 "field outcome = 20: presence changed" cases.proto 's/^  string outcome = 20;/  optional string outcome = 20;/'
expect "moved out of a oneof" 1 "message jiefen.v1.Value: field flag = 8: oneof changed from \"kind\" to \"\"" values.proto \
	's/^    bool flag = 8;//; s/^message ValueList \{/&\n/; s/^message Value \{/&\n  bool flag = 8;/'
expect "removed message" 1 "jiefen/v1/cases.proto: message jiefen.v1.Figure: message removed or renamed" cases.proto \
	's/^message Figure \{/message Figure2 {/; s/repeated Figure figures/repeated Figure2 figures/'
expect "removed method" 1 "jiefen/v1/cases.proto: service jiefen.v1.Cases, method Assess: method removed or renamed" cases.proto '/^  rpc Assess\(/d'
expect "renamed service" 1 "jiefen/v1/kinds.proto: service jiefen.v1.Kinds: service removed or renamed" kinds.proto 's/^service Kinds \{/service DisputeKinds {/'
expect "changed request type" 1 "service jiefen.v1.Cases, method Get: request type changed from jiefen.v1.GetCaseRequest to jiefen.v1.CaseHistoryRequest" cases.proto \
	's/rpc Get\(GetCaseRequest\)/rpc Get(CaseHistoryRequest)/'
expect "changed response type" 1 "service jiefen.v1.Kinds, method DescribeKind: response type changed from jiefen.v1.KindSchema to jiefen.v1.ListKindsResponse" kinds.proto \
	's/returns \(KindSchema\)/returns (ListKindsResponse)/'
expect "unary to server streaming" 1 "service jiefen.v1.Cases, method List: streaming changed from unary to server streaming" cases.proto \
	's/returns \(ListCasesResponse\)/returns (stream ListCasesResponse)/'
expect "streaming to unary" 1 "service jiefen.v1.Diagnostics, method Tally: streaming changed from client streaming to unary" diagnostics.proto \
	's/rpc Tally\(stream EchoMessage\)/rpc Tally(EchoMessage)/'
expect "several changes, each reported" 1 "3 breaking changes" cases.proto \
	'/^  string rating = 22;/d; /^  rpc Assess\(/d; s/^  int32 contacts = 24;/  string contacts = 24;/'

echo "$((cases - failures)) of $cases proto compatibility cases passed"
[ "$failures" -eq 0 ]
