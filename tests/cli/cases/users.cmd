# Users of the monitoring store: tokens go to stdout once (not shown here,
# they are random); listing, revoking, the audit chain, and bad input.
$GT users add kyiv-team-3 --role monitor --db m.db > token.txt
grep -c '^gt1\.1\.' token.txt
$GT users add paris --role member --member FR --db m.db > /dev/null
$GT users revoke kyiv-team-3 --db m.db
$GT users list --db m.db | sed 's/[0-9-]*T[0-9:]*Z/<time>/'
$GT audit verify --db m.db
$GT users add paris --role analyst --db m.db; echo "rc=$?"
$GT users add rome --role member --db m.db; echo "rc=$?"
$GT users add x --role king --db m.db; echo "rc=$?"
$GT users revoke nobody --db m.db; echo "rc=$?"
$GT users dance --db m.db; echo "rc=$?"
