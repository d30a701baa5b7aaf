# The headers the service sends (docs/security.md, API8): the dashboard's
# page and files under a strict Content-Security-Policy (its own files
# and the API only, no inline script or style), no MIME sniffing, no
# referrer; the API's JSON never cached; the daily report's HTML with a
# policy of its own. No CORS header: other sites' pages cannot call it.
$GT users add desk --role analyst --db s.db > analyst.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
show() { # path [curl options]: the status and the security headers
	echo "# $1"
	curl -s -H 'Content-Type: application/json' -o /dev/null -D - "${@:2}" "http://127.0.0.1:$port$1" | tr -d '\r' |
		grep -i -E '^(HTTP/|content-type|content-security-policy|x-content-type-options|referrer-policy|cache-control|access-control-|x-frame-options)' | sort
}
show /
show /app.js
show /api/v1/health
show /api/v1/events -H "Authorization: Bearer $(cat analyst.tok)"
show /api/v1/events -H "Origin: https://evil.example" -H "Authorization: Bearer $(cat analyst.tok)"
show "/api/v1/daily?day=2026-01-10&format=html" -H "Authorization: Bearer $(cat analyst.tok)"
