# The audit key: made once with mode 0600 and never overwritten; a key file
# missing, of the wrong size, not hex, open to others or not a file is
# refused with a precise message and a non-zero exit, from --audit-key or
# $GT_AUDIT_KEY; a command that writes needs a key (or --no-audit-key,
# which it warns of, and which verify then calls unkeyed); a keyed chain
# refuses a writer with no key or another key, and stays intact.
keyid() { sed 's/key [0-9a-f]\{16\}/key ID/g'; }
echo '# keygen'
$GT audit keygen --audit-key k.key | keyid
stat -c '%a %s' k.key
grep -c '^[0-9a-f]\{64\}$' k.key
$GT audit keygen --audit-key k.key; echo "exit $?"
$GT audit keygen --audit-key nodir/k.key; echo "exit $?"
$GT audit keygen --no-audit-key; echo "exit $?"
$GT audit keygen --audit-key k.key --head 1:00; echo "exit $?"
echo '# bad key files'
printf 'abc\n' > short.key; chmod 600 short.key
printf '%064d\nmore\n' 0 > long.key; chmod 600 long.key
printf '%064d\n' 0 | tr 0 z > nothex.key; chmod 600 nothex.key
cp k.key open.key; chmod 640 open.key
mkdir dir.key
for key in missing.key short.key long.key nothex.key open.key dir.key; do
	$GT users add kt3 --role monitor --db s.db --audit-key $key; echo "exit $?"
done
GT_AUDIT_KEY=missing.key $GT users add kt3 --role monitor --db s.db; echo "exit $?"
[ -e s.db ] || echo "no store was made"
echo '# a command that writes needs a key'
env -u GT_AUDIT_KEY $GT users add kt3 --role monitor --db s.db; echo "exit $?"
env -u GT_AUDIT_KEY $GT correlate --db s.db; echo "exit $?"
env -u GT_AUDIT_KEY $GT serve --db s.db; echo "exit $?"
$GT users add kt3 --role monitor --db s.db --audit-key k.key --no-audit-key; echo "exit $?"
echo '# a throwaway store, written without a key: verify says it proves nothing'
$GT users add kt3 --role monitor --db u.db --no-audit-key > /dev/null; echo "exit $?"
$GT audit verify --db u.db --no-audit-key; echo "exit $?"
$GT audit verify --db u.db --audit-key k.key 2>&1 | keyid; echo "exit $?"
echo '# keyed from here on: the first keyed entry seals the ones before'
$GT users add desk --role analyst --db u.db --audit-key k.key > /dev/null; echo "exit $?"
$GT audit verify --db u.db --audit-key k.key; echo "exit $?"
$GT users add press --role observer --db u.db --no-audit-key 2>&1 | keyid; echo "exit $?"
echo '# a keyed store: another key, or none, is refused; its own key works'
$GT users add kt3 --role monitor --db s.db --audit-key k.key > /dev/null; echo "exit $?"
$GT audit keygen --audit-key other.key > /dev/null
$GT users add desk --role analyst --db s.db --audit-key other.key 2>&1 | keyid; echo "exit $?"
$GT users revoke kt3 --db s.db --no-audit-key 2>&1 | keyid; echo "exit $?"
$GT correlate --db s.db --audit-key other.key 2>&1 | keyid; echo "exit $?"
GT_AUDIT_KEY=k.key $GT users revoke kt3 --db s.db; echo "exit $?"
$GT users list --db s.db --no-audit-key | cut -c1-36
$GT audit verify --db s.db --audit-key k.key; echo "exit $?"
$GT audit verify --db s.db --audit-key other.key 2>&1 | keyid; echo "exit $?"
