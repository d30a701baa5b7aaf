# kill -9 mid-stream: every report the server acknowledged (201 or 200) is
# in the store after a restart, and nothing that was never sent is; the
# audit chain still verifies.
$GT users add kt3 --role monitor --observer "team 3" --db c.db > monitor.tok 2>/dev/null
$GT users add desk --role analyst --db c.db > analyst.tok 2>/dev/null
start() {
	rm -f serve.log
	$GT serve --db c.db --listen 127.0.0.1:0 2> serve.log &
	server=$!
	for i in $(seq 100); do grep -qs serving serve.log && break; sleep 0.05; done
	api=http://127.0.0.1:$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)/api/v1
}
start
trap 'kill -9 $server 2>/dev/null' EXIT
report() {
	printf '{"id": "r%04d", "observed": {"from": "2026-01-10T10:00:00Z", "to": "2026-01-10T10:05:00Z"}, "reported": "2026-01-10T10:20:00Z", "position": {"lon": 37.6, "lat": 48.1, "precision_m": 50}, "observer": "team 3", "source": "patrol", "event": "small_arms", "count": %d}' "$1" "$1"
}
# a client sending as fast as it can, noting what was acknowledged
touch acked.txt sent.txt
(
	for i in $(seq 1 400); do
		code=$(curl -s -H 'Content-Type: application/json' -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat monitor.tok)" \
			--data-binary "$(report $i)" "$api/reports") || true
		case $code in 200|201) echo "r$(printf %04d $i)" >> acked.txt ;; esac
		echo "r$(printf %04d $i)" >> sent.txt
	done
) &
client=$!
for i in $(seq 200); do [ "$(wc -l < acked.txt 2>/dev/null || echo 0)" -ge 20 ] && break; sleep 0.05; done
kill -9 $server
wait $client 2>/dev/null
wait $server 2>/dev/null
start
after=0
: > stored.txt
while :; do
	page=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $(cat analyst.tok)" "$api/reports?after=$after&limit=1000")
	echo "$page" | grep -o '"id":"r[0-9]*"' | sed 's/"id":"\(.*\)"/\1/' >> stored.txt
	next=$(echo "$page" | sed -n 's/.*"next_after":\([0-9]*\).*/\1/p')
	[ -n "$next" ] || break
	after=$next
done
kill -TERM $server; wait $server
sort -u acked.txt > a.txt; sort -u stored.txt > s.txt; sort -u sent.txt > t.txt
[ "$(wc -l < a.txt)" -ge 20 ] && echo "acknowledged before the kill: at least 20"
comm -23 a.txt s.txt | wc -l | sed 's/^/acknowledged but lost: /'
comm -23 s.txt t.txt | wc -l | sed 's/^/stored but never sent: /'
[ "$(wc -l < stored.txt)" -eq "$(wc -l < s.txt)" ] && echo "no report stored twice"
$GT audit verify --db c.db | sed 's/[0-9]* entries/N entries/'
