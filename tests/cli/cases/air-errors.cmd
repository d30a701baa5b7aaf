# Stations out of reach, unknown aircraft or places: precise errors, exit 2.
$GT air --aircraft Gripen\ C --base Poznań --at Kharkiv; echo "rc=$?"
$GT air --aircraft B-52 --base Rzeszów --at Kyiv; echo "rc=$?"
$GT air --aircraft F-16C --base M --at Kyiv; echo "rc=$?"
$GT air --aircraft F-16C --base Rzeszów --at Atlantis; echo "rc=$?"
$GT air --aircraft F-16C --base Rzeszów; echo "rc=$?"
$GT air --aircraft F-16C --base 12.6,46.0junk --at Kyiv; echo "rc=$?"
$GT air --aircraft F-16C --base Rzeszów --at 30.5,95; echo "rc=$?"
# A base outside the scenario, given as a position (Aviano, for Deny Flight).
$GT air --aircraft F-16C --base 12.596,46.032 --at 17.9,44.2 --aar --format json
