# The main job: summary on stdout; results.json, the brief and pictures on disk.
$GT plan --out out
ls out
head -120 out/results.json
grep -c '"schedule"' out/results.json
grep '"status"\|"shortfall_people"' out/results.json
grep -c '<img class="pic"' out/brief.html
grep -o '<h2[^>]*>[^<]*</h2>' out/brief.html | sed 's/ class=first//'
grep -c '"within_20_min"' out/results.json
grep -c '"survival_every_30_days"' out/results.json
