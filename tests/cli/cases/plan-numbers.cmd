# One set of numbers: every total the brief shows for an option agrees
# with results.json and with the other sections that show it.
$GT plan --runs 1000 --out out > summary.txt
python3 - <<'PY'
import json, re
r = json.load(open('out/results.json'))
html = open('out/brief.html').read()
num = lambda s: int(re.sub(r'[^0-9]', '', s))
def rows(table):
    out = []
    for tr in re.findall(r'<tr>(.*?)</tr>', table, re.S):
        cells = [re.sub(r'<[^>]+>', '', c).strip() for c in re.findall(r'<td[^>]*>(.*?)</td>', tr, re.S)]
        if cells:
            out.append(cells)
    return out
side = rows(re.search(r'<table class=side>(.*?)</table>', html, re.S).group(1))
who = html[html.index('<h2>Who supplies what'):]
supply = rows(re.search(r'<table>(.*?)</table>', who, re.S).group(1))
summary = open('summary.txt').read()
opts, raised = r['options'], r['raised']
sim = {o['name']: o for o in r['simulation']['options']}
other = {o['name']: o for o in r['simulation']['other_basis']}
assert side[0][0] == 'No guarantee (reference)'
for i, o in enumerate(opts):
    need, got = o['deployed'], raised[i]['deployed']
    assert num(side[i + 1][1]) == need and num(side[i + 1][2]) == got, (o['name'], side[i + 1])
    assert num(supply[i][2]) == need and num(supply[i][3]) == got, (o['name'], supply[i])
    assert num(supply[i][4]) == need - got
    line = re.search(r'^\s*%s\s+([\d,]+) required,\s+([\d,]+) raised,\s+([\d,]+) short' % o['name'],
                     summary, re.M)
    assert line and [num(x) for x in line.groups()] == [need, got, need - got], o['name']
    assert sim[o['name']]['troops'] == raised[i]['ground']
    assert other[o['name']]['troops'] == o['breakdown']['ground']
    assert sim[o['name']]['voters'] == raised[i]['voters']
    print('%-18s required %7d, raised %7d: the same in every section' % (o['name'], need, got))
PY
