# Two options, 2,000 runs over two years: the table, the same as JSON on
# one thread, and identical on two.
$GT simulate --runs 2000 --years 2 --option uk-france-30k
$GT simulate --runs 2000 --years 2 --option air-sea-umbrella --format json --threads 1 > one.json
$GT simulate --runs 2000 --years 2 --option air-sea-umbrella --format json --threads 2 > two.json
cmp one.json two.json && echo "identical on 1 and 2 threads"
head -30 one.json
$GT simulate --runs 500 --years 1 --format csv
