# Too many stations for the cities behind the standoff; an unknown type.
sed -e 's|geometry: builtin:ukraine-2025|geometry: builtin:ukraine-2025|' > /dev/null < /dev/null
$GT scenario export | sed 's|    air: {patrol_stations: 4, aew_orbits: 1, refuelling: true}   # assumption: an air component of the "medium" size IISS describes|    air: {patrol_stations: 40, aew_orbits: 1}|' > many.yaml
$GT air --scenario many.yaml --option uk-france-30k; echo "rc=$?"
$GT scenario export | sed 's|    air: {patrol_stations: 4, aew_orbits: 1, refuelling: true}   # assumption: an air component of the "medium" size IISS describes|    air: {patrol_stations: 4, aew_orbits: 1, fighter: Spitfire}|' > type.yaml
$GT air --scenario type.yaml --option uk-france-30k; echo "rc=$?"
$GT air --option nosuch; echo "rc=$?"
