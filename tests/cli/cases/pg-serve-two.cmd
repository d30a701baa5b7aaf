# Two servers on one PostgreSQL store behave as one service. Two clients
# send the same 200 reports, each to its own server, at the same time (so
# every report is sent twice, often at the same moment): every report is
# stored once, acknowledged as created by exactly one server and as
# already stored by the other. A correlation run by each server at the
# same moment puts every report in one event once. Then the same shelling
# reported by two teams, each to a different server, at the same moment,
# becomes one event. The audit chain is one unbroken chain.
export PGOPTIONS=--client-min-messages=warning
psql "$GT_TEST_PG" -qc "DROP DATABASE IF EXISTS pg_two" -c "CREATE DATABASE pg_two"
DB=${GT_TEST_PG%/*}/pg_two
sql() { psql "$DB" -qAtF'|' -c "$1"; }
# two processes opening one new database to write at the same moment: one
# creates the schema, the other waits and finds it made (10 new schemas)
ok=0
for i in $(seq 10); do
	sql "CREATE SCHEMA race$i"
	url="$DB?options=-csearch_path%3Drace$i"
	$GT users add a$i --role observer --db "$url" > /dev/null 2> race$i.a & one=$!
	$GT users add b$i --role observer --db "$url" > /dev/null 2> race$i.b & two=$!
	wait $one && wait $two && ok=$((ok + 1))
done
echo "two processes migrating a new database at once: $ok of 10 without error"
sql "SELECT count(DISTINCT version) || ' version(s): ' || min(version) FROM (SELECT version FROM race1.guarantor_schema UNION ALL SELECT version FROM race10.guarantor_schema) v"
obs=(); for t in 0 1 2 3 4 5 6; do obs+=(--observer "team $t"); done
$GT users add kt3 --role monitor "${obs[@]}" --db "$DB" > monitor.tok 2>/dev/null
$GT users add kt5 --role monitor --observer "team 5" --db "$DB" > monitor5.tok 2>/dev/null
$GT users add desk --role analyst --db "$DB" > analyst.tok 2>/dev/null
start() {
	$GT serve --db "$DB" --listen 127.0.0.1:0 --rate 0 2> $1.log &
	echo $! > $1.pid
	for i in $(seq 50); do grep -qs serving $1.log && break; sleep 0.1; done
	sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' $1.log > $1.port
}
start a
start b
trap 'kill $(cat a.pid) $(cat b.pid) 2>/dev/null' EXIT
send() { # server
	for n in $(seq 1 200); do
		curl -s -H 'Content-Type: application/json' -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "{\"id\": \"r$n\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": \"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T10:20:00Z\", \"position\": {\"lon\": 37.$((n % 50 + 10)), \"lat\": 48.1, \"precision_m\": 300}, \"observer\": \"team $((n % 7))\", \"source\": \"patrol\", \"event\": \"explosion\", \"weapon\": \"artillery\", \"count\": 3}" http://127.0.0.1:$(cat $1.port)/api/v1/reports
	done > $1.codes
}
send a & one=$!
send b & two=$!
wait $one $two
cat a.codes b.codes | sort | uniq -c | awk '{print $2": "$1}'
correlate() { # server out
	curl -s -H 'Content-Type: application/json' -X POST -H "Authorization: Bearer $(cat analyst.tok)" http://127.0.0.1:$(cat $1.port)/api/v1/events/correlate > $2
}
correlate a ca.json & one=$!
correlate b cb.json & two=$!
wait $one $two
python3 -c "import json; a, b = json.load(open('ca.json')), json.load(open('cb.json')); print('reports correlated by the two runs together:', a['reports'] + b['reports'])"
sql "SELECT count(*), count(DISTINCT id), count(event_id) FROM reports" | awk -F'|' '{print "stored: "$1", distinct: "$2", in an event: "$3}'
# one shelling, heard by two teams from either side, each reporting to
# its own server at the same moment; each server correlates at once
shelling() { # server token id observer lon bearing
	curl -s -H 'Content-Type: application/json' -o /dev/null -H "Authorization: Bearer $(cat $2)" --data-binary "{\"id\": \"$3\", \"observed\": {\"from\": \"2026-01-11T06:00:00Z\", \"to\": \"2026-01-11T06:02:00Z\"}, \"reported\": \"2026-01-11T06:30:00Z\", \"position\": {\"lon\": $5, \"lat\": 48.0, \"precision_m\": 100}, \"observer\": \"$4\", \"source\": \"patrol\", \"event\": \"explosion\", \"weapon\": \"artillery\", \"count\": 6, \"heard\": {\"bearing_deg\": $6, \"distance_km\": 4}}" http://127.0.0.1:$(cat $1.port)/api/v1/reports
	correlate $1 $1.shell.json
}
shelling a monitor.tok s-west "team 3" 37.55 90 & one=$!
shelling b monitor5.tok s-east "team 5" 37.65 270 & two=$!
wait $one $two
sql "SELECT count(DISTINCT event_id), count(*) FROM reports WHERE id IN ('s-west', 's-east')" | awk -F'|' '{print "the shelling: "$2" reports in "$1" event"}'
sql "SELECT reports, observers, grade FROM events WHERE id = (SELECT event_id FROM reports WHERE id = 's-west')" | awk -F'|' '{print "its event: "$1" reports, "$2" observers, grade "$3}'
kill -TERM $(cat a.pid) $(cat b.pid)
while kill -0 $(cat a.pid) 2>/dev/null || kill -0 $(cat b.pid) 2>/dev/null; do sleep 0.1; done
$GT audit verify --db "$DB" | sed 's/[0-9]* entries/N entries/'
sql "SELECT count(*) FROM audit WHERE action = 'report.submit'" | sed 's/^/report.submit entries: /'
sql "SELECT count(*) = max(seq) FROM audit" | sed 's/^t$/audit sequence without gaps: yes/; s/^f$/audit sequence without gaps: NO/'
# the daily report, read in one snapshot of the shared store
$GT daily --db "$DB" --day 2026-01-10 | python3 -c "import json, sys; d = json.load(sys.stdin); print('daily report 2026-01-10 from PostgreSQL:', d['headline'])"
