# Stations placed by the scenario: one or three over Kherson put the AEW
# orbit over the same allied base, the one nearest the stations (P3); a
# position and a chosen base; sam_range_km 0 leaves nothing exposed.
line='    air: {patrol_stations: 4, aew_orbits: 1, refuelling: true}   # assumption: an air component of the "medium" size IISS describes'
$GT scenario export | sed "s|$line|    air: {stations: [{at: Kherson}], aew_orbits: 1, refuelling: true}|" > one.yaml
$GT scenario export | sed "s|$line|    air: {stations: [{at: Kherson}, {at: Kherson}, {at: Kherson}], aew_orbits: 1, refuelling: true}|" > three.yaml
$GT air --scenario one.yaml --option uk-france-30k | grep -E 'AEW|placed|places'
$GT air --scenario three.yaml --option uk-france-30k | grep -E 'AEW'
$GT scenario export | sed "s|$line|    air: {stations: [{at: [30.5, 50.0], base: Rzeszów-Jasionka}], aew_orbits: 1, refuelling: true}|" | sed 's/    sam_range_km: 200/    sam_range_km: 0/' > pos.yaml
$GT air --scenario pos.yaml --option uk-france-30k | grep -E 'CAP|exposure'
