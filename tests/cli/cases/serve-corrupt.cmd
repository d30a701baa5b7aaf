# A damaged store: one byte changed in an audit entry's text is found by
# `audit verify`, naming the entry; bytes written over a report's text
# are told as damage, not an edit, and the service will not add to the
# store; a damaged page is found when the store is opened, and the service
# refuses to start, saying so.
$GT users add kt3 --role monitor --observer "team 3" --db s.db > monitor.tok 2>/dev/null
$GT serve --db s.db --listen 127.0.0.1:0 2> serve.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for i in $(seq 50); do grep -qs serving serve.log && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' serve.log)
for n in 1 2 3; do
	curl -s -H 'Content-Type: application/json' -o /dev/null -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "{\"id\": \"c$n\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": \"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T10:20:00Z\", \"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, \"observer\": \"team 3\", \"source\": \"patrol\", \"event\": \"explosion\"}" http://127.0.0.1:$port/api/v1/reports
done
curl -s -H 'Content-Type: application/json' -o /dev/null -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "{\"id\": \"c4\", \"observed\": {\"from\": \"2026-01-10T10:00:00Z\", \"to\": \"2026-01-10T10:05:00Z\"}, \"reported\": \"2026-01-10T10:20:00Z\", \"position\": {\"lon\": 37.6, \"lat\": 48.1, \"precision_m\": 500}, \"observer\": \"team 3\", \"source\": \"patrol\", \"event\": \"explosion\", \"text\": \"BITROT: craters east of the road, two of them fresh, fragments of 122 mm rounds by the fence\"}" http://127.0.0.1:$port/api/v1/reports
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
# bit rot in a data cell (issue 16, finding 9): 64 random bytes over
# report c4's text in the file, as a failing disk would leave them. SQLite's
# quick_check passes; audit verify tells damage from an edit; the service
# refuses to add to the store, unless told --skip-verify
cp whole.db s.db
python3 - <<'PY'
import random
data = bytearray(open('s.db', 'rb').read())
at = data.find(b'BITROT: ')
assert at >= 0, "report c4's text is not in the file"
rng = random.Random(16)
data[at:at + 64] = bytes(rng.randrange(256) for _ in range(64))
open('s.db', 'wb').write(data)
PY
sqlite3 s.db "PRAGMA quick_check"
$GT audit verify --db s.db; echo "exit $?"
$GT serve --db s.db --listen 127.0.0.1:0; echo "exit $?"
$GT serve --db s.db --listen 127.0.0.1:0 --skip-verify 2> skip.log & server=$!
for i in $(seq 50); do grep -qs serving skip.log && break; sleep 0.1; done
grep -c serving skip.log
kill -TERM $server; wait $server
# the same cell changed by SQL: an edit behind guarantor's back
cp whole.db s.db
sqlite3 s.db "UPDATE reports SET text = 'BITROT: nothing seen' WHERE id = 'c4'"
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
