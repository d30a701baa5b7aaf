#!/usr/bin/env bash
# tests/contract/contract.sh CHECK [GUARANTOR]: the checks of issue 24 that
# are not a CLI case's (tests/CMakeLists.txt runs each as a test):
#   lint     docs/api.yaml under Spectral (spectral:oas) and Redocly CLI
#            (recommended): no errors
#   break    the trace check (check-trace.mjs) passes on a server's real
#            answers, and fails on the same answers against a copy of the
#            description with one thing changed: it can fail
#   geojson  every GeoJSON guarantor writes, under check-geojson.py (RFC
#            7946: winding, precision, compact; ogr2ogr changes no ring)
#   results  every --format json output, and plan's results.json, valid
#            under docs/results.schema.json (Ajv, JSON Schema 2020-12)
#   html     every page guarantor writes or serves, under the Nu Html
#            Checker (vnu-jar, with the system's Java): no errors
#   client   a client generated from docs/api.yaml (openapi-typescript,
#            openapi-fetch) compiles under tsc --strict, signs in, posts a
#            report and reads it back from a live server (client.ts)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
api=$root/docs/api.yaml
bin=$here/node_modules/.bin
check=$1 gt=${2:-}
tmp=$(mktemp -d "$here/.build.XXXXXX")
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# start_server: a fresh store with a monitor (team 1) and an analyst, and
# guarantor serve on it, traced; sets $base
start_server() {
	export GT_AUDIT_KEY=$tmp/audit.key
	"$gt" audit keygen --audit-key "$GT_AUDIT_KEY" >/dev/null
	"$gt" users add kt1 --role monitor --observer 'team 1' --db "$tmp/s.db" >"$tmp/monitor.tok" 2>/dev/null
	"$gt" users add desk --role analyst --db "$tmp/s.db" >"$tmp/analyst.tok" 2>/dev/null
	"$gt" serve --db "$tmp/s.db" --listen 127.0.0.1:0 --trace "$tmp/trace.jsonl" 2>"$tmp/serve.log" &
	server=$!
	for _ in $(seq 100); do grep -qs serving "$tmp/serve.log" && break; sleep 0.1; done
	local port
	port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/serve.log")
	[ -n "$port" ] || { echo "contract: the server did not start:"; cat "$tmp/serve.log"; exit 1; }
	base=http://127.0.0.1:$port
}

# as ROLE CURL-ARGS...: a request as the monitor or the analyst, to stdout
as() { curl -s -H "Authorization: Bearer $(cat "$tmp/$1.tok")" -H 'Content-Type: application/json' "${@:2}"; }

# seed ID LON LAT: the monitor reports an explosion there on 2026-01-10,
# the analyst correlates it and verifies event 1
seed() {
	as monitor -o /dev/null --data-binary "{\"id\": \"$1\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": \"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T11:00:00Z\", \"position\": {\"lon\": $2, \"lat\": $3, \"precision_m\": 200}, \"observer\": \"team 1\", \"source\": \"patrol\", \"event\": \"explosion\", \"weapon\": \"artillery\", \"count\": 3}" "$base/api/v1/reports"
	as analyst -o /dev/null -X POST "$base/api/v1/events/correlate"
	as analyst -o /dev/null -X POST "$base/api/v1/events/1/verify"
}

case $check in
lint)
	cd "$here"
	"$bin/spectral" lint --ruleset "$root/.spectral.yaml" --fail-severity=error "$api"
	rc=0
	out=$("$bin/redocly" lint "$api" 2>&1) || rc=$?
	grep -v '║\|═\|^ *$' <<<"$out" || true # less Node.js 20's end-of-life box
	[ $rc -eq 0 ] || { echo "contract: redocly lint found errors (above)"; exit 1; }
	;;
break)
	start_server
	seed b1 37.7 48.0
	as analyst -o /dev/null "$base/api/v1/events"
	as analyst -o /dev/null "$base/api/v1/events/1"
	as analyst -o /dev/null "$base/api/v1/reports"
	node "$here/check-trace.mjs" "$api" "$tmp/trace.jsonl"
	echo "contract: the description agrees with $(wc -l <"$tmp/trace.jsonl") answers"
	# the same answers against a description whose Event lacks "accounts":
	# every answer with an event must now fail, naming it
	mkdir "$tmp/broken"
	cp "$root/docs/results.schema.json" "$tmp/broken/"
	sed '/^    Event:/,/^    Breach:/{/^        accounts: /d; /^      required: /s/, accounts//}' "$api" >"$tmp/broken/api.yaml"
	! cmp -s "$api" "$tmp/broken/api.yaml" || { echo "contract: the description was not changed"; exit 1; }
	if node "$here/check-trace.mjs" "$tmp/broken/api.yaml" "$tmp/trace.jsonl" 2>"$tmp/broken.err"; then
		echo "contract: the check passed a description that disagrees with the answers"; exit 1
	fi
	grep -q 'must NOT have additional properties (accounts)' "$tmp/broken.err" ||
		{ echo "contract: the check failed, but not for the change:"; cat "$tmp/broken.err"; exit 1; }
	echo "contract: and fails against a copy without Event.accounts:"
	sed 's/^[^:]*:[0-9]*: /  /' "$tmp/broken.err"
	;;
client)
	start_server
	"$bin/openapi-typescript" "$api" -o "$tmp/api.d.ts" >/dev/null
	cp "$here/client.ts" "$here/tsconfig.json" "$tmp/"
	(cd "$tmp" && "$bin/tsc" -p tsconfig.json)
	GT_API=$base GT_TOKEN_MONITOR=$(cat "$tmp/monitor.tok") GT_TOKEN_ANALYST=$(cat "$tmp/analyst.tok") \
		node "$tmp/client.js"
	node "$here/check-trace.mjs" "$api" "$tmp/trace.jsonl"
	;;
geojson)
	# every GeoJSON guarantor writes: the air umbrellas of the built-in
	# theatre and of a user's (with holes), the built-in geometry, the
	# theatre the service gives the dashboard, the daily report's events
	# from the command line and over HTTP
	out=$tmp/geo
	mkdir "$out"
	"$gt" air --out "$out" >/dev/null
	"$gt" air --scenario "$root/tests/data/dmz.yaml" --out "$out/dmz" >/dev/null
	for f in "$out"/dmz/*.geojson; do mv "$f" "$out/dmz-$(basename "$f")"; done
	"$gt" scenario export --geometry >"$out/built-in.geojson"
	start_server
	seed g1 37.123456789 48.0123456789 # more decimals than GeoJSON should carry
	as analyst "$base/api/v1/daily?day=2026-01-10&format=geojson" >"$out/daily-http.geojson"
	as analyst "$base/api/v1/scenario" |
		node -e 'let t = ""; process.stdin.on("data", (d) => (t += d)).on("end", () => process.stdout.write(JSON.stringify(JSON.parse(t).geometry) + "\n"))' >"$out/scenario-http.geojson"
	"$gt" daily --db "$tmp/s.db" --day 2026-01-10 --format geojson >"$out/daily.geojson"
	grep -q '"Point"' "$out/daily.geojson" || { echo "contract: the daily report has no event"; exit 1; }
	/usr/bin/python3 "$here/check-geojson.py" "$out"/*.geojson
	# and the check can fail: one outer ring turned clockwise
	/usr/bin/python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
next(f for f in d["features"] if f["geometry"]["type"] == "MultiPolygon")["geometry"]["coordinates"][0][0].reverse()
open(sys.argv[2], "w").write(json.dumps(d, separators=(",", ":")))' "$out/built-in.geojson" "$tmp/clockwise.geojson"
	if /usr/bin/python3 "$here/check-geojson.py" "$tmp/clockwise.geojson" >/dev/null 2>&1; then
		echo "contract: check-geojson.py passed a clockwise outer ring"; exit 1
	fi
	;;
results)
	# every --format json output, on the built-in theatre and the test
	# theatres, and plan's results.json, against docs/results.schema.json
	json=$tmp/json
	mkdir "$json"
	schema=$root/docs/results.schema.json
	data=$root/tests/data
	for sc in builtin mini twolines dmz; do
		s=(); [ $sc = builtin ] || s=(--scenario "$data/$sc.yaml")
		"$gt" size "${s[@]}" --format json >"$json/size-$sc.json" 2>/dev/null || [ $? -eq 3 ]
		"$gt" air "${s[@]}" --format json >"$json/air-$sc.json" 2>/dev/null || [ $? -eq 3 ]
		"$gt" plan "${s[@]}" --runs 20 --out "$json/plan-$sc" >/dev/null 2>&1 || [ $? -eq 3 ]
	done
	"$gt" generate --format json >"$json/generate.json"
	"$gt" generate --scenario "$data/fg.yaml" --format json >"$json/generate-fg.json" 2>/dev/null || [ $? -eq 3 ]
	"$gt" validate --format json >"$json/validate.json"
	"$gt" simulate --runs 40 --format json >"$json/simulate.json"
	"$gt" simulate --runs 40 --scenario "$data/twolines.yaml" --format json >"$json/simulate-twolines.json" 2>/dev/null || [ $? -eq 3 ]
	"$gt" sensitivity --runs 20 --format json >"$json/sensitivity.json"
	"$gt" sensitivity --runs 20 --method lhs --samples 8 --format json >"$json/sensitivity-lhs.json"
	start_server
	"$gt" simulate --runs 40 --observed "$tmp/s.db" --option uk-france-30k --since 2026-01-01T00:00:00Z --format json >"$json/simulate-observed.json"
	"$gt" daily --db "$tmp/s.db" --day 2026-01-10 --format json >"$json/daily.json"
	node "$here/check-json.mjs" "$schema" size "$json"/size-*.json
	node "$here/check-json.mjs" "$schema" air "$json"/air-*.json
	node "$here/check-json.mjs" "$schema" results "$json"/plan-*/results.json
	node "$here/check-json.mjs" "$schema" generate "$json"/generate*.json
	node "$here/check-json.mjs" "$schema" validate "$json/validate.json"
	node "$here/check-json.mjs" "$schema" simulate "$json"/simulate*.json
	node "$here/check-json.mjs" "$schema" sensitivity "$json"/sensitivity*.json
	node "$here/check-json.mjs" "$schema" daily "$json/daily.json"
	node "$here/check-json.mjs" "$schema" - "$json"/*.json >/dev/null
	# and the check can fail: a member the schema does not know
	sed 's/^  "line_km"/  "line_miles": 1,\n  "line_km"/' "$json/size-builtin.json" >"$tmp/extra.json"
	if node "$here/check-json.mjs" "$schema" size "$tmp/extra.json" >/dev/null 2>&1; then
		echo "contract: check-json.mjs passed a member the schema does not have"; exit 1
	fi
	;;
html)
	# every page guarantor writes or serves, under the Nu Html Checker:
	# the brief (built-in and a user's theatre), the daily report from the
	# command line and over HTTP, and the dashboard's page (the dashboard
	# as drawn is checked by its own test, web/test/dashboard.mjs)
	pages=$tmp/pages
	mkdir "$pages"
	"$gt" plan --runs 20 --out "$pages/plan" >/dev/null
	"$gt" plan --runs 20 --scenario "$root/tests/data/mini.yaml" --out "$pages/mini" >/dev/null 2>&1 || [ $? -eq 3 ]
	# the words of a picture are text: a map's place names, a chart's legend
	for word in '>Kyiv<' '>Rzeszów-Jasionka<' '>Line of contact (approximate'; do
		grep -q "$word" "$pages/plan/map.svg" || { echo "contract: map.svg has no text $word"; exit 1; }
	done
	grep -q '>fighter reaction time<' "$pages"/plan/air-full-line.svg ||
		{ echo "contract: the air map's legend is not text"; exit 1; }
	grep -q '>years<' "$pages/plan/survival.svg" || { echo "contract: the chart's axis is not text"; exit 1; }
	! grep -q 'id="glyph' "$pages"/plan/*.svg ||
		{ echo "contract: a picture still draws words as glyph outlines"; exit 1; }
	mv "$pages/plan/brief.html" "$pages/brief.html"
	mv "$pages/mini/brief.html" "$pages/brief-mini.html"
	start_server
	seed h1 37.7 48.0
	as analyst "$base/api/v1/daily?day=2026-01-10&format=html" >"$pages/daily-http.html"
	"$gt" daily --db "$tmp/s.db" --day 2026-01-10 --format html >"$pages/daily.html"
	curl -s "$base/" >"$pages/dashboard.html"
	grep -q 'data:image/svg+xml' "$pages/daily.html" || { echo "contract: the daily report has no map"; exit 1; }
	java -jar "$here/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "$pages"/*.html
	echo "contract: the Nu Html Checker finds no error in $(ls "$pages"/*.html | wc -l) pages"
	# and it can fail: an element HTML does not have
	sed 's|<body>|<body><blink>x</blink>|' "$pages/daily.html" >"$tmp/bad.html"
	if java -jar "$here/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "$tmp/bad.html" 2>/dev/null; then
		echo "contract: the Nu Html Checker passed a page with <blink>"; exit 1
	fi
	;;
*)
	echo "usage: contract.sh lint|break|client|geojson|results|html [GUARANTOR]" >&2
	exit 2
	;;
esac
