# Issue 16's findings, repeated as the attacker made them, black-box.
# Finding 1: report B differs from report A but, under
# the first digest (fields joined with '|', no lengths), had A's digest;
# it was acknowledged (200, created false) and never stored. Now: A is
# created, A again is acknowledged, B under A's id is refused (409), and
# the store holds A only, as sent.
$GT users add kt3 --role monitor --db s.db > monitor.tok 2>/dev/null
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
now=$(date -u +%Y-%m-%dT%H:%M:00Z)
report() { # observer source event weapon-json count bearing distance text
	printf '{"id": "idem-coll", "observed": {"from": "%s", "to": "%s"}, "reported": "%s", "position": {"lon": 37.6, "lat": 48.1, "precision_m": 500}, "observer": "%s", "source": "%s", "event": "%s", %s"count": %s, "heard": {"bearing_deg": %s, "distance_km": %s}, "text": "%s"}' \
		"$now" "$now" "$now" "$@"
}
post() {
	curl -s -o body.json -w '%{http_code} ' -X POST -H "Authorization: Bearer $(cat monitor.tok)" \
		-H 'Content-Type: application/json' --data-binary "$1" "http://127.0.0.1:$port/api/v1/reports"
	python3 -c 'import json; b = json.load(open("body.json")); print(b.get("created"), b.get("error", {}).get("message", ""))'
}
a=$(report 'team|0' uav explosion '"weapon": "artillery", ' 1 7 4 xy)
b=$(report team patrol drone '' 3 1 7 '2|xy')
echo "A: $(post "$a")"
echo "A again: $(post "$a")"
echo "B, same id: $(post "$b")"
# the scheme's name is case-insensitive (RFC 9110; issue 16, finding 9)
curl -s -o /dev/null -w 'lower-case bearer: %{http_code}\n' -X POST \
	-H "Authorization: bearer $(cat monitor.tok)" -H 'Content-Type: application/json' \
	--data-binary "$a" "http://127.0.0.1:$port/api/v1/reports"
curl -s -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/reports?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z" |
	python3 -c 'import json, sys; r = json.load(sys.stdin)["reports"]; print("stored:", [(x["observer"], x["source"], x["count"], x["text"]) for x in r])'
# an encoded NUL never cuts a path short (issue 16, finding 9)
for path in /app.js /app.js%00.html '/api/v1/health%00x'; do
	curl -s -o /dev/null -w "$path: %{http_code} %{content_type}\n" "http://127.0.0.1:$port$path"
done
# numbers come back as submitted, and a client resending what it read back
# is acknowledged (issue 16, finding 9): before, lon 37.123456789012345 read
# back as 37.1234567890123 and its resending got 409; -0.0 for 0.0 too
exact=$(printf '{"id": "exact", "observed": {"from": "%s", "to": "%s"}, "reported": "%s", "position": {"lon": 37.123456789012345, "lat": 48.1, "precision_m": 0.0}, "observer": "t", "source": "uav", "event": "drone", "count": 1}' "$now" "$now" "$now")
echo "exact: $(post "$exact")"
curl -s -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/reports?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z" > read.json
grep -o '"lon":[^,]*' read.json | sed 's/^/read back: /'
python3 -c '
import json
r = [x for x in json.load(open("read.json"))["reports"] if x["id"] == "exact"][0]
del r["seq"]
open("again.json", "w").write(json.dumps(r))'
echo "resent as read back: $(post "$(cat again.json)")"
echo "resent with -0.0: $(post "$(echo "$exact" | sed 's/"precision_m": 0.0/"precision_m": -0.0/')")"
