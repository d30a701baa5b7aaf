# A second theatre end to end (tests/data/dmz.yaml): a Korea-like
# demilitarised zone about 220 km long, the defended country's own air
# bases allowed; every engine runs, and what must hold is checked.
$GT plan --scenario $IN/../../data/dmz.yaml --runs 2000 --out out
python3 - <<'PY'
import json
r = json.load(open('out/results.json'))
for a in r['air']:
    t = a['territory']
    assert t['area_km2'] < 0.5 * t['outline_km2'], t
    assert abs(a['coverage']['low']['area_km2'] - t['area_km2']) < 0.005 * t['area_km2']
    for p in a['posts']:
        if p['kind'] == 'cap':
            assert p['exposure'] <= 0.05 and 'inside_air_defences' not in p['flags'], p
    print(a['name'], 'stations', [p['name'] for p in a['posts']])
s = r['simulation']
base = s['baseline']['collapse'][-1]['p']
for o in s['options']:
    assert o['basis'] == 'raised' and o['collapse'][-1]['p'] <= base, o['name']
    assert 0 <= o['hazard_ratio_vs_baseline'] < 1
print('baseline collapses most:', base)
PY
grep -c '<img class="pic"' out/brief.html
