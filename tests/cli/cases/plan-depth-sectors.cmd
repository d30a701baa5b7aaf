# A depth posture over sectors and garrisons: the brief's summary says both.
sed -e 's|geometry: mini.geojson|geometry: '"$DATA"'/mini.geojson|' -e 's|posture: buffer|posture: depth|' $DATA/mini.yaml > depth.yaml
sed -i 's|      sectors: \[2\]|      sectors: [2]\n      garrisons:\n        - {city: Beta, troops: 300}|' depth.yaml
$GT plan --scenario depth.yaml --out out > /dev/null
grep -o 'Buffer force on the east sector</b>[^<]*' out/brief.html
