# Correlation and the daily report from the command line, and the same
# report over HTTP: reports of a day are submitted to the service by two
# monitors (one count of 5,000, over the scenario's review_count_above, is
# held for review and counted apart),
# correlated by `guarantor correlate`, verified over HTTP, and reported as
# JSON, CSV, GeoJSON and HTML; bad options are refused; the audit chain
# verifies, and a cut or a changed byte in it is found.
$GT users add kt3 --role monitor --observer 'team 1' --observer 'team 3' --observer 'camera 2' --db s.db > monitor.tok 2>/dev/null
$GT users add kt4 --role monitor --observer 'team 2' --db s.db > monitor4.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
$GT users add press --role observer --db s.db > observer.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
api=http://127.0.0.1:$port/api/v1
as() { role=$1; shift; curl -s -H 'Content-Type: application/json' -w ' %{http_code}\n' -H "Authorization: Bearer $(cat $role.tok)" "$@"; echo; }
report() { # id lon lat hour observer event weapon count
	printf '{"id": "%s", "observed": {"from": "2026-01-10T%s:00:00Z", "to": "2026-01-10T%s:05:00Z"}, "reported": "2026-01-10T20:00:00Z", "position": {"lon": %s, "lat": %s, "precision_m": 300}, "observer": "%s", "source": "patrol", "event": "%s", "weapon": "%s", "count": %s}' "$1" "$4" "$4" "$2" "$3" "$5" "$6" "$7" "$8"
}
# the reporting day 2026-01-10 runs from 17:30 on the 9th to 17:30 on the 10th
batch="[$(report a1 37.70 48.00 08 'team 1' explosion artillery 12),
 $(report b1 37.56 48.74 09 'team 3' small_arms none 40), $(report c1 35.90 47.55 16 'camera 2' explosion undetermined 2),
 $(report d1 37.70 48.00 18 'team 1' explosion artillery 5), $(report e1 37.70 48.00 19 'team 1' explosion artillery 7),
 $(report h1 37.56 48.74 12 'team 3' small_arms none 5000)]"
as monitor --data-binary "$batch" $api/reports/batch | sed 's/"items":.*/.../'
as monitor4 --data-binary "$(report a2 37.70 48.00 08 'team 2' explosion mortar 3)" $api/reports
echo '# correlated from the command line'
$GT correlate --db s.db
$GT correlate --db s.db
as analyst -X POST $api/events/1/verify | cut -c1-40
as analyst -X POST $api/events/2/verify | cut -c1-40
echo '# the report over HTTP, to any role'
as observer "$api/daily?day=2026-01-10" | head -c 400; echo
as observer "$api/daily?day=2026-01-10&format=csv" | grep -v ',0,0,0,0$'
as observer "$api/daily?day=2026-01-10&format=pdf"
as observer "$api/daily?day=10/01/2026"
as observer "$api/counts?from=2026-01-09&to=2026-01-11" | head -c 300; echo
as observer "$api/counts?from=2025-01-01&to=2026-01-11"
kill -TERM $server
wait $server
echo '# from the command line'
$GT daily --db s.db --day 2026-01-10 > day.json
python3 -c "import json; d = json.load(open('day.json')); print(d['report'], d['headline'], d['total'], d['previous'], d['sides'], [e['id'] for e in d['events']], sep='\n')"
$GT daily --db s.db --day 2026-01-11 --format csv | grep -v ',0,0,0,0$'
$GT daily --db s.db --day 2026-01-10 --format geojson | python3 -c "import json, sys; g = json.load(sys.stdin); print(g['type'], [(f['properties']['id'], f['geometry']['coordinates']) for f in g['features']])"
$GT daily --db s.db --day 2026-01-10 --format html --out day.html
grep -o '<h1>[^<]*</h1>\|<p class="headline">[^<]*</p>\|data:image/svg+xml;base64' day.html
grep -o '<tr><td>S[0-9]*[^/]*/span></td>' day.html
echo '# bad options'
$GT daily --db s.db --day 2026-02-30; echo "exit $?"
$GT daily --db s.db --format pdf; echo "exit $?"
$GT daily --db missing.db --day 2026-01-10; echo "exit $?"
$GT correlate --db missing.db; echo "exit $?"
$GT scenario export | sed '/^monitoring:/,$d' > plain.yaml
$GT daily --db s.db --scenario plain.yaml; echo "exit $?"
$GT serve --db s.db --scenario plain.yaml; echo "exit $?"
$GT scenario export | sed 's/day_ends: "17:30"/day_ends: "00:00"/' > midnight.yaml
$GT daily --db s.db --scenario midnight.yaml --day 2026-03-01 | python3 -c "import json, sys; print(json.load(sys.stdin)['report'])"
$GT audit; echo "exit $?"
$GT audit check --db s.db; echo "exit $?"
echo '# the audit chain against the head the report published; cut short (found without the'
echo '# head too: the rows the last entry wrote are bound to an entry that is gone); a changed byte'
head=$(python3 -c "import json; a = json.load(open('day.json'))['audit']; print('%d:%s' % (a['entries'], a['head']))")
$GT audit verify --db s.db --head "$head"
flipped=${head%?}$([ "${head: -1}" = 0 ] && echo 1 || echo 0)
$GT audit verify --db s.db --head "$flipped"; echo "exit $?"
$GT audit verify --db s.db --head 12:abc; echo "exit $?"
sqlite3 s.db "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)"
$GT audit verify --db s.db; echo "exit $?"
$GT audit verify --db s.db --head "$head"; echo "exit $?"
sqlite3 s.db "UPDATE audit SET detail = replace(detail, 'reports=7', 'reports=6') WHERE action = 'events.correlate'"
$GT audit verify --db s.db; echo "exit $?"
$GT audit verify --db missing.db; echo "exit $?"
