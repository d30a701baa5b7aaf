# A damaged store: one byte changed in an audit entry's text is found by
# `audit verify`, naming the entry; a damaged page is found when the store
# is opened, and the service refuses to start, saying so.
$GT users add kt3 --role monitor --observer "team 3" --db s.db > monitor.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
for n in 1 2 3; do
	curl -s -o /dev/null -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "{\"id\": \"c$n\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": \"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T10:20:00Z\", \"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, \"observer\": \"team 3\", \"source\": \"patrol\", \"event\": \"explosion\"}" http://127.0.0.1:$port/api/v1/reports
done
kill -TERM $server; wait $server
$GT audit verify --db s.db
cp s.db whole.db
# one byte of the second report's audit entry: its digest's first hex digit
python3 - <<'PY'
data = bytearray(open('s.db', 'rb').read())
# a record's text columns lie side by side: action, object, detail
at = data.find(b'report.submitc2blake2b=')
assert at >= 0, 'the audit entry of report c2 is not in the file'
at += len('report.submitc2blake2b=')
data[at] = ord('0') if data[at] != ord('0') else ord('1')
open('s.db', 'wb').write(data)
PY
$GT audit verify --db s.db; echo "exit $?"
# the header of a b-tree page
cp whole.db s.db
python3 - <<'PY'
data = bytearray(open('s.db', 'rb').read())
page = int.from_bytes(data[16:18], 'big') or 65536
data[2 * page] = 0x77  # not a b-tree page type
open('s.db', 'wb').write(data)
PY
$GT serve --db s.db --listen 127.0.0.1:0; echo "exit $?"
$GT audit verify --db s.db; echo "exit $?"
