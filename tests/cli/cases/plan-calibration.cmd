# Words that follow the parameters (issue 26): the brief says "calibrated
# so that" only of the built-in calibration unchanged; with one parameter
# changed it lists that one, its built-in value and the value used, in the
# brief and in results.json.
$GT plan --runs 200 --out builtin > /dev/null
$GT scenario export | sed 's/^  resolve: 0.85 /  resolve: 0.7  /' > changed.yaml
$GT plan --scenario changed.yaml --runs 200 --out changed > /dev/null
python3 - <<'PY'
import json, re
for d in ('builtin', 'changed'):
    html = open(d + '/brief.html').read()
    r = json.load(open(d + '/results.json'))
    print(d, 'calibrated so that:', html.count('calibrated so that'))
    print(d, 'differs_from_calibration:', r['simulation']['differs_from_calibration'])
    table = re.search(r'<table class=calibration>(.*?)</table>', html, re.S)
    for tr in re.findall(r'<tr>(.*?)</tr>', table.group(1) if table else '', re.S):
        print(d, ' | '.join(re.sub(r'<[^>]+>', '', c) for c in re.findall(r'<t[dh][^>]*>(.*?)</t[dh]>', tr)))
    note = re.search(r'<h3>Assumptions behind these figures</h3>.*?<p class=note>(.*?)</p>', html, re.S)
    print(d, 'note:', re.sub(r'<[^>]+>', '', note.group(1)))
PY
