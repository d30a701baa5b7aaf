# docs/scenario.md, "A second line": the built-in scenario with the border
# with Belarus as a line to watch. The line of contact keeps its sectors and
# troops; the border gets its own sectors and a quarter of the monitors' density.
$GT scenario export > ua.yaml
$GT scenario export --geometry > ua.geojson
python3 - "$DATA/belarus-border.geojson" <<'PY'
import json, sys
geo = json.load(open('ua.geojson'))
geo['features'] += json.load(open(sys.argv[1]))['features']
json.dump(geo, open('ua.geojson', 'w'))
yaml = open('ua.yaml').read().replace('geometry: builtin:ukraine-2025', 'geometry: ua.geojson')
open('ua.yaml', 'w').write(yaml)
PY
$GT scenario check --scenario ua.yaml | sed -n '3,6p'
$GT size --scenario ua.yaml | sed -n '2,4p'
$GT size --scenario ua.yaml --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
for o in r["options"]:
    print(o["name"], [(l["line"], l["covered_km"], l["monitors"], l["monitors_per_km"]) for l in o["lines"]])'
