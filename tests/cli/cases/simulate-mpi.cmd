# mpirun -np 2 splits the runs across two processes and sums them: the
# result is the single process's, byte for byte.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
$GT simulate --runs 3000 --years 2 --option deterrent-depth --format json --threads 1 > one.json
# Open MPI's components leak by design (and are unloaded before LeakSanitizer
# reports); our own allocations are leak-checked by the single-process cases.
ASAN_OPTIONS=detect_leaks=0 mpirun -np 2 $GT simulate --runs 3000 --years 2 --option deterrent-depth --format json --threads 1 > two.json
cmp one.json two.json && echo "identical for 1 and 2 processes"
grep -c '"runs": 3000' two.json
