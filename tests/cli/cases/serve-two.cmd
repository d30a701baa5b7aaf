# Two servers on one store: two clients send the same 200 reports, each to
# its own server, at the same time (so every report is sent twice, often
# at the same moment). Every report is stored once, acknowledged as
# created by exactly one server and as already stored by the other; a
# correlation run by each server at the same moment puts every report in
# one event once; the audit chain is one unbroken chain.
obs=(); for t in 0 1 2 3 4 5 6; do obs+=(--observer "team $t"); done
$GT users add kt3 --role monitor "${obs[@]}" --db s.db > monitor.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
start() {
	$GT serve --db s.db --listen 127.0.0.1:0 --rate 0 2> $1.log &
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
curl -s -H 'Content-Type: application/json' -X POST -H "Authorization: Bearer $(cat analyst.tok)" http://127.0.0.1:$(cat a.port)/api/v1/events/correlate > ca.json & one=$!
curl -s -H 'Content-Type: application/json' -X POST -H "Authorization: Bearer $(cat analyst.tok)" http://127.0.0.1:$(cat b.port)/api/v1/events/correlate > cb.json & two=$!
wait $one $two
python3 -c "import json; a, b = json.load(open('ca.json')), json.load(open('cb.json')); print('reports correlated by the two runs together:', a['reports'] + b['reports'])"
kill -TERM $(cat a.pid) $(cat b.pid)
while kill -0 $(cat a.pid) 2>/dev/null || kill -0 $(cat b.pid) 2>/dev/null; do sleep 0.1; done
sqlite3 s.db "SELECT count(*), count(DISTINCT id), count(event_id) FROM reports" | awk -F'|' '{print "stored: "$1", distinct: "$2", in an event: "$3}'
$GT audit verify --db s.db | sed 's/[0-9]* entries/N entries/'
sqlite3 s.db "SELECT count(*) FROM audit WHERE action = 'report.submit'" | sed 's/^/report.submit entries: /'
