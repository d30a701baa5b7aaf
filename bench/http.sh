#!/usr/bin/env bash
# The monitoring service under load on loopback (`make bench`): wrk drives
# `guarantor serve` for 10 s each with 8 connections on 2 threads: durable
# report submission (one fsync per report), reading events, and the health
# route (no token, no store) as the HTTP stack's own floor. Prints
# requests per second and latency p50/p90/p99; asserts nothing.
set -eu
build=${1:-build}
gt=$(realpath "./$build/guarantor")
lua=$(cd "$(dirname "$0")" && pwd)/post-reports.lua
command -v wrk >/dev/null || { echo "bench/http.sh: wrk is not installed (scripts/setup-deps.sh)"; exit 1; }
tmp=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp"
# the store's audit key, as in service: every write keyed
"$gt" audit keygen --audit-key audit.key > /dev/null
export GT_AUDIT_KEY=$tmp/audit.key
observers=(); for t in $(seq 0 15); do observers+=(--observer "team $t"); done  # the reports' observers
"$gt" users add kt3 --role monitor "${observers[@]}" --db b.db > monitor.tok 2>/dev/null
"$gt" users add desk --role analyst --db b.db > analyst.tok 2>/dev/null
"$gt" serve --db b.db --listen 127.0.0.1:0 --rate 0 2> serve.log &
server=$!
for i in $(seq 100); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
base=http://127.0.0.1:$port
# each token signs in once, as a client does before its work: wrk's
# connections would otherwise all bring the same new token at once
for t in monitor analyst; do
	curl -s -o /dev/null -H "Authorization: Bearer $(cat $t.tok)" "$base/api/v1/me"
done

# new reports from bench/post-reports.lua, their ids prefixed apart per run
export GT_BENCH_TOKEN=$(cat monitor.tok)
cat > get.lua <<LUA
wrk.headers["Authorization"] = "Bearer $(cat analyst.tok)"
LUA

run() { # label, wrk arguments...
	label=$1
	shift
	wrk -t2 -c8 -d10s --latency "$@" > out.txt
	awk -v label="$label" '
		/Requests\/sec/ {rps = $2}
		/^ +50%/ {p50 = $2} /^ +90%/ {p90 = $2} /^ +99%/ {p99 = $2}
		/Non-2xx/ {bad = $NF}
		END {printf "%-46s %9.0f req/s  p50 %8s  p90 %8s  p99 %8s%s\n", label, rps, p50, p90, p99,
		     bad ? "  (" bad " not 2xx)" : ""}' out.txt
	rps=$(awk '/Requests\/sec/ {print $2}' out.txt)
}
row() { # what figure [baseline figure]: a row of make bench's table (bench/table.h)
	printf '%s\t%s\treq/s\t%s\t%s\n' "$1" "$2" "${3:-}" "${4:-0}" >> "${GT_BENCH_TABLE:-/dev/null}"
	return 0
}
echo "guarantor serve on loopback, wrk 2 threads x 8 connections, 10 s each:"
GT_BENCH_PREFIX=b run "POST /api/v1/reports (durable, audited)" -s "$lua" "$base"
post_rps=$rps
row "HTTP: POST /api/v1/reports, one server, SQLite" "$rps"
"$gt" correlate --db b.db > /dev/null
run "GET /api/v1/events?limit=100 (analyst)" -s get.lua "$base/api/v1/events?limit=100"
row "HTTP: GET /api/v1/events?limit=100" "$rps"
run "GET /api/v1/health (no token, no store)" "$base/api/v1/health"
row "HTTP: GET /api/v1/health (no token, no store)" "$rps"
echo "  (reports stored: $(sqlite3 b.db 'SELECT count(*) FROM reports'); audit: $("$gt" audit verify --db b.db))"

# two servers on the same store, each with its own client: the writers
# queue for the store's one write lock
"$gt" serve --db b.db --listen 127.0.0.1:0 --rate 0 2> serve2.log &
second=$!
for i in $(seq 100); do grep -qs serving serve2.log && break; sleep 0.1; done
port2=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve2.log)
curl -s -o /dev/null -H "Authorization: Bearer $(cat monitor.tok)" "http://127.0.0.1:$port2/api/v1/me"
GT_BENCH_PREFIX=x wrk -t1 -c4 -d10s --latency -s "$lua" "$base" > one.txt & w1=$!
GT_BENCH_PREFIX=y wrk -t1 -c4 -d10s --latency -s "$lua" "http://127.0.0.1:$port2" > two.txt & w2=$!
wait $w1 $w2
kill $second
awk '/Requests\/sec/ {rps += $2} /^ +99%/ {p99 = p99 " " $2} END {printf "%-46s %9.0f req/s  p99 %s (each server)\n", "POST reports, 2 servers on one store, 4+4 conn.", rps, p99}' one.txt two.txt
row "HTTP: POST reports, 2 servers on one SQLite store" "$(cat one.txt two.txt | awk '/Requests\/sec/ {r += $2} END {print r}')" \
	"one server on it" "$post_rps"
echo "  (reports stored: $(sqlite3 b.db 'SELECT count(*) FROM reports'); audit: $("$gt" audit verify --db b.db))"
