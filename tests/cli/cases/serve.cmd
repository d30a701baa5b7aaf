# The HTTP API over loopback: health, a report stored (201), resent (200),
# changed under the same id (409), bad input (400), no token (401), a role
# that may not (403), unknown routes and methods (404, 405), an oversized
# body (413); a batch; HTTP's headers for 401 and 405, 415, HEAD and ids
# with leading zeros; then the audit chain, and a clean stop on SIGTERM.
$GT users add kt3 --role monitor --observer "team 3" --db s.db > monitor.tok 2>/dev/null
$GT users add press --role observer --db s.db > observer.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
api=http://127.0.0.1:$port/api/v1
call() { curl -s -H 'Content-Type: application/json' -w ' %{http_code}\n' "$@"; echo; }
report='{"id": "kt3-0001", "observed": {"from": "2026-01-10T10:00:00Z", "to": "2026-01-10T10:05:00Z"}, "reported": "2026-01-10T10:20:00Z", "position": {"lon": 37.6, "lat": 48.1, "precision_m": 500}, "observer": "team 3", "source": "patrol", "event": "explosion", "weapon": "artillery", "count": 4}'
call $api/health
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "$report" $api/reports
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "$report" $api/reports
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "${report/\"count\": 4/\"count\": 5}" $api/reports
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "${report/\"lat\": 48.1/\"lat\": 91}" $api/reports
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary '{"id": ' $api/reports
call --data-binary "$report" $api/reports
call -H "Authorization: Bearer gt1.1.wrong" --data-binary "$report" $api/reports
call -H "Authorization: Bearer $(cat observer.tok)" --data-binary "$report" $api/reports
call -X PUT $api/reports
call $api/nowhere
head -c 1100000 /dev/zero | tr '\0' 'x' > big.json
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary @big.json $api/reports
# a batch from a device that was offline: one new, one resent, one bad, one
# clashing; each answered on its own
batch="[${report/kt3-0001/kt3-0002}, $report, ${report/\"patrol\"/\"rumour\"}, ${report/\"count\": 4/\"count\": 9}]"
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "$batch" $api/reports/batch
call -H "Authorization: Bearer $(cat monitor.tok)" --data-binary '{"not": "an array"}' $api/reports/batch
# reading back, a page at a time, and bad queries
call -H "Authorization: Bearer $(cat analyst.tok)" "$api/reports?limit=1"
call -H "Authorization: Bearer $(cat analyst.tok)" "$api/reports?after=1&limit=5&from=2026-01-10T00:00:00Z&to=2026-01-11T00:00:00Z"
call -H "Authorization: Bearer $(cat analyst.tok)" "$api/reports?limit=5000"
call -H "Authorization: Bearer $(cat analyst.tok)" "$api/reports?from=yesterday"
call -H "Authorization: Bearer $(cat monitor.tok)" "$api/reports"
echo '# HTTP semantics: WWW-Authenticate on 401, Allow on 405, 415 for a body that'
echo '# is not JSON, HEAD as GET without the body, ids with leading zeros'
heads() { curl -s -o /dev/null -D - "$@" | tr -d '\r' | grep -iE '^(HTTP/|(www-authenticate|allow|content-length|content-type):)' | sed 's/^/  /'; }
heads $api/me
heads -H "Authorization: Bearer gt1.1.wrong" $api/me
heads -X DELETE $api/health
heads -X GET $api/reports/batch
typed() { type=$1; shift; curl -s -H "Content-Type: $type" -w ' %{http_code}\n' -H "Authorization: Bearer $(cat monitor.tok)" "$@"; echo; }
typed text/plain --data-binary "$report" $api/reports
curl -s -w ' %{http_code}\n' -H 'Content-Type: text/plain' --data-binary "$report" $api/reports; echo
typed application/x-www-form-urlencoded --data-binary "[$report]" $api/reports/batch
typed 'Application/JSON; charset=utf-8' --data-binary "${report/kt3-0001/kt3-0003}" $api/reports
heads -I $api/health
call -H "Authorization: Bearer $(cat analyst.tok)" $api/events/0001
call -H "Authorization: Bearer $(cat analyst.tok)" $api/events/0
call -H "Authorization: Bearer $(cat analyst.tok)" $api/events/x1
call -H "Authorization: Bearer $(cat analyst.tok)" -X POST --data-binary '{"note": "x"}' $api/events/correlate
call -X DELETE $api/events/abc
call "$api/x%FFy"
kill -TERM $server
wait $server
echo "serve exit status $?"
tail -1 serve.log
$GT audit verify --db s.db
