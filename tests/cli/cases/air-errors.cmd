# Stations out of reach, unknown aircraft or places: precise errors, exit 2.
$GT air --aircraft Gripen\ C --base Poznań --at Kharkiv; echo "rc=$?"
$GT air --aircraft B-52 --base Rzeszów --at Kyiv; echo "rc=$?"
$GT air --aircraft F-16C --base M --at Kyiv; echo "rc=$?"
$GT air --aircraft F-16C --base Rzeszów --at Atlantis; echo "rc=$?"
$GT air --aircraft F-16C --base Rzeszów; echo "rc=$?"
