# Two lines: each with its length and its sectors, numbered through both.
$GT scenario check --scenario $IN/../../data/twolines.yaml
