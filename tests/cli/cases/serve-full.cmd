# A store that fills up (serve --max-db-mb, as a full disk would): reports
# are acknowledged until the store is full, then refused with 507 and a
# clear message while reads go on; afterwards exactly the acknowledged
# reports are stored, the audit chain verifies, and with room again the
# service takes reports.
$GT users add kt3 --role monitor --observer "team 3" --db s.db > monitor.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
start() {
	$GT serve --db s.db --listen 127.0.0.1:0 --rate 0 "$@" 2> serve.log &
	server=$!
	for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
	port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
}
trap 'kill $server 2>/dev/null' EXIT
start --max-db-mb 2
text=$(head -c 3000 /dev/zero | tr '\0' 'x')
refused=0
for n in $(seq 1 2000); do
	body="{\"id\": \"f$n\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": \"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T10:20:00Z\", \"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, \"observer\": \"team 3\", \"source\": \"patrol\", \"event\": \"explosion\", \"count\": 4, \"text\": \"$text\"}"
	code=$(curl -s -H 'Content-Type: application/json' -o reply.json -w '%{http_code}' -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "$body" http://127.0.0.1:$port/api/v1/reports)
	case $code in
	201) echo "f$n" >> acknowledged.txt ;;
	507) refused=$((refused + 1)); [ $refused = 1 ] && { echo "first refusal:"; cat reply.json; echo; }
	     [ $refused -ge 5 ] && break ;;
	*) echo "unexpected $code"; cat reply.json; break ;;
	esac
done
[ "$(wc -l < acknowledged.txt)" -gt 100 ] && echo "more than 100 reports acknowledged before the store was full"
echo "refused: $refused"
# a batch into a full store stops at its first item: the rest are not tried
item() { echo "{\"id\": \"g$1\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": \"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T10:20:00Z\", \"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, \"observer\": \"team 3\", \"source\": \"patrol\", \"event\": \"explosion\", \"text\": \"$text\"}"; }
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "[$(item 1), $(item 2), $(item 3)]" http://127.0.0.1:$port/api/v1/reports/batch | python3 -c "import json, sys; r = json.load(sys.stdin); print('batch: stored', r['stored'], 'refused', r['refused']); [print(' ', i['index'], i['status'], i['message']) for i in r['items']]"
curl -s -H 'Content-Type: application/json' -o /dev/null -w 'reads go on: %{http_code}\n' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/reports?limit=5"
kill -TERM $server; wait $server
sqlite3 s.db "SELECT id FROM reports ORDER BY seq" > stored.txt
cmp -s acknowledged.txt stored.txt && echo "stored: exactly the acknowledged reports"
$GT audit verify --db s.db | sed 's/[0-9]* entries/N entries/'
echo "# with room again"
start --max-db-mb 8
curl -s -H 'Content-Type: application/json' -w ' %{http_code}\n' -H "Authorization: Bearer $(cat monitor.tok)" --data-binary '{"id": "after", "observed": {"from": "2026-01-10T10:00:00Z", "to": "2026-01-10T10:05:00Z"}, "reported": "2026-01-10T10:20:00Z", "position": {"lon": 37.6, "lat": 48.1, "precision_m": 500}, "observer": "team 3", "source": "patrol", "event": "explosion"}' http://127.0.0.1:$port/api/v1/reports
kill -TERM $server; wait $server
echo "# a limit below what is stored is refused at start"
timeout 20 $GT serve --db s.db --listen 127.0.0.1:0 --max-db-mb 1 2>&1 | sed 's/[0-9]* MiB/N MiB/'; echo "exit $?"
