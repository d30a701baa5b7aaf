# Live risk: the simulation fitted to a monitoring record. Three days of
# heavy shelling in one sector cross the heavy-shelling threshold three
# times; the first breach is answered (both governments approve), the
# second is left, the third dismissed. The proposal's times are then set
# to 16 January (the service stamps them now). As of 15 January the first
# two breaches are still within their week to decide; as of 20 January the
# first has been answered and the second has gone unanswered.
$GT scenario export | sed 's/voters: \[GB, FR, NL, BE, DK, EE, LV, LT, CA, AU\]/voters: [GB, FR]/' > two.yaml
$GT users add kt3 --role monitor --observer 'team 1' --db s.db > monitor.tok 2>/dev/null
$GT users add kt4 --role monitor --observer 'team 2' --db s.db > monitor4.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
$GT users add gen --role commander --db s.db > commander.tok 2>/dev/null
$GT users add london --role member --member GB --db s.db > gb.tok 2>/dev/null
$GT users add paris --role member --member FR --db s.db > fr.tok 2>/dev/null
$GT serve --db s.db --scenario two.yaml --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
api=http://127.0.0.1:$port/api/v1
as() { role=$1; shift; curl -s -H 'Content-Type: application/json' -o /dev/null -w '%{http_code} ' -H "Authorization: Bearer $(cat $role.tok)" "$@"; }
report() { # id day minute observer count
	printf '{"id": "%s", "observed": {"from": "2026-01-%sT10:%s:00Z", "to": "2026-01-%sT10:%s:30Z"}, "reported": "2026-01-%sT11:00:00Z", "position": {"lon": 37.70, "lat": 48.00, "precision_m": 200}, "observer": "%s", "source": "patrol", "event": "explosion", "weapon": "artillery", "count": %s}' "$1" "$2" "$3" "$2" "$3" "$2" "$4" "$5"
}
for day in 10 12 14; do
	as monitor --data-binary "[$(report a$day $day 05 'team 1' 30), $(report c$day $day 40 'team 1' 25)]" $api/reports/batch
	as monitor4 --data-binary "[$(report b$day $day 06 'team 2' 30), $(report d$day $day 41 'team 2' 25)]" $api/reports/batch
done
as analyst -X POST $api/events/correlate
as commander --data-binary '{"rung": "attribution"}' $api/breaches/1/proposals
as fr -X POST $api/proposals/1/approve
as gb -X POST $api/proposals/1/approve
as commander --data-binary '{"note": "an exercise, announced"}' $api/breaches/3/dismiss
echo
kill -TERM $server
wait $server
t() { date -ud "$1" +%s; }
sqlite3 s.db "UPDATE proposals SET proposed = $(t 2026-01-16T09:00:00Z), decided = $(t 2026-01-16T12:00:00Z), deadline = $(t 2026-01-23T09:00:00Z)"
sim() { $GT simulate --scenario two.yaml --runs 300 --threads 2 "$@"; }
fails() { sim --option uk-france-30k "$@"; echo "exit $?"; }
echo '# as of 15 January: two pending'
sim --option uk-france-30k --observed s.db --as-of 2026-01-15T00:00:00Z
echo '# as of 20 January: one answered, one not'
sim --option uk-france-30k --observed s.db --as-of 2026-01-20T00:00:00Z --format json | python3 -c 'import json, sys; o = json.load(sys.stdin)["options"][0]; print(json.dumps(o["observed"], indent=1)); print("collapse", o["collapse"])'
echo '# from a given start'
sim --option uk-france-30k --observed s.db --since 2026-01-01T00:00:00Z --as-of 2026-02-01T00:00:00Z | sed -n 3,9p
echo '# the same runs from a new ceasefire'
sim --option uk-france-30k | sed -n 3,5p
echo '# errors'
sim --observed s.db; echo "exit $?"
fails --since 2026-01-01T00:00:00Z
fails --observed s.db --as-of 2026-01-10
fails --observed s.db --as-of 2099-01-01T00:00:00Z
fails --observed s.db --since 2026-01-20T00:00:00Z --as-of 2026-01-20T00:00:00Z
fails --observed missing.db
fails --observed s.db --as-of 2026-01-10T12:00:00Z
fails --observed s.db --since 2026-02-01T00:00:00Z --as-of 2026-01-20T00:00:00Z
$GT users add x --role monitor --db empty.db > /dev/null 2>&1
fails --observed empty.db
