#!/usr/bin/env bash
# Runs one CLI golden case: tests/cli/cases/NAME.cmd is a shell snippet run
# with $GT (the guarantor binary), $IN (tests/cli/inputs), $DATA
# (tests/data) and $TMP (an empty folder) set, from inside $TMP. Its
# standard output must equal NAME.out, its standard error NAME.err (when
# that file exists) and its exit status NAME.rc (default 0).
# Each case has an audit key of its own, named by $GT_AUDIT_KEY (outside
# $TMP), which the commands that open a store take unless told otherwise.
# GT_REGEN=1 rewrites the expected files from the actual output.
# With $GT_CONTRACT_NODE set (Node.js), every answer of a server the case
# starts is traced (GT_SERVE_TRACE) and checked against docs/api.yaml by
# tests/contract/check-trace.mjs: a disagreement fails the case.
set -u
gt=$1 tests=$2 name=$3
cases=$tests/cli/cases
tmp=$(mktemp -d)
keys=$(mktemp -d)
trap 'rm -rf "$tmp" "$keys"' EXIT
"$gt" audit keygen --audit-key "$keys/audit.key" >/dev/null || exit 1
out=$tmp/.stdout err=$tmp/.stderr
trace=$keys/trace.jsonl
(cd "$tmp" && GT=$gt IN=$tests/cli/inputs DATA=$tests/data TMP=$tmp \
	GT_AUDIT_KEY=$keys/audit.key GT_SERVE_TRACE=$trace \
	bash -o pipefail "$cases/$name.cmd" >"$out" 2>"$err")
rc=$?
contract=0
if [ -n "${GT_CONTRACT_NODE:-}" ] && [ -s "$trace" ]; then
	"$GT_CONTRACT_NODE" "$tests/contract/check-trace.mjs" "$tests/../docs/api.yaml" "$trace" || contract=1
fi
sed -i "s|$tmp|\$TMP|g; s|$keys|\$KEYS|g; s|$tests|\$TESTS|g" "$out" "$err"
if [ "${GT_REGEN:-0}" = 1 ]; then
	cp "$out" "$cases/$name.out"
	if [ -s "$err" ] || [ -f "$cases/$name.err" ]; then cp "$err" "$cases/$name.err"; fi
	if [ $rc -ne 0 ]; then echo $rc >"$cases/$name.rc"; else rm -f "$cases/$name.rc"; fi
	exit 0
fi
want_rc=0
[ -f "$cases/$name.rc" ] && want_rc=$(cat "$cases/$name.rc")
fail=0
if [ "$rc" != "$want_rc" ]; then
	echo "exit status $rc, expected $want_rc"; fail=1
fi
if ! diff -u "$cases/$name.out" "$out"; then
	echo "standard output differs (above)"; fail=1
fi
if [ -f "$cases/$name.err" ] && ! diff -u "$cases/$name.err" "$err"; then
	echo "standard error differs (above)"; fail=1
fi
if [ $contract -ne 0 ]; then
	echo "answers disagree with docs/api.yaml (above)"; fail=1
fi
if [ $fail -ne 0 ]; then
	echo "--- stderr was:"; cat "$err"
fi
exit $fail
