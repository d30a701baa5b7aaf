# One at a time: the swing of each assumption, widest first, and the tornado
# chart; then Latin-hypercube rank correlations; then bad input.
$GT sensitivity --option full-line --runs 400 --years 2 --out charts | head -8
grep -c '<svg' charts/tornado.svg
$GT sensitivity --option full-line --runs 300 --years 2 --method lhs --samples 8 --format csv | head -4
$GT sensitivity --method best; echo "rc=$?"
$GT sensitivity --method lhs --samples 2; echo "rc=$?"
$GT sensitivity --option nosuch; echo "rc=$?"
