# Each bad switch is a usage error naming what was expected.
$GT generate --cap GB:tanks=3; echo "rc=$?"
$GT generate --cap GB:companies; echo "rc=$?"
$GT generate --lift FR:colour; echo "rc=$?"
$GT generate --without XX; echo "rc=$?"
$GT generate --option nosuch; echo "rc=$?"
$GT generate --time-limit 0; echo "rc=$?"
$GT generate --format md; echo "rc=$?"
