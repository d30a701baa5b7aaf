# Commands that only read (audit verify, daily, users list) never write the
# store: a zero-length file, a file that is not a store, a missing one and a
# store of an older schema are each refused with a non-zero exit, and the
# file is left byte for byte as it was (no schema written into it).
: > empty.db
printf 'SQLite format 3\0 but not really a database; just text to be read as one\n' > junk.db
sqlite3 old.db < $DATA/store-v4.sql
sha256sum empty.db junk.db old.db > before.txt
for db in empty.db junk.db old.db missing.db; do
	echo "# $db"
	$GT audit verify --db $db; echo "exit $?"
	$GT daily --db $db --day 2026-01-10 > /dev/null; echo "exit $?"
	$GT users list --db $db; echo "exit $?"
done
sha256sum -c --quiet before.txt && echo "unchanged: empty.db junk.db old.db"
ls
