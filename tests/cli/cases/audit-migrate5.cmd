# A store of schema 5 (tests/data/store-v5.sql: one monitor reporting as
# two observers, two grade B events and a breach, an unkeyed chain) moves
# to schema 6 only if it verifies: the move binds every row anew, so a row
# edited while it was at schema 5 would be sealed into the chain. Edited,
# it is refused and left at schema 5; as it was, it moves: kt3 reports as
# the observers its reports named, its events are regraded by accounts
# (one: grade C), the breach they opened stands, and the chain verifies.
sqlite3 s.db < $DATA/store-v5.sql
cp s.db clean.db
echo '# edited at schema 5'
sqlite3 s.db "UPDATE reports SET count = 3000 WHERE id = 'a1'"
$GT users add desk2 --role analyst --db s.db; echo "exit $?"
sqlite3 s.db "PRAGMA user_version"
echo '# as it was'
cp clean.db s.db
$GT users add desk2 --role analyst --db s.db > /dev/null; echo "exit $?"
sqlite3 s.db "PRAGMA user_version" "SELECT name, replace(observers, char(10), ', ') FROM users WHERE role = 'monitor'" "SELECT id, observers, accounts, grade FROM events" "SELECT id, status FROM breaches" "SELECT seq, actor, action, object FROM audit WHERE seq > 8"
$GT audit verify --db s.db | sed 's/key [0-9a-f]\{16\}/key ID/g'; echo "exit ${PIPESTATUS[0]}"
echo '# report ids scoped per account after the move'
sqlite3 s.db "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%UNIQUE (submitted_by, id)%'"
