#!/usr/bin/env bash
# Correlation against PostGIS on the same points (`make bench`): the
# synthetic reports of bench_correlate (1,000,000 by default), each at the
# position the correlation estimates for it, clustered by
# ST_ClusterDBSCAN with the correlation's radius (minpoints 1), partitioned
# by event type and by time window, in a throwaway PostgreSQL cluster with
# PostGIS. The two do not define an event quite alike (the correlation
# also weighs each report's uncertainty, weapons and overlapping windows),
# so the counts differ a little; the work is the same: every point's
# neighbours within a radius, grouped. Times the query alone, the points
# already loaded and indexed. Skipped where PostGIS is not installed.
set -eu
build=${1:-build}
n=${2:-1000000}
here=$(cd "$(dirname "$0")/.." && pwd)
if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
	echo "bench/correlate-postgis.sh: PostGIS is not installed (scripts/setup-deps.sh installs it); skipped"
	exit 0
fi
tmp=$(mktemp -d)
chmod 755 "$tmp" # PostgreSQL's server, run as postgres, reads the points from here
pgdir=/tmp/gt-pg-dbscan-$$
trap 'bash "$here/tests/pg/cluster.sh" stop "$pgdir"; rm -rf "$tmp"' EXIT
"./$build/bench_correlate" "$n" --points "$tmp/points.csv" > "$tmp/ours.txt"
ours=$(sed -n 's/^seconds: //p' "$tmp/ours.txt")
events=$(sed -n 's/.*events found: \([0-9]*\);.*/\1/p' "$tmp/ours.txt")
bash "$here/tests/pg/cluster.sh" start "$pgdir" auto postgis
db=$(bash "$here/tests/pg/cluster.sh" url "$pgdir" gis)
radius=$("./$build/guarantor" scenario export | awk '/^  correlation:/ {c = 1} c && /radius_km:/ {print $2; exit}')
window=$("./$build/guarantor" scenario export | awk '/^  correlation:/ {c = 1} c && /window_minutes:/ {print $2; exit}')
psql "$db" -qAt -v ON_ERROR_STOP=1 <<SQL > "$tmp/pg.txt"
CREATE TABLE pts (lon double precision, lat double precision, t bigint, type int, r double precision);
\copy pts FROM '$tmp/points.csv' WITH (FORMAT csv)
-- metres in UTM zone 37N, which the line lies across
ALTER TABLE pts ADD COLUMN geom geometry(Point, 32637);
UPDATE pts SET geom = ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 32637);
CREATE INDEX ON pts USING gist (geom);
ANALYZE pts;
\timing on
SELECT count(*) FROM (SELECT DISTINCT type, t / ($window * 60)::bigint AS w,
  ST_ClusterDBSCAN(geom, eps => $radius * 1000, minpoints => 1)
    OVER (PARTITION BY type, t / ($window * 60)::bigint) AS c FROM pts) e;
SQL
clusters=$(sed -n '1p' "$tmp/pg.txt")
ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$tmp/pg.txt" | tail -n 1)
theirs=$(echo "$ms / 1000" | bc -l)
printf '%-60s %10.3f s  %8d events\n' "gt_correlate, $n reports" "$ours" "$events"
printf '%-60s %10.3f s  %8d clusters\n' "  baseline: PostGIS ST_ClusterDBSCAN, same points" "$theirs" "$clusters"
echo "$ours $theirs" | awk '{printf "%-60s %9.1fx\n", "  ratio (PostGIS time / ours)", $2 / $1}'
printf 'clustering %s reports in space and time\t%s\tms\tPostGIS ST_ClusterDBSCAN, same points\t%s\n' \
		"$n" "$(echo "$ours * 1000" | bc -l)" "$(echo "$theirs * 1000" | bc -l)" >> "${GT_BENCH_TABLE:-/dev/null}"
exit 0
