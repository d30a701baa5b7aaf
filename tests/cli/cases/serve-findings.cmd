# Issue 16's findings, repeated as the attacker made them, black-box.
# Finding 1: report B differs from report A but, under
# the first digest (fields joined with '|', no lengths), had A's digest;
# it was acknowledged (200, created false) and never stored. Now: A is
# created, A again is acknowledged, B under A's id is refused (409), and
# the store holds A only, as sent.
$GT users add kt3 --role monitor --observer 'team|0' --observer team --observer t --db s.db > monitor.tok 2>/dev/null
$GT users add kt4 --role monitor --observer team --db s.db > monitor4.tok 2>/dev/null
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
post() { # body [token file]: the status, created (or held) and any error
	curl -s -H 'Content-Type: application/json' -o body.json -w '%{http_code} ' -X POST -H "Authorization: Bearer $(cat ${2:-monitor.tok})" \
		-H 'Content-Type: application/json' --data-binary "$1" "http://127.0.0.1:$port/api/v1/reports"
	python3 -c 'import json; b = json.load(open("body.json")); e = b.get("error", {}); print(" ".join(str(x) for x in (b.get("created"), "held" if b.get("held") else "", e.get("field") or "", e.get("message", "")) if x != ""))'
}
a=$(report 'team|0' uav explosion '"weapon": "artillery", ' 1 7 4 xy)
b=$(report team patrol drone '' 3 1 7 '2|xy')
echo "A: $(post "$a")"
echo "A again: $(post "$a")"
echo "B, same id: $(post "$b")"
# the scheme's name is case-insensitive (RFC 9110; issue 16, finding 9)
curl -s -H 'Content-Type: application/json' -o /dev/null -w 'lower-case bearer: %{http_code}\n' -X POST \
	-H "Authorization: bearer $(cat monitor.tok)" -H 'Content-Type: application/json' \
	--data-binary "$a" "http://127.0.0.1:$port/api/v1/reports"
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/reports?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z" |
	python3 -c 'import json, sys; r = json.load(sys.stdin)["reports"]; print("stored:", [(x["observer"], x["source"], x["count"], x["text"]) for x in r])'
# an encoded NUL never cuts a path short (issue 16, finding 9)
for path in /app.js /app.js%00.html '/api/v1/health%00x'; do
	curl -s -H 'Content-Type: application/json' -o /dev/null -w "$path: %{http_code} %{content_type}\n" "http://127.0.0.1:$port$path"
done
# numbers come back as submitted, and a client resending what it read back
# is acknowledged (issue 16, finding 9): before, lon 37.123456789012345 read
# back as 37.1234567890123 and its resending got 409; -0.0 for 0.0 too
exact=$(printf '{"id": "exact", "observed": {"from": "%s", "to": "%s"}, "reported": "%s", "position": {"lon": 37.123456789012345, "lat": 48.1, "precision_m": 0.0}, "observer": "t", "source": "uav", "event": "drone", "count": 1}' "$now" "$now" "$now")
echo "exact: $(post "$exact")"
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/reports?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z" > read.json
grep -o '"lon":[^,]*' read.json | sed 's/^/read back: /'
python3 -c '
import json
r = [x for x in json.load(open("read.json"))["reports"] if x["id"] == "exact"][0]
del r["seq"], r["account"]  # what the store adds
open("again.json", "w").write(json.dumps(r))'
echo "resent as read back: $(post "$(cat again.json)")"
echo "resent with -0.0: $(post "$(echo "$exact" | sed 's/"precision_m": 0.0/"precision_m": -0.0/')")"
# Finding 9: report ids are each account's own. Another monitor sending
# kt3's id, with other content or with kt3's very report, stores its own
# report (201) and learns nothing of kt3's; its own id, sent again with
# other content, is refused as before.
echo "kt4, kt3's id and report A: $(post "$(echo "$a" | sed 's/team|0/team/')" monitor4.tok)"
echo "kt4, its id again, other content: $(post "$b" monitor4.tok)"
echo "kt3, A again: $(post "$a")"
# Finding 7: one monitor's token cannot forge corroboration. Before: two
# reports from kt3 naming observers "team A" and "team B", each counting
# 100,000, made a grade B event, took a day's headline from 0 to 100,000
# and opened a breach; times back to 1990 were taken. Now a monitor
# reports only as its registered observers; two of them are still one
# account (grade C); a count over review_count_above (300) is held; the
# day's headline counts nothing of it; no breach opens.
shell() { # id observer observed
	printf '{"id": "%s", "observed": {"from": "%s", "to": "%s"}, "reported": "2026-03-10T12:00:00Z", "position": {"lon": 37.7, "lat": 48.0, "precision_m": 100}, "observer": "%s", "source": "patrol", "event": "explosion", "weapon": "artillery", "count": 100000}' "$1" "$3" "$3" "$2"
}
echo "team A, unregistered: $(post "$(shell f7a 'team A' 2026-03-10T10:00:00Z)")"
$GT users observers kt3 --observer 'team|0' --observer team --observer t --observer 'team A' --observer 'team B' --db s.db
echo "team A: $(post "$(shell f7a 'team A' 2026-03-10T10:00:00Z)")"
echo "team B: $(post "$(shell f7b 'team B' 2026-03-10T10:01:00Z)")"
echo "observed in 1990: $(post "$(shell f7c 'team A' 1990-01-01T10:00:00Z)")"
echo "observed before the mission began: $(post "$(shell f7d 'team A' 2025-12-31T23:59:59Z)")"
curl -s -H 'Content-Type: application/json' -o /dev/null -X POST -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/events/correlate"
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/events?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z" |
	python3 -c 'import json, sys; print("events:", [(e["count"], e["observers"], e["accounts"], e["grade"], e.get("held")) for e in json.load(sys.stdin)["events"]])'
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/daily?day=2026-03-10" |
	python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["headline"]); print("total:", d["total"]["violations"], "held:", d["held"]); print("breaches:", d["breaches"])'
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/breaches" | python3 -c 'import json, sys; print("open breaches:", json.load(sys.stdin)["breaches"])'
# an analyst who verifies the event takes its count on trust: only then
# does it count in the day's totals; still no breach, for one account's
# event is grade C and heavy-shelling counts grade B and above
curl -s -H 'Content-Type: application/json' -o /dev/null -w 'verify: %{http_code}\n' -X POST -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/events/$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/events?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z" | python3 -c 'import json, sys; print(json.load(sys.stdin)["events"][0]["id"])')/verify"
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/daily?day=2026-03-10" |
	python3 -c 'import json, sys; d = json.load(sys.stdin); print("after verification, total:", d["total"]["violations"], "held:", d["held"]["events"])'
curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "http://127.0.0.1:$port/api/v1/breaches" | python3 -c 'import json, sys; print("breaches:", [(b["threshold"]["name"], b["total"]) for b in json.load(sys.stdin)["breaches"]])'
