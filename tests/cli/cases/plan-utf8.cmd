# Non-ASCII titles go through every renderer (pictures cut text on
# character boundaries).
$GT plan --scenario $IN/utf8.yaml --out out | head -8
grep -c 'Буферні сили' out/brief.html
ls out
