#!/usr/bin/env bash
# Runs every fuzz target of a GT_FUZZ build (make fuzz) for SECONDS each,
# from its seeds and regressions, keeping what it learns in
# BUILD/fuzz-corpus/NAME and what crashes in BUILD/fuzz-crashes/NAME.
# Exits non-zero when any target found a crash, a leak or a hang.
#   run.sh BUILD SECONDS [NAME...]
set -u
build=${1:?usage: run.sh BUILD SECONDS [NAME...]}
seconds=${2:?usage: run.sh BUILD SECONDS [NAME...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(scenario geojson missions aircraft report batch http)
export LSAN_OPTIONS=suppressions=$here/../lsan.supp:print_suppressions=0
failed=()
for t in "${names[@]}"; do
	corpus=$build/fuzz-corpus/$t crashes=$build/fuzz-crashes/$t
	mkdir -p "$corpus" "$crashes"
	# the input sizes each kind of input needs: a scenario or its geometry
	# is tens of kB; a report or a request, a few
	case $t in
	scenario | geojson | missions | aircraft) max_len=131072 ;;
	*) max_len=16384 ;;
	esac
	dirs=("$corpus" "$here/corpus/$t")
	[ -d "$here/regressions/$t" ] && dirs+=("$here/regressions/$t")
	printf '%-10s ' "$t"
	start=$(date +%s)
	if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
		-max_len=$max_len -print_final_stats=1 -artifact_prefix="$crashes/" "${dirs[@]}" \
		>"$build/fuzz-$t.log" 2>&1; then
		awk -v s=$(($(date +%s) - start)) '/stat::number_of_executed_units/ {runs = $2}
		     /stat::new_units_added/ {new = $2} /stat::average_exec_per_sec/ {rate = $2}
		     END {printf "%11d runs in %5d s (%6d a second), %5d new inputs, no crash\n", runs, s, rate, new}' \
			"$build/fuzz-$t.log"
	else
		echo "FAILED: $(ls "$crashes" | head -n 1) (log: $build/fuzz-$t.log)"
		failed+=("$t")
	fi
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: ${failed[*]} failed; reproduce with BUILD/tests/fuzz/fuzz_NAME FILE, then add the" \
	     "input to tests/fuzz/regressions/NAME/ with the fix"
	exit 1
fi
