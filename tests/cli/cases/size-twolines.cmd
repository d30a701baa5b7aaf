# Sizing per line: monitors on each line; the option that cannot be
# planned is listed with its field and reason, and the exit status is 3.
$GT size --scenario $IN/../../data/twolines.yaml
echo "exit $?"
# the same in Markdown: each line, and the option that cannot be planned
$GT size --scenario $IN/../../data/twolines.yaml --format md
