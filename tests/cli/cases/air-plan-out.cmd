# --out writes each option's GeoJSON and map; the features by kind.
$GT air --option air-sea-umbrella --resolution 10 --out maps > table.txt
ls maps
grep -o '"kind":"[a-z_]*"' maps/air-air-sea-umbrella.geojson | sort | uniq -c
grep -c '<svg' maps/air-air-sea-umbrella.svg
grep 'reaction' table.txt
