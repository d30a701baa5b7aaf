# A scenario names its own aircraft catalogue (theatre.aircraft): the same
# F-16C flown at 0.4 sustained sorties a day instead of 0.8 needs twice the
# fighters, in `air` and in `size` alike; a bad catalogue is named by file,
# line and column.
$GT scenario export --aircraft > aircraft.csv
sed 's/^F-16C,fighter,500,2.5,5,0.72,3.0,0.8,/F-16C,fighter,500,2.5,5,0.72,3.0,0.4,/' aircraft.csv > slow.csv
$GT scenario export | sed 's|  geometry: builtin:ukraine-2025|  geometry: builtin:ukraine-2025\n  aircraft: slow.csv|' > slow.yaml
$GT air --option uk-france-30k | grep total
$GT air --option uk-france-30k --scenario slow.yaml | grep total
$GT size --scenario slow.yaml | grep uk-france-30k
sed 's/^F-16C,fighter,500,/F-16C,fighter,fast,/' aircraft.csv > bad.csv
$GT scenario export | sed 's|  geometry: builtin:ukraine-2025|  geometry: builtin:ukraine-2025\n  aircraft: bad.csv|' > bad.yaml
$GT size --scenario bad.yaml; echo "rc=$?"
$GT scenario export | sed 's|  geometry: builtin:ukraine-2025|  geometry: builtin:ukraine-2025\n  aircraft: none.csv|' > none.yaml
$GT air --scenario none.yaml; echo "rc=$?"
# A fighter without refuelled endurance cannot fly an option planned with
# refuelling: the catalogue's gap is named, not "no base can hold it".
sed 's/^F-16C,fighter,500,2.5,5,/F-16C,fighter,500,2.5,,/' aircraft.csv > noaar.csv
$GT scenario export | sed 's|  geometry: builtin:ukraine-2025|  geometry: builtin:ukraine-2025\n  aircraft: noaar.csv|' > noaar.yaml
$GT air --scenario noaar.yaml --option uk-france-30k; echo "rc=$?"
