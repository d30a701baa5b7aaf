# Sizing per line: monitors on each line; the option that cannot be
# planned is listed with its field and reason, and the exit status is 3.
$GT size --scenario $IN/../../data/twolines.yaml
