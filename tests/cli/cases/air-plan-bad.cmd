# Bad grid resolutions and formats are refused before anything is written.
$GT air --resolution 0.1; echo "rc=$?"
$GT air --resolution 5km; echo "rc=$?"
$GT air --format md; echo "rc=$?"
$GT air --out /nonexistent/dir --option air-sea-umbrella; echo "rc=$?"
