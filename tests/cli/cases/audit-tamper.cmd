# Issue 16, finding 2: every attack on a SQLite store by hand, each on a
# fresh copy of one store that holds a row of every kind (populate-store.sh),
# is found by `audit verify`, which names the entry or the row (table and
# key) and exits 1 (2 when given no key for a keyed chain). The chain can be
# made to agree with edited rows only with the key: forge-chain.py, which
# rewrites it exactly as guarantor would, passes with the store's own key and
# fails without it, unkeyed, with the key's id kept, or with another key.
. $IN/populate-store.sh s.db
cat populate.codes
$GT audit verify --db s.db
cp s.db clean.db
keyid() { sed 's/key [0-9a-f]\{16\}/key ID/g'; }
attack() { # what, SQL...: on a fresh copy, then verify
	echo "# $1"
	shift
	cp clean.db t.db
	for sql in "$@"; do sqlite3 t.db "$sql"; done
	$GT audit verify --db t.db 2>&1 | keyid
	echo "exit ${PIPESTATUS[0]}"
}
attack "a report's count" "UPDATE reports SET count = 300 WHERE id = 'a1'"
attack "a report's position" "UPDATE reports SET lon = 37.9, lat = 48.2 WHERE id = 'a2'"
attack "a report deleted" "DELETE FROM reports WHERE id = 'b2'"
attack "a report forged" "INSERT INTO reports (id, digest, observed_from, observed_to, reported, received, submitted_by, lon, lat, precision_m, observer, source, event, weapon, count, text, attachments) VALUES ('forged', x'00', 1768039200, 1768039230, 1768042800, '2026-01-10T11:00:00Z', 1, 37.7, 48.0, 200, 'team 9', 'patrol', 'explosion', 'artillery', 90, '', '')"
attack "an event's status" "UPDATE events SET status = 'rejected' WHERE id = 1"
attack "a breach's status" "UPDATE breaches SET status = 'dismissed' WHERE id = 1"
attack "a breach's evidence" "DELETE FROM breach_events WHERE event = 2"
attack "a vote flipped" "UPDATE votes SET approve = 1 WHERE proposal = 1 AND member = 'FR'"
attack "a vote forged" "INSERT INTO votes VALUES (1, 'DE', 1, 1768042800, 'berlin')"
attack "a vote for no proposal" "INSERT INTO votes VALUES (99, 'GB', 1, 1768042800, 'london')"
attack "a proposal's outcome" "UPDATE proposals SET state = 'approved' WHERE id = 1"
attack "a monitor made analyst" "UPDATE users SET role = 'analyst' WHERE name = 'kt3'"
attack "a monitor's observers widened" "UPDATE users SET observers = 'team 1' || char(10) || 'team 2' WHERE name = 'kt3'"
attack "a revoked user back" "UPDATE users SET revoked = NULL WHERE name = 'old'"
attack "a member's government" "UPDATE users SET member = 'DE' WHERE name = 'paris'"
attack "a user forged" "INSERT INTO users (name, role, member, token_hash, created) SELECT 'mallory', 'commander', '', token_hash, created FROM users WHERE name = 'gen'"
attack "a token's hash swapped" "UPDATE users SET token_hash = (SELECT token_hash FROM users WHERE name = 'gen') WHERE name = 'desk'"
attack "the audit log emptied" "DELETE FROM audit"
attack "the log and its bindings emptied" "DELETE FROM audit" "DELETE FROM audit_rows"
attack "everything emptied" "DELETE FROM audit" "DELETE FROM audit_rows" "DELETE FROM votes" "DELETE FROM proposals" "DELETE FROM breach_events" "DELETE FROM breaches" "UPDATE reports SET event_id = NULL" "DELETE FROM events" "DELETE FROM reports" "DELETE FROM users"
attack "an entry deleted" "DELETE FROM audit WHERE seq = 5"
attack "an entry's detail" "UPDATE audit SET detail = 'role=commander member=' WHERE seq = 1"
attack "a binding deleted" "DELETE FROM audit_rows WHERE tbl = 'users' AND id = 1"
attack "a binding to no entry" "INSERT INTO audit_rows VALUES (99, 'users', 1, x'00')"
attack "the last entry cut, and the rows it bound" "DELETE FROM audit WHERE seq = 23" "DELETE FROM audit_rows WHERE seq = 23"
echo '# the last decision undone: its entry and bindings cut, the rows it wrote put back as they'
echo '# were before it; the chain left is whole, and only the head a daily report published finds it'
head=$(sqlite3 clean.db "SELECT seq || ':' || lower(hex(hash)) FROM audit ORDER BY seq DESC LIMIT 1")
cp clean.db t.db
sqlite3 t.db "DELETE FROM audit WHERE seq = 23" "DELETE FROM audit_rows WHERE seq = 23" \
	"UPDATE proposals SET state = 'pending', decided = NULL WHERE id = 2" "UPDATE breaches SET status = 'open' WHERE id = 1"
$GT audit verify --db t.db; echo "exit $?"
$GT audit verify --db t.db --head "$head" 2>&1; echo "exit $?"
echo '# the chain rewritten to fit an edited report'
forge() { # what, key: the report edited, the chain rewritten with key
	echo "# $1"
	cp clean.db t.db
	sqlite3 t.db "UPDATE reports SET count = 300 WHERE id = 'a1'"
	python3 $IN/forge-chain.py t.db "${@:2}"
	$GT audit verify --db t.db 2>&1 | keyid
	echo "exit ${PIPESTATUS[0]}"
}
forge "with the store's own key (what only the key's holder can do)" "$GT_AUDIT_KEY"
forge "unkeyed, as the old chain was" none
forge "unkeyed, each entry still naming the key" none --keep-key-id
$GT audit keygen --audit-key attacker.key > /dev/null
forge "with a key of the attacker's own" attacker.key
echo '# without the key, verify checks nothing of a keyed chain, and says so'
$GT audit verify --db clean.db --no-audit-key 2>&1 | keyid; echo "exit ${PIPESTATUS[0]}"
echo '# an unkeyed forgery, verified without a key: consistent, and said to prove nothing'
cp clean.db t.db
sqlite3 t.db "UPDATE reports SET count = 300 WHERE id = 'a1'"
python3 $IN/forge-chain.py t.db none
$GT audit verify --db t.db --no-audit-key; echo "exit $?"
