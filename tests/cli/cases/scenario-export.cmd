# The exported scenario and geometry load again, from any folder.
$GT scenario export > my.yaml
$GT scenario export --geometry > my.geojson
sed 's|geometry: builtin:ukraine-2025|geometry: my.geojson|' my.yaml > edited.yaml
$GT scenario check --scenario my.yaml
$GT scenario check --scenario edited.yaml | head -3
cmp <($GT size --scenario my.yaml) <($GT size --scenario edited.yaml) && echo same sizing
