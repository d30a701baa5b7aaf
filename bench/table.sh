#!/usr/bin/env bash
# Prints `make bench`'s closing table from the rows the benchmarks wrote
# (bench/table.h; shell benchmarks append the same tab-separated lines):
# each figure beside its baseline, measured in the same run, and how many
# times better ours is (a rate over the baseline's; a time under it).
#   table.sh ROWS
set -eu
rows=${1:?usage: table.sh ROWS}
[ -s "$rows" ] || { echo "bench/table.sh: no rows in $rows"; exit 1; }
echo
echo "Every benchmark of this run, with its baseline (measured in the same run):"
echo "  machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
	"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
awk -F'\t' '
function show(v, unit) {
	if (v >= 1e6) s = sprintf("%.3g", v); else if (v >= 100) s = sprintf("%.0f", v);
	else s = sprintf("%.3g", v)
	return s " " unit
}
BEGIN {
	printf "  %-56s %20s  %-44s %20s  %s\n", "benchmark", "ours", "baseline", "baseline", "ours, times better"
}
{
	ratio = ""
	if ($4 != "" && $5 > 0 && $2 > 0)
		ratio = sprintf("%.2f", $3 ~ /\/s$/ ? $2 / $5 : $5 / $2)
	printf "  %-56s %20s  %-44s %20s  %s\n", $1, show($2, $3), ($4 == "" ? "-" : $4),
	       ($4 == "" ? "-" : show($5, $3)), (ratio == "" ? "-" : ratio)
}' "$rows"
