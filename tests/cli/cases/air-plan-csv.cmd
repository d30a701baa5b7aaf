# One row per option with air elements: totals, coverage, reaction, exposure.
$GT air --format csv
