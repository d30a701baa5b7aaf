# Bad counts, an unknown option, a scenario without a simulation section.
$GT simulate --runs 0; echo "rc=$?"
$GT simulate --years 51; echo "rc=$?"
$GT simulate --threads many; echo "rc=$?"
$GT simulate --option nosuch --runs 10; echo "rc=$?"
$GT simulate --format md; echo "rc=$?"
$GT simulate --scenario $DATA/mini.yaml; echo "rc=$?"
