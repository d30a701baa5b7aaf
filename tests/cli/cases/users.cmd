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
# Observers: the names a monitor reports as (its own by default)
$GT users add kt4 --role monitor --observer "team 4" --observer "post 9" --db m.db > /dev/null
$GT users observers kt4 --observer "team 4" --observer "camera 2" --db m.db
$GT users list --db m.db | sed 's/[0-9-]*T[0-9:]*Z/<time>/' | grep kt4
$GT users observers kt4 --db m.db; echo "rc=$?"
$GT users observers kt4 --observer "team 4" --observer "team 4" --db m.db; echo "rc=$?"
$GT users add kt6 --role monitor --observer "team 6" --observer "team 6" --db m.db; echo "rc=$?"
$GT users observers paris --observer "team 5" --db m.db; echo "rc=$?"
$GT users observers kyiv-team-3 --observer "team 5" --db m.db; echo "rc=$?"
$GT users add desk --role analyst --observer "team 6" --db m.db; echo "rc=$?"
$GT users add kt5 --role monitor --observer " team" --db m.db; echo "rc=$?"
$GT audit verify --db m.db
