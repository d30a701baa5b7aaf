#!/usr/bin/env bash
# The simulation benchmarks of `make bench`: the C engine on 1 and 2
# threads (bench_sim), `guarantor simulate` on 1 and 2 MPI processes, and
# the numpy version of the same core loop on the same inputs, with the
# ratio. Prints figures; asserts nothing.
set -eu
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"./$build/bench_sim" --inputs "$tmp/inputs.json" | tee "$tmp/c.txt"
c_rate=$(awk '/C engine, .* 1 thread /{print $(NF-2)}' "$tmp/c.txt")

export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
for np in 1 2; do
	start=$(date +%s.%N)
	mpirun -np "$np" "./$build/guarantor" simulate --option full-line --runs 20000 \
		--threads 1 --format csv > "$tmp/mpi$np.csv"
	end=$(date +%s.%N)
	secs=$(echo "$end - $start" | bc)
	printf '%-52s %12.3f\n' "guarantor simulate, mpirun -np $np, 1 thread each" "$secs"
	eval "mpi$np=$secs"
done
cmp -s "$tmp/mpi1.csv" "$tmp/mpi2.csv" && echo "  (identical results on 1 and 2 processes)"
printf 'simulate 20,000 runs on 2 MPI processes\t%s\ts\tthe same on 1 process\t%s\n' \
	"$mpi2" "$mpi1" >> "${GT_BENCH_TABLE:-/dev/null}"

# Debian's interpreter, the one python3-numpy installs into
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if "$py" -c 'import numpy' 2>/dev/null; then
	read -r secs rate collapse < <("$py" bench/sim_numpy.py "$tmp/inputs.json")
	printf '%-52s %12.3f %14.3e\n' "numpy version, same inputs, 1 core" "$secs" "$rate"
	echo "  (collapse within 5 years: $collapse)"
	echo "$c_rate $rate" | awk '{printf "%-52s %12s %13.1fx\n", "C engine / numpy, run-days per second, 1 core", "", $1 / $2}'
	printf 'simulation: C engine, 1 thread\t%s\trun-days/s\tnumpy, the same loop and inputs, 1 core\t%s\n' \
		"$c_rate" "$rate" >> "${GT_BENCH_TABLE:-/dev/null}"
else
	echo "numpy version: python3-numpy is not installed (scripts/setup-deps.sh installs it)"
fi
