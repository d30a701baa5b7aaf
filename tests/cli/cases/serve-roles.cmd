# Every route the service answers (from `guarantor serve --routes`), called
# with no token, a wrong token, a revoked token and each role's token: the
# status codes form the permission matrix of docs/monitor.md. 401 and 403
# come with a JSON error; anything else means the role got past the check
# (400, 404 and 409 are the route's own answers to an empty request).
for role in monitor analyst commander observer; do
	$GT users add $role-1 --role $role --db s.db > $role.tok 2>/dev/null
done
$GT users add paris --role member --member FR --db s.db > member.tok 2>/dev/null
$GT users add gone --role analyst --db s.db > revoked.tok 2>/dev/null
$GT users revoke gone --db s.db > /dev/null
echo gt1.1.wrongwrongwrong > wrong.tok
: > none.tok
$GT serve --db s.db --listen 127.0.0.1:0 --failed-signins 0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
roles="none wrong revoked monitor analyst commander member observer"
printf '%-40s' route; for r in $roles; do printf '%10s' $r; done; echo
# the dashboard's own files need no token (and are not built without it):
# the API's routes only
$GT serve --routes | grep ' /api/' | while read -r method path; do
	printf '%-40s' "$method ${path#/api/v1}"
	for r in $roles; do
		auth=()
		[ -s $r.tok ] && auth=(-H "Authorization: Bearer $(cat $r.tok)")
		data=()
		[ "$method" = POST ] && data=(--data-binary '')
		code=$(curl -s -H 'Content-Type: application/json' -o body.json -w '%{http_code}' "${auth[@]}" "${data[@]}" \
			"http://127.0.0.1:$port${path//\{id\}/1}")
		# a refusal must say why, in JSON
		case $code in 401|403) python3 -c "import json; json.load(open('body.json'))['error']['message']" || code="$code!";; esac
		printf '%10s' $code
	done
	echo
done
