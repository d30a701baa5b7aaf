#!/usr/bin/env bash
# Crash trials of `guarantor serve` (`make trials`; issue 16): N trials per
# kind, each on a fresh store. Several clients (bench/trials_client.py) send
# reports, one by one and in batches, each resending what was not yet
# acknowledged; at a random moment the trial crashes something, then
# restarts it, and the clients carry on until all is acknowledged. Then it
# compares what the clients were told with what the store holds:
#   lost        acknowledged (201 or 200) but not in the store
#   duplicated  stored more than once, or with more than one report.submit
#               audit entry
#   phantom     in the store but never sent
#   other       an answer that is neither an acknowledgement nor "try again"
#               (5xx), e.g. a 409 for a report resent unchanged
#   unacked     still not acknowledged when the client gave up (120 s)
#   audit       `guarantor audit verify` failed
# and, as figures: acked<crash (acknowledged before the crash, the reports
# at risk) and recognised (acknowledged 200 "already stored" on a resend:
# stored by a request whose answer the crash cut off).
# Kinds: sqlite-kill9 (kill -9 the server), pg-kill9 (the same on
# PostgreSQL), pg-stop (PostgreSQL stopped with -m immediate and started
# again under a server that keeps running), pg-stop-kill9 (both at once,
# both restarted). PostgreSQL runs with fsync on (tests/pg/cluster.sh
# durable). These are process crashes, not power cuts: what the kernel
# had been given survives them.
#
#   bench/trials.sh [BUILD] [N] [KIND...]     defaults: build 100, every kind
#   GT_TRIALS_CLIENTS (4), GT_TRIALS_REPORTS (200 a client), GT_TRIALS_SEED
#
# Prints one table; exits 1 if anything was lost, duplicated, phantom,
# other, unacked, or the audit failed. Each trial's row is kept in
# BUILD/trials.tsv; a failed trial's folder in BUILD/trials-failed/.
set -u
build=${1:-build}
n=${2:-100}
shift $(($# > 2 ? 2 : $#))
kinds=("$@")
[ ${#kinds[@]} -eq 0 ] && kinds=(sqlite-kill9 pg-kill9 pg-stop pg-stop-kill9)
clients=${GT_TRIALS_CLIENTS:-4}
reports=${GT_TRIALS_REPORTS:-200}
RANDOM=${GT_TRIALS_SEED:-16}
gt=$(realpath "$build/guarantor")
here=$(cd "$(dirname "$0")/.." && pwd)
cluster=$here/tests/pg/cluster.sh
tsv=$(realpath "$build")/trials.tsv
failed_dir=$(realpath "$build")/trials-failed
[ -x "$gt" ] || { echo "bench/trials.sh: no $gt (make build)" >&2; exit 2; }
for k in "${kinds[@]}"; do
	case $k in sqlite-kill9 | pg-kill9 | pg-stop | pg-stop-kill9) ;;
	*) echo "bench/trials.sh: unknown kind '$k' (sqlite-kill9 pg-kill9 pg-stop pg-stop-kill9)" >&2; exit 2 ;;
	esac
done
tmp=$(mktemp -d /tmp/gt-trials.XXXXXX)
# the stores' audit key, as in service: every write keyed
"$gt" audit keygen --audit-key "$tmp/audit.key" > /dev/null || exit 2
export GT_AUDIT_KEY=$tmp/audit.key
pgdir=/tmp/gt-pg-trials-$$
server=""
cleanup() {
	[ -n "$server" ] && kill -9 "$server" 2>/dev/null
	jobs -p | xargs -r kill -9 2>/dev/null
	[ -d "$pgdir" ] && bash "$cluster" stop "$pgdir"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the interpreter itself, not a shim in front of it (pyenv's costs a second
# a start, which would put the crash before the first report)
py=$(python3 -c 'import sys; print(sys.executable)')
pg_url=""
if printf '%s\n' "${kinds[@]}" | grep -q '^pg-'; then
	bash "$cluster" start "$pgdir" auto durable || exit 2
	pg_url=$(bash "$cluster" url "$pgdir")
	export PGOPTIONS=--client-min-messages=warning
fi

# a random number of milliseconds in [lo, hi]
between() { echo $(($1 + (RANDOM * 32768 + RANDOM) % ($2 - $1 + 1))); }
pause_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

start_server() { # dir db: starts it, its pid in $server, its port in dir/port
	local log
	log=$1/serve.$(date +%s%N).log
	"$gt" serve --db "$2" --listen 127.0.0.1:0 --rate 0 2> "$log" &
	server=$!
	for _ in $(seq 200); do grep -qs serving "$log" && break; sleep 0.025; done
	local port
	port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -n 1)
	[ -n "$port" ] || { echo "the server did not start: $(cat "$log")" >&2; return 1; }
	echo "$port" > "$1/port.new" && mv "$1/port.new" "$1/port"
}

query() { # db sql: rows, one a line
	if [ "${1#postgresql:}" != "$1" ]; then psql "$1" -qAt -c "$2"; else sqlite3 "$1" "$2"; fi
}

# one trial: prints "acked before lost dup phantom other unacked audit sent crash_ms recognised"
trial() { # kind i
	local kind=$1 i=$2 d=$tmp/$1-$2 db
	mkdir -p "$d"
	case $kind in
	sqlite-*) db=$d/store.db ;;
	*)
		psql "$pg_url" -qc "CREATE DATABASE t$i" >/dev/null || return 1
		db=${pg_url%/*}/t$i
		;;
	esac
	observers=(); for t in $(seq 0 4); do observers+=(--observer "team $t"); done  # the reports' observers
	"$gt" users add kt3 --role monitor "${observers[@]}" --db "$db" > "$d/monitor.tok" 2>/dev/null || return 1
	start_server "$d" "$db" || return 1
	local pids=() k
	for k in $(seq "$clients"); do
		"$py" "$here/bench/trials_client.py" --dir "$d" --name "c$k" --token "$(cat "$d/monitor.tok")" \
			--reports "$reports" --seed $((i * 100 + k)) &
		pids+=($!)
	done
	# the crash, at a random moment of the stream (which lasts 2 s or so
	# on 2 cores): 0 to 1.5 s after the first acknowledgement
	for _ in $(seq 1000); do cat "$d"/*.acked 2>/dev/null | grep -q . && break; sleep 0.01; done
	local crash_ms
	crash_ms=$(between 0 1500)
	pause_ms "$crash_ms"
	case $kind in
	sqlite-kill9 | pg-kill9)
		kill -9 "$server"; wait "$server" 2>/dev/null
		;;
	pg-stop)
		bash "$cluster" down "$pgdir"
		;;
	pg-stop-kill9)
		kill -9 "$server"; wait "$server" 2>/dev/null
		bash "$cluster" down "$pgdir"
		;;
	esac
	local before
	before=$(cat "$d"/*.acked 2>/dev/null | wc -l)
	pause_ms "$(between 0 800)" # down for a moment, the clients resending
	case $kind in
	sqlite-kill9 | pg-kill9)
		start_server "$d" "$db" || return 1
		;;
	pg-stop)
		bash "$cluster" up "$pgdir" || return 1
		;;
	pg-stop-kill9)
		bash "$cluster" up "$pgdir" || return 1
		start_server "$d" "$db" || return 1
		;;
	esac
	for k in "${pids[@]}"; do wait "$k"; done
	kill -TERM "$server"; wait "$server" 2>/dev/null; server=""
	# what the clients were told, beside what the store holds
	sort -u "$d"/*.sent > "$d/sent.ids"
	cut -d' ' -f1 "$d"/*.acked | sort -u > "$d/acked.ids"
	query "$db" "SELECT id FROM reports" | sort > "$d/stored.all"
	sort -u "$d/stored.all" > "$d/stored.ids"
	local lost dup phantom other unacked audit=0 acked
	acked=$(wc -l < "$d/acked.ids")
	lost=$(comm -23 "$d/acked.ids" "$d/stored.ids" | wc -l)
	phantom=$(comm -13 "$d/sent.ids" "$d/stored.ids" | wc -l)
	dup=$(( $(wc -l < "$d/stored.all") - $(wc -l < "$d/stored.ids") +
		$(query "$db" "SELECT count(*) FROM (SELECT object FROM audit WHERE action = 'report.submit'
		               GROUP BY object HAVING count(*) > 1) d") ))
	cat "$d"/*.other 2>/dev/null | cut -d' ' -f1 | sort -u > "$d/other.ids"
	other=$(wc -l < "$d/other.ids")
	unacked=$(sort -u "$d/acked.ids" "$d/other.ids" | comm -23 "$d/sent.ids" - | wc -l)
	"$gt" audit verify --db "$db" > "$d/audit.txt" 2>&1 || audit=1
	echo "$acked $before $lost $dup $phantom $other $unacked $audit $(wc -l < "$d/sent.ids") $crash_ms" \
		"$(cat "$d"/*.acked | grep -c ' 200$')"
	if [ $((lost + dup + phantom + other + unacked + audit)) -gt 0 ]; then
		mkdir -p "$failed_dir" && cp -r "$d" "$failed_dir/"
		[ "${db#postgresql:}" != "$db" ] && pg_dump "$db" > "$failed_dir/$kind-$i/store.sql" 2>/dev/null
	fi
	case $kind in
	sqlite-*) rm -rf "$d" ;;
	*) rm -rf "$d"; psql "$pg_url" -qc "DROP DATABASE t$i" >/dev/null ;;
	esac
	return 0
}

echo "crash trials: $n a kind, $clients clients x $reports reports, $(date -u +%FT%TZ), $(nproc) cores"
declare -A sum
bad=0
for kind in "${kinds[@]}"; do
	t0=$(date +%s)
	for i in $(seq "$n"); do
		if ! trial "$kind" "$i" > "$tmp/trial.out"; then
			echo "trial $kind $i could not run" >&2
			sum[$kind.broken]=$((${sum[$kind.broken]:-0} + 1))
			continue
		fi
		read -r acked before lost dup phantom other unacked audit sent crash_ms recognised < "$tmp/trial.out"
		printf '%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$(date -u +%FT%TZ)" "$kind" "$i" \
			"$sent" "$acked" "$before" "$lost" "$dup" "$phantom" "$other" "$unacked" "$audit" "$crash_ms" \
			"$recognised" >> "$tsv"
		for f in sent acked before recognised lost dup phantom other unacked audit; do
			sum[$kind.$f]=$((${sum[$kind.$f]:-0} + ${!f}))
		done
		sum[$kind.runs]=$((${sum[$kind.runs]:-0} + 1))
		[ $((lost + dup + phantom + other + unacked + audit)) -gt 0 ] &&
			echo "trial $kind $i: lost $lost, duplicated $dup, phantom $phantom, other $other," \
			     "unacked $unacked, audit $audit (kept in $failed_dir/$kind-$i)" >&2
	done
	sum[$kind.secs]=$(($(date +%s) - t0))
done
printf '\n%-14s %6s %9s %9s %12s %11s %5s %10s %7s %5s %7s %11s %6s\n' kind trials sent acked "acked<crash" \
	recognised lost duplicated phantom other unacked "audit fail" secs
for kind in "${kinds[@]}"; do
	printf '%-14s %6d %9d %9d %12d %11d %5d %10d %7d %5d %7d %11d %6d\n' "$kind" "${sum[$kind.runs]:-0}" \
		"${sum[$kind.sent]:-0}" "${sum[$kind.acked]:-0}" "${sum[$kind.before]:-0}" "${sum[$kind.recognised]:-0}" \
		"${sum[$kind.lost]:-0}" \
		"${sum[$kind.dup]:-0}" "${sum[$kind.phantom]:-0}" "${sum[$kind.other]:-0}" "${sum[$kind.unacked]:-0}" \
		"${sum[$kind.audit]:-0}" "${sum[$kind.secs]:-0}"
	bad=$((bad + ${sum[$kind.lost]:-0} + ${sum[$kind.dup]:-0} + ${sum[$kind.phantom]:-0} + ${sum[$kind.other]:-0} +
		${sum[$kind.unacked]:-0} + ${sum[$kind.audit]:-0} + ${sum[$kind.broken]:-0}))
	[ "${sum[$kind.broken]:-0}" -gt 0 ] && echo "  $kind: ${sum[$kind.broken]} trials could not run"
done
[ "$bad" -eq 0 ] || { echo "trials: FAILED (see above; rows in $tsv)"; exit 1; }
echo "trials: nothing lost, duplicated or phantom; every audit chain verified (rows in $tsv)"
