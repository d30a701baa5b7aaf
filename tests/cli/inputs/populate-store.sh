# populate-store.sh DB [SCENARIO]: sourced by the audit cases, with $GT set.
# Fills a store with a row of every kind the audit chain binds, through
# guarantor itself: users of each role (GB and FR members; "old" revoked;
# monitors kt3 and kt4 reporting as teams 1 and 2), four reports, two from
# each monitor, that correlate into two events that cross the heavy-shelling
# threshold (a breach with its evidence), event 1 verified, a proposal
# vetoed by France and a second approved by both, which answers the breach.
# Writes DB, two.yaml (two voters) and ROLE.tok; leaves no server running.
populate_db=$1
$GT scenario export | sed 's/voters: \[GB, FR, NL, BE, DK, EE, LV, LT, CA, AU\]/voters: [GB, FR]/' > two.yaml
$GT users add kt3 --role monitor --observer 'team 1' --db "$populate_db" > kt3.tok 2>/dev/null
$GT users add kt4 --role monitor --observer 'team 2' --db "$populate_db" > kt4.tok 2>/dev/null
for u in desk:analyst gen:commander press:observer old:observer; do
	$GT users add ${u%%:*} --role ${u#*:} --db "$populate_db" > ${u%%:*}.tok 2>/dev/null
done
$GT users add london --role member --member GB --db "$populate_db" > london.tok 2>/dev/null
$GT users add paris --role member --member FR --db "$populate_db" > paris.tok 2>/dev/null
$GT users revoke old --db "$populate_db" > /dev/null
$GT serve --db "$populate_db" --scenario two.yaml --listen 127.0.0.1:0 2> populate.log &
populate_server=$!
for i in $(seq 100); do grep -qs serving populate.log && break; sleep 0.1; done
populate_api=http://127.0.0.1:$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' populate.log)/api/v1
populate_as() { # user, curl arguments...: the status code
	local who=$1
	shift
	curl -s -H 'Content-Type: application/json' -o /dev/null -w '%{http_code} ' -H "Authorization: Bearer $(cat $who.tok)" "$@"
}
populate_report() { # id lon lat minute observer count
	printf '{"id": "%s", "observed": {"from": "2026-01-10T10:%s:00Z", "to": "2026-01-10T10:%s:30Z"}, "reported": "2026-01-10T11:00:00Z", "position": {"lon": %s, "lat": %s, "precision_m": 200}, "observer": "%s", "source": "patrol", "event": "explosion", "weapon": "artillery", "count": %s}' "$1" "$4" "$4" "$2" "$3" "$5" "$6"
}
{
	populate_as kt3 --data-binary "[$(populate_report a1 37.70 48.00 05 'team 1' 30), $(populate_report b1 37.80 48.05 40 'team 1' 25)]" $populate_api/reports/batch
	populate_as kt4 --data-binary "[$(populate_report a2 37.70 48.00 06 'team 2' 30), $(populate_report b2 37.80 48.05 41 'team 2' 25)]" $populate_api/reports/batch
	populate_as desk -X POST $populate_api/events/correlate
	populate_as desk -X POST $populate_api/events/1/verify
	populate_as gen --data-binary '{"rung": "protest"}' $populate_api/breaches/1/proposals
	populate_as london -X POST $populate_api/proposals/1/approve
	populate_as paris -X POST $populate_api/proposals/1/veto
	populate_as gen --data-binary '{"rung": "attribution"}' $populate_api/breaches/1/proposals
	populate_as paris -X POST $populate_api/proposals/2/approve
	populate_as london -X POST $populate_api/proposals/2/approve
	echo
} > populate.codes
kill -TERM $populate_server
wait $populate_server
