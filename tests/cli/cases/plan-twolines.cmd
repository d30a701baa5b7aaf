# A third theatre end to end (tests/data/twolines.yaml): two separate lines
# of contact around occupied areas inside the outline, the country's own
# air bases only, no city 100 km from either line. Every option that can
# be planned is; the one that cannot is said, with its field (exit 3).
$GT plan --scenario $IN/../../data/twolines.yaml --runs 2000 --out out
echo "exit $?"
python3 - <<'PY'
import json
r = json.load(open('out/results.json'))
lines = r['scenario']['lines']
print([(l['name'], l['role'], l['km'], l['sectors']) for l in lines])
assert [o['name'] for o in r['options']] == ['observers', 'line-force']
print('infeasible:', [(o['name'], o['field']) for o in r['infeasible']])
for o in r['options']:
    per = {l['line']: (l['monitors'], l['monitors_per_km']) for l in o['lines']}
    for l in lines:
        assert abs(per[l['name']][0] - 1.7 * l['km']) <= 1, (o['name'], per)
    print(o['name'], per)
for a in r['air']:
    assert a['standoff_km'] < a['standoff_wanted_km'] == 250, a
    print(a['name'], 'stand-off', a['standoff_km'], 'of', a['standoff_wanted_km'])
    for p in a['posts']:
        assert 'over_occupied_ground' not in p['flags'], p
s = r['simulation']
for o in s['options']:
    print(o['name'], 'monitors per 100 km', o['monitors_per_100km'])
PY
grep -o 'lines, 313 km in all[^.]*' out/brief.html
grep -o 'cannot be planned here</b>' out/brief.html
grep -o 'the default stand-off of 250 km[^<]*' out/brief.html
