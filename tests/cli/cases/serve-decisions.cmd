# Breaches and decisions over HTTP, with the built-in scenario's rules but
# two voting governments: two shellings seen by two teams each cross the
# heavy-shelling threshold; a commander proposes a response; France vetoes
# (unanimity rejects it), a second proposal is approved by both and the
# breach is answered. Roles, bad input and states are checked on the way;
# the audit chain holds it all.
$GT scenario export | sed 's/voters: \[GB, FR, NL, BE, DK, EE, LV, LT, CA, AU\]/voters: [GB, FR]/' > two.yaml
$GT users add kt3 --role monitor --observer 'team 1' --db s.db > monitor.tok 2>/dev/null
$GT users add kt4 --role monitor --observer 'team 2' --db s.db > monitor4.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
$GT users add gen --role commander --db s.db > commander.tok 2>/dev/null
$GT users add london --role member --member GB --db s.db > gb.tok 2>/dev/null
$GT users add paris --role member --member FR --db s.db > fr.tok 2>/dev/null
$GT users add berlin --role member --member DE --db s.db > de.tok 2>/dev/null
$GT users add press --role observer --db s.db > observer.tok 2>/dev/null
$GT serve --db s.db --scenario two.yaml --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
api=http://127.0.0.1:$port/api/v1
# times the server sets (now) are replaced by NOW in the output
as() { role=$1; shift; curl -s -H 'Content-Type: application/json' -w ' %{http_code}\n' -H "Authorization: Bearer $(cat $role.tok)" "$@" | sed -E 's/"(proposed|deadline|decided|at)":"20(2[7-9]|[3-9][0-9])-[^"]*"/"\1":"NOW"/g; s/"(proposed|deadline|decided|at)":"2026-(0[2-9]|1[0-2])-[^"]*"/"\1":"NOW"/g'; echo; }
report() { # id lon lat minute observer count
	printf '{"id": "%s", "observed": {"from": "2026-01-10T10:%s:00Z", "to": "2026-01-10T10:%s:30Z"}, "reported": "2026-01-10T11:00:00Z", "position": {"lon": %s, "lat": %s, "precision_m": 200}, "observer": "%s", "source": "patrol", "event": "explosion", "weapon": "artillery", "count": %s}' "$1" "$4" "$4" "$2" "$3" "$5" "$6"
}
as monitor --data-binary "[$(report a1 37.70 48.00 05 'team 1' 30), $(report b1 37.80 48.05 40 'team 1' 25)]" $api/reports/batch | sed 's/"items":.*/.../'
as monitor4 --data-binary "[$(report a2 37.70 48.00 06 'team 2' 30), $(report b2 37.80 48.05 41 'team 2' 25)]" $api/reports/batch | sed 's/"items":.*/.../'
as analyst -X POST $api/events/correlate
echo '# the breach, by role'
as commander "$api/breaches"
as gb "$api/breaches?status=open"
as observer "$api/breaches"
as analyst "$api/breaches?status=closed"
echo '# proposals: only commanders, only rungs of the ladder, one at a time'
as analyst --data-binary '{"rung": "protest"}' $api/breaches/1/proposals
as commander --data-binary '{"rung": "retaliation"}' $api/breaches/1/proposals
as commander --data-binary '{"rung": 3}' $api/breaches/1/proposals
as commander --data-binary '{"rung": "protest"}' $api/breaches/9/proposals
as commander --data-binary '{"rung": "protest", "note": "first step"}' $api/breaches/1/proposals
as commander --data-binary '{"rung": "attribution"}' $api/breaches/1/proposals
as commander -X POST $api/breaches/1/dismiss
echo '# votes: each government once, for itself'
as commander -X POST $api/proposals/1/approve
as de -X POST $api/proposals/1/approve
as gb -X POST $api/proposals/1/approve
as gb -X POST $api/proposals/1/veto
as fr --data-binary '{"note": "not before the coordination mechanism is tried"}' $api/proposals/1/veto
as gb -X POST $api/proposals/9/approve
echo '# a second proposal, approved: the breach is answered'
as commander --data-binary '{"rung": "attribution"}' $api/breaches/1/proposals
as fr -X POST $api/proposals/2/approve
as gb -X POST $api/proposals/2/approve
as analyst $api/breaches/1
as commander -X POST $api/breaches/1/dismiss
kill -TERM $server
wait $server
$GT audit verify --db s.db
sqlite3 s.db "SELECT seq, actor, action, object, detail FROM audit WHERE action LIKE 'breach%' OR action LIKE 'proposal%' OR action LIKE 'vote%'" | sed 's/after [0-9.]* days/after D days/'
