# Events over HTTP: reports of one shelling by two teams (two monitors'
# accounts) and another
# shelling 5 km away are correlated into two events; analysts list, read,
# verify, reject, reopen, merge and split them; each role sees what it may;
# bad input and states that do not allow a change are refused; the audit
# chain holds every change.
$GT users add kt3 --role monitor --observer 'team 1' --observer 'team 3' --db s.db > monitor.tok 2>/dev/null
$GT users add kt4 --role monitor --observer 'team 2' --db s.db > monitor4.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
$GT users add press --role observer --db s.db > observer.tok 2>/dev/null
$GT users add gen --role commander --db s.db > commander.tok 2>/dev/null
$GT users add paris --role member --member FR --db s.db > member.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
api=http://127.0.0.1:$port/api/v1
as() { role=$1; shift; curl -s -H 'Content-Type: application/json' -w ' %{http_code}\n' -H "Authorization: Bearer $(cat $role.tok)" "$@"; echo; }
report() { # id lon lat minute observer weapon
	printf '{"id": "%s", "observed": {"from": "2026-01-10T10:%s:00Z", "to": "2026-01-10T10:%s:30Z"}, "reported": "2026-01-10T11:00:00Z", "position": {"lon": %s, "lat": %s, "precision_m": 200}, "observer": "%s", "source": "patrol", "event": "explosion", "weapon": "%s", "count": 6}' "$1" "$4" "$4" "$2" "$3" "$5" "$6"
}
batch="[$(report a1 37.700 48.000 05 'team 1' artillery), $(report b1 37.770 48.000 06 'team 3' artillery)]"
as monitor --data-binary "$batch" $api/reports/batch
as monitor4 --data-binary "$(report a2 37.701 48.001 07 'team 2' undetermined)" $api/reports
echo '# only analysts correlate'
as monitor -X POST $api/events/correlate
as analyst -X POST $api/events/correlate
as analyst -X POST $api/events/correlate
echo '# the events, by role'
as analyst "$api/events"
as commander "$api/events/1"
as member "$api/events?sector=11&grade=B"
as observer "$api/events"
as observer "$api/events/1"
as observer "$api/events?status=unverified"
as monitor "$api/events"
echo '# near a point: 2 km round the first event, then 10 km (both)'
as analyst "$api/events?near=37.70,48.00&km=2" | python3 -c "import json, sys; t = sys.stdin.read(); print([e['id'] for e in json.loads(t[:t.rindex('}') + 1])['events']], t.split()[-1])"
as analyst "$api/events?near=37.70,48.00&km=10" | python3 -c "import json, sys; t = sys.stdin.read(); print([e['id'] for e in json.loads(t[:t.rindex('}') + 1])['events']], t.split()[-1])"
echo '# verify, then what a verified event allows'
as analyst --data-binary '{"note": "two teams, crater analysis"}' $api/events/1/verify
as observer "$api/events/1"
as analyst -X POST $api/events/1/reject
as analyst --data-binary '{"events": [1, 2]}' $api/events/merge
as analyst -X POST $api/events/1/reopen
as analyst -X POST $api/events/1/reopen
echo '# merge the two, split one off again'
as analyst --data-binary '{"events": [2, 1], "note": "one barrage"}' $api/events/merge
as analyst "$api/events?status=merged"
as analyst --data-binary '{"reports": ["b1"]}' $api/events/1/split
as analyst --data-binary '{"reports": ["a1", "a2"]}' $api/events/1/split
echo '# bad input'
as analyst "$api/events?status=done"
as analyst "$api/events?sector=99"
as analyst "$api/events?grade=E"
as analyst "$api/events?event=shelling"
as analyst "$api/events?staus=verified"
as analyst "$api/events?status=verified&status=rejected"
as analyst "$api/events?after=%2B1"
as analyst "$api/events?sector=%2011"
as analyst "$api/events?after=99999999999999999999999"
as analyst "$api/events?km=5"
as analyst "$api/events?near=37.7,48"
as analyst "$api/events?near=37.7&km=5"
as analyst "$api/events?near=200,48&km=5"
as analyst "$api/events?near=37.7,48,1&km=5"
as analyst "$api/events?near=%2037.7,48&km=5"
as analyst "$api/events?near=37.7,48&km=0"
as analyst "$api/events?near=37.7,48&km=3000"
as analyst "$api/events?near=37.7,48&km=nan"
as analyst "$api/events?near=0x25,0x30&km=5"
as analyst "$api/events?near=%0937.7,48&km=5"
as analyst "$api/events?near=37.7,%0A48&km=5"
as analyst "$api/events?near=37.,48&km=5"
as analyst "$api/events?near=37.7,48&km=1e1"
as analyst "$api/events/1?limit=5"
as analyst --data-binary '{"events": [1]}' $api/events/merge
as analyst --data-binary '{"events": [1, "x"]}' $api/events/merge
as analyst --data-binary '{"events": [1, 99]}' $api/events/merge
as analyst --data-binary '{"reports": ["zz"]}' $api/events/1/split
as analyst --data-binary '{"note": 5}' $api/events/1/verify
as analyst --data-binary '{"notes": "x"}' $api/events/1/verify
as analyst --data-binary '{"note": ' $api/events/1/verify
as analyst --data-binary "{\"note\": \"$(head -c 1001 /dev/zero | tr '\0' 'n')\"}" $api/events/1/verify
as analyst -X POST $api/events/99/verify
as analyst -X POST $api/events/0/verify
as analyst -X POST $api/events/abc/verify
as analyst $api/events/1/verify
kill -TERM $server
wait $server
$GT audit verify --db s.db
sqlite3 s.db "SELECT seq, actor, action, object, detail FROM audit WHERE action LIKE 'event%'" | sed 's/blake2b=[0-9a-f]*/blake2b=.../'
