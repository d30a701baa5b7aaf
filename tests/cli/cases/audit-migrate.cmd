# A store of schema 4 (tests/data/store-v4.sql: an unkeyed chain that bound
# no rows) moves to schema 6 the first time a command writes to it with the
# key: one entry, audit.rebind, binds every row as it stood, keyed, and seals
# the old entries before it. Its monitor kt3 now reports as the observers
# its reports named, and its events, corroborated by one account, grade C. From then on its rows are held to the chain:
# an old row edited is found and named, and so is an old entry edited.
keyid() { sed 's/key [0-9a-f]\{16\}/key ID/g'; }
sqlite3 s.db < $DATA/store-v4.sql
$GT audit verify --db s.db; echo "exit $?"
$GT users add desk2 --role analyst --db s.db > /dev/null; echo "exit $?"
sqlite3 s.db "PRAGMA user_version" "SELECT seq, actor, action, object, detail, form, key_id IS NOT NULL FROM audit WHERE seq > 22"
sqlite3 s.db "SELECT tbl, count(*) FROM audit_rows WHERE seq = 24 GROUP BY tbl"
sqlite3 s.db "SELECT name, replace(observers, char(10), ', ') FROM users WHERE role = 'monitor'" "SELECT id, observers, accounts, grade FROM events"
$GT audit verify --db s.db; echo "exit $?"
$GT audit verify --db s.db --no-audit-key 2>&1 | keyid; echo "exit ${PIPESTATUS[0]}"
cp s.db clean.db
echo '# an old row edited'
sqlite3 s.db "UPDATE reports SET count = 3 WHERE id = 'b1'"
$GT audit verify --db s.db; echo "exit $?"
echo '# an old entry edited'
cp clean.db s.db
sqlite3 s.db "UPDATE audit SET detail = 'role=commander member=' WHERE seq = 2"
$GT audit verify --db s.db; echo "exit $?"
echo '# rows bound to an old entry, which covers none'
cp clean.db s.db
sqlite3 s.db "INSERT INTO users (name, role, member, token_hash, created) VALUES ('mallory', 'commander', '', 'x', '2026-01-10T00:00:00Z')" "INSERT INTO audit_rows VALUES (3, 'users', 9, NULL)"
$GT audit verify --db s.db; echo "exit $?"
