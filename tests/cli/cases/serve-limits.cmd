# The service's limits (docs/security.md, API4): requests a second per
# token, failed sign-ins per user and address (counted only when a check
# costs argon2id), connections per address, and idle connections cut off. Over a limit: 429 with Retry-After, or the
# connection refused; other tokens and addresses go on.
$GT users add a --role analyst --db s.db > a.tok 2>/dev/null
$GT users add b --role analyst --db s.db > b.tok 2>/dev/null
$GT users add c --role analyst --db s.db > c.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 --rate 1 --burst 10 --failed-signins 6 \
	--max-conn-per-ip 3 --idle-timeout 2 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
me=http://127.0.0.1:$port/api/v1/me
many() { # token count: the status of each of count requests on one connection
	args=()
	for i in $(seq $2); do args+=(-o /dev/null "$me"); done
	curl -s -H 'Content-Type: application/json' -w '%{http_code}\n' -H "Authorization: Bearer $1" "${args[@]}" | sort | uniq -c | awk '{print "  " $2 ": " $1}'
}
echo "# 15 requests at once with one token (burst 10, then 1 a second)"
many "$(cat a.tok)" 15
curl -s -H 'Content-Type: application/json' -D headers.txt -H "Authorization: Bearer $(cat a.tok)" $me | sed 's/in [0-9]* s/in N s/'; echo
grep -i '^retry-after' headers.txt | tr -d '\r' | sed 's/[0-9][0-9]*/N/'
echo "# another token is not held back"
many "$(cat b.tok)" 3
echo "# 8 sign-ins as user c with a wrong secret from one address (6 allowed)"
many gt1.3.wrongwrongwrongwrongwrongwrongwrongwrongwrongwrong 8
echo "# then c's own token, not seen before, waits; b's, seen, goes on"
many "$(cat c.tok)" 1
many "$(cat b.tok)" 1
echo "# tokens refused without argon2id (no such user, malformed) are not counted"
many gt1.99.wrongwrongwrongwrongwrongwrongwrongwrongwrongwrong 12
many not-a-token 12
echo "# connections from one address: 3 allowed"
exec 3<>/dev/tcp/127.0.0.1/$port 4<>/dev/tcp/127.0.0.1/$port 5<>/dev/tcp/127.0.0.1/$port
sleep 0.3
curl -s -H 'Content-Type: application/json' -o /dev/null -w '  a fourth: %{http_code}\n' http://127.0.0.1:$port/api/v1/health
echo "# idle connections are closed after 2 s; then there is room again"
sleep 3
curl -s -H 'Content-Type: application/json' -o /dev/null -w '  after: %{http_code}\n' http://127.0.0.1:$port/api/v1/health
head -c 1 <&3 | wc -c | sed 's/^/  bytes left on a closed idle connection: /'
exec 3<&- 4<&- 5<&-
kill -TERM $server; wait $server
echo "# the log holds no token"
echo "  lines with a token: $(cat a.tok b.tok c.tok | { grep -c -F -f - serve.log || true; })"
