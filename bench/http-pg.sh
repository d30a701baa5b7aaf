#!/usr/bin/env bash
# The monitoring service on a shared PostgreSQL store under load, on
# loopback (`make bench`): a throwaway cluster with fsync on (durable, as
# in service), then wrk submitting new reports for 10 s: to one server with
# 8 connections, and to two servers on the same database with 4
# connections each, the way two headquarters would. Prints requests per
# second and p99 latency for each; asserts nothing.
set -eu
build=${1:-build}
gt=$(realpath "./$build/guarantor")
here=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { echo "bench/http-pg.sh: wrk is not installed (scripts/setup-deps.sh)"; exit 1; }
tmp=$(mktemp -d)
pgdir=/tmp/gt-pg-bench-$$
servers=""
cleanup() {
	for p in $servers; do kill "$p" 2>/dev/null || true; done
	bash "$here/tests/pg/cluster.sh" stop "$pgdir"
	rm -rf "$tmp"
}
trap cleanup EXIT
bash "$here/tests/pg/cluster.sh" start "$pgdir" auto durable
db=$(bash "$here/tests/pg/cluster.sh" url "$pgdir" postgres)
cd "$tmp"
# the store's audit key, as in service: every write keyed
"$gt" audit keygen --audit-key audit.key > /dev/null
export GT_AUDIT_KEY=$tmp/audit.key
observers=(); for t in $(seq 0 15); do observers+=(--observer "team $t"); done  # the reports' observers
"$gt" users add kt3 --role monitor "${observers[@]}" --db "$db" > monitor.tok 2>/dev/null
start() { # name: a server on the store; its port in name.port
	"$gt" serve --db "$db" --listen 127.0.0.1:0 --rate 0 2> "$1.log" &
	servers="$servers $!"
	for i in $(seq 100); do grep -qs serving "$1.log" && break; sleep 0.1; done
	sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1.log" > "$1.port"
}
lua=$here/bench/post-reports.lua # new reports, their ids prefixed apart per run
export GT_BENCH_TOKEN=$(cat monitor.tok)
start one
start two
echo "guarantor serve on PostgreSQL $(psql "$db" -qAtc 'SHOW server_version') (fsync on), loopback, wrk 10 s:"
GT_BENCH_PREFIX=a wrk -t2 -c8 -d10s --latency -s "$lua" "http://127.0.0.1:$(cat one.port)" > one.txt
awk '/Requests\/sec/ {rps = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2} /Non-2xx/ {bad = $NF}
     END {printf "%-46s %9.0f req/s  p50 %8s  p99 %8s%s\n", "POST reports, 1 server, 8 connections", rps, p50, p99, bad ? "  (" bad " not 2xx)" : ""}' one.txt
one_rps=$(awk '/Requests\/sec/ {print $2}' one.txt)
# beside the same on SQLite, when bench/http.sh ran before in this run
sqlite_rps=$(awk -F'\t' '$1 == "HTTP: POST /api/v1/reports, one server, SQLite" {print $2}' "${GT_BENCH_TABLE:-/dev/null}" | tail -n 1)
printf 'HTTP: POST /api/v1/reports, one server, PostgreSQL\t%s\treq/s\t%s\t%s\n' \
	"$one_rps" "${sqlite_rps:+the same on SQLite}" "${sqlite_rps:-0}" >> "${GT_BENCH_TABLE:-/dev/null}"
GT_BENCH_PREFIX=b wrk -t1 -c4 -d10s --latency -s "$lua" "http://127.0.0.1:$(cat one.port)" > x.txt & w1=$!
GT_BENCH_PREFIX=c wrk -t1 -c4 -d10s --latency -s "$lua" "http://127.0.0.1:$(cat two.port)" > y.txt & w2=$!
wait $w1 $w2
awk '/Requests\/sec/ {rps += $2} /^ +99%/ {p99 = p99 " " $2} /Non-2xx/ {bad += $NF}
     END {printf "%-46s %9.0f req/s  p99 %s (each server)%s\n", "POST reports, 2 servers on one database, 4+4", rps, p99, bad ? "  (" bad " not 2xx)" : ""}' x.txt y.txt
printf 'HTTP: POST reports, 2 servers on one PostgreSQL\t%s\treq/s\tone server on it\t%s\n' \
	"$(awk '/Requests\/sec/ {r += $2} END {print r}' x.txt y.txt)" "$one_rps" >> "${GT_BENCH_TABLE:-/dev/null}"
echo "  (reports stored: $(psql "$db" -qAtc 'SELECT count(*) FROM reports'); audit: $("$gt" audit verify --db "$db"))"
