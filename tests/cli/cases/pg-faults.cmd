# Faults on a PostgreSQL store shared by two servers, on a cluster of this
# test's own (it is restarted):
#  1. kill -9 one server while two clients submit; the first client fails
#     over to the other server, as a reverse proxy would;
#  2. restart PostgreSQL while a client submits, retrying on 503 or a
#     broken connection;
# After each, every acknowledged report is stored exactly once with its
# one audit entry, and the audit chain verifies.
dir=/tmp/gt-pg-faults-$$
bash $IN/../../pg/cluster.sh start $dir auto
DB=$(bash $IN/../../pg/cluster.sh url $dir)
sql() { psql "$DB" -qAtF'|' -c "$1"; }
$GT users add kt3 --role monitor --observer "team 1" --db "$DB" > monitor.tok 2>/dev/null
start() {
	$GT serve --db "$DB" --listen 127.0.0.1:0 --rate 0 2> $1.log &
	echo $! > $1.pid
	disown $!
	for i in $(seq 50); do grep -qs serving $1.log && break; sleep 0.1; done
	sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' $1.log > $1.port
}
stop_all() {
	for p in *.pid; do kill -9 $(cat $p) 2>/dev/null; done
	bash $IN/../../pg/cluster.sh stop $dir
}
trap stop_all EXIT
post() { # server id: the HTTP status (000 when there was no answer)
	curl -s -H 'Content-Type: application/json' -o /dev/null -w "%{http_code}" --max-time 20 -H "Authorization: Bearer $(cat monitor.tok)" --data-binary "{\"id\": \"$2\", \"observed\": {\"from\": \"2026-02-01T10:00:00Z\", \"to\": \"2026-02-01T10:05:00Z\"}, \"reported\": \"2026-02-01T10:20:00Z\", \"position\": {\"lon\": 37.5, \"lat\": 48.1, \"precision_m\": 300}, \"observer\": \"team 1\", \"source\": \"patrol\", \"event\": \"small_arms\", \"weapon\": \"none\", \"count\": 1, \"text\": \"$2\"}" http://127.0.0.1:$(cat $1.port)/api/v1/reports
}
after() { # file lines: waits until file has that many lines (at most 60 s)
	for i in $(seq 600); do [ -f $1 ] && [ $(wc -l < $1) -ge $2 ] && return; sleep 0.1; done
}

echo "== kill -9 a server mid-stream"
start a
start b
( after k.acks 100; kill -9 $(cat a.pid) ) & killer=$!
( for n in $(seq 300); do
	code=$(post a k$n) srv=a
	[ "$code" = 000 ] && code=$(post b k$n) srv=b
	echo "k$n $code $srv"
  done > k.acks ) & one=$!
( for n in $(seq 300); do echo "m$n $(post b m$n)"; done > m.acks ) & two=$!
wait $one $two $killer
cat k.acks m.acks | awk '$2 == 200 || $2 == 201 {n++} END {print "acknowledged: " n " of 600"}'
kill -0 $(cat a.pid) 2>/dev/null || echo "server a: gone"
awk '$3 == "b" {n++} END {print "the first client failed over to server b: " (n > 0 ? "yes" : "no")}' k.acks
sql "SELECT count(*), count(DISTINCT id) FROM reports" | awk -F'|' '{print "stored: "$1", distinct: "$2}'
sql "SELECT count(*) FROM reports r WHERE (SELECT count(*) FROM audit a WHERE a.action = 'report.submit' AND a.object = r.id) = 1" | sed 's/^/stored with exactly one audit entry: /'
$GT audit verify --db "$DB" | sed 's/[0-9]* entries/N entries/'

echo "== restart PostgreSQL mid-stream"
start c
( after p.acks 100; bash $IN/../../pg/cluster.sh restart $dir ) & restarter=$!
for n in $(seq 300); do
	for try in $(seq 150); do
		code=$(post c p$n)
		echo $code >> p.codes
		case $code in 503|000) sleep 0.2 ;; *) break ;; esac
	done
	echo "p$n $code"
done > p.acks
wait $restarter
awk '$2 == 200 || $2 == 201 {n++} END {print "acknowledged: " n " of 300"}' p.acks
grep -q 503 p.codes && echo "answered 503 while PostgreSQL was down: yes"
grep -v '^\(200\|201\|503\|000\)$' p.codes | sort | uniq -c | sed 's/^/other answers: /'
echo "server b, idle through the restart: $(post b after-restart)"
sql "SELECT count(*), count(DISTINCT id) FROM reports" | awk -F'|' '{print "stored: "$1", distinct: "$2}'
sql "SELECT count(*) FROM reports r WHERE (SELECT count(*) FROM audit a WHERE a.action = 'report.submit' AND a.object = r.id) = 1" | sed 's/^/stored with exactly one audit entry: /'
$GT audit verify --db "$DB" | sed 's/[0-9]* entries/N entries/'
