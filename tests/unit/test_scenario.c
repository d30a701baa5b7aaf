/* test_scenario.c: loading scenarios, sectorisation, the built-in
 * scenario and its export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "guarantor/geo.h"
#include "guarantor/scenario.h"
#include "testutil.h"

static struct gt_scenario *load_text(const char *yaml)
{
	struct gt_scenario *s = NULL;
	struct gt_err err;
	enum gt_status st = gt_scenario_load_text(yaml, strlen(yaml), "mini.yaml", GT_TEST_DATA,
						  &s, &err);
	if (st != GT_OK) {
		char buf[1400];
		fail_msg("load failed: %s", gt_err_format(&err, buf, sizeof(buf)));
	}
	return s;
}

static void mini_loads(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof(path), "%s/mini.yaml", GT_TEST_DATA);
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_file(path, &s, &err), GT_OK);
	assert_string_equal(s->name, "mini");
	assert_string_equal(s->theatre.defended, "ZZ");
	assert_int_equal(s->theatre.lines[0].path.n, 3);
	assert_true(fabs(s->theatre.lines[0].km - 111.319491) < 1e-5);
	assert_int_equal(s->theatre.nplaces, 4);
	assert_int_equal(s->noptions, 3);
	assert_int_equal(s->nmembers, 1);
	const struct gt_option *o = &s->options[0];
	assert_int_equal(o->posture, GT_POSTURE_LINE);
	assert_int_equal(o->nsectors, 2);
	assert_int_equal(o->ngarrisons, 1);
	assert_true(fabs(o->garrisons[0].at.lon - 0.5) < 1e-12);
	assert_int_equal(o->patrol_stations, 2);
	assert_string_equal(o->backstop_provider, "ZY");
	assert_true(s->options[2].monitors == 50);
	gt_scenario_free(s);
}

/* Automatic split: n = round(L / length) equal sectors; classes from the
 * zone holding each sector's midpoint. */
static void auto_sectors(void **state)
{
	(void)state;
	char *yaml = tu_read("mini.yaml");
	struct gt_scenario *s = load_text(yaml);
	double L = 111.319491;
	assert_int_equal(s->nsectors, 2); /* round(111.3 / 50) = 2 */
	assert_true(fabs(s->sectors[0].to_km - L / 2) < 1e-5);
	assert_int_equal(s->sectors[0].terrain, GT_TERRAIN_RIVER); /* midpoint 27.8 in 0-30 */
	assert_int_equal(s->sectors[0].threat, GT_THREAT_MEDIUM);
	assert_int_equal(s->sectors[1].terrain, GT_TERRAIN_OPEN); /* the default */
	assert_int_equal(s->sectors[1].threat, GT_THREAT_HIGH);
	assert_string_equal(s->sectors[0].name, "S1");
	assert_string_equal(s->sectors[0].near, "West end");
	assert_string_equal(s->sectors[1].near, "East end");
	gt_scenario_free(s);

	/* 10 km sectors: round(11.13) = 11 of 10.12 km; zones by vertex name */
	char *y2 = tu_replace(yaml, "length_km: 50", "length_km: 10");
	char *y3 = tu_replace(y2, "{from: 0, to: 30,", "{from: West end, to: 30,");
	s = load_text(y3);
	assert_int_equal(s->nsectors, 11);
	assert_true(s->sectors[10].to_km == s->theatre.lines[0].km);
	assert_int_equal(s->sectors[2].terrain, GT_TERRAIN_RIVER); /* mid 25.3 */
	assert_int_equal(s->sectors[3].terrain, GT_TERRAIN_OPEN);  /* mid 35.4 */
	gt_scenario_free(s);
	free(y3);
	free(y2);
	free(yaml);
}

static void manual_sectors(void **state)
{
	(void)state;
	char *yaml = tu_read("mini.yaml");
	char *y2 = tu_replace(yaml,
			      "  mode: auto\n  length_km: 50\n  default: {terrain: open, threat: high}\n"
			      "  zones:\n    - {from: 0, to: 30, terrain: river, threat: medium}\n",
			      "  mode: manual\n  list:\n"
			      "    - {name: West, from: 0, to: 40, terrain: urban, threat: low}\n"
			      "    - {name: East, from: 40, to: end, terrain: forest, threat: high}\n");
	struct gt_scenario *s = load_text(y2);
	assert_int_equal(s->nsectors, 2);
	assert_string_equal(s->sectors[0].name, "West");
	assert_true(s->sectors[0].to_km == 40);
	assert_int_equal(s->sectors[1].terrain, GT_TERRAIN_FOREST);
	assert_true(fabs(s->sectors[1].to_km - 111.319491) < 1e-5);
	gt_scenario_free(s);
	free(y2);
	free(yaml);
}

static void builtin_loads_and_exports(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	assert_string_equal(s->name, "ukraine-2025");
	assert_string_equal(s->theatre.defended, "UA");
	assert_true(s->theatre.lines[0].path.n >= 30);
	assert_true(s->noptions >= 5);
	assert_true(s->nmembers >= 25);
	/* sectors tile the line */
	assert_true(s->sectors[0].from_km == 0);
	for (size_t i = 1; i < s->nsectors; i++)
		assert_true(s->sectors[i].from_km == s->sectors[i - 1].to_km);
	assert_true(s->sectors[s->nsectors - 1].to_km == s->theatre.lines[0].km);
	gt_scenario_free(s);

	/* The exported YAML loads on its own from any folder. */
	size_t len;
	const char *yaml = gt_scenario_builtin_yaml(&len);
	assert_int_equal(gt_scenario_load_text(yaml, len, "exported.yaml", "/nonexistent", &s,
					       &err),
			 GT_OK);
	gt_scenario_free(s);
	const char *gj = gt_scenario_builtin_geojson(&len);
	assert_true(len > 1000 && gj[0] == '{');
}

/* got within rel (relative) of want */
static void assert_within(double got, double want, double rel)
{
	if (fabs(got - want) > rel * fabs(want))
		fail_msg("got %.6f, want %.6f within %.4f%%", got, want, rel * 100);
}

static bool held_at(const struct gt_scenario *s, double lon, double lat)
{
	struct gt_geo_region *r;
	assert_int_equal(gt_geo_region_new(&s->theatre.held, &r), GT_OK);
	bool in = gt_geo_region_contains(r, (struct gt_point){lon, lat});
	gt_geo_region_free(r);
	return in;
}

/* The ground held: the outline's side of the line with the cities, or the
 * side held_side names, or the outline less the occupied areas given. */
static void held_territory(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	const struct gt_theatre *th = &s->theatre;
	assert_true(th->held_km2 > 480000 && th->held_km2 < 500000);
	assert_within(th->held_km2 + gt_geo_area_km2(&th->occupied), th->outline_km2, 1e-6);
	assert_true(held_at(s, 30.52, 50.45));  /* Kyiv */
	assert_true(held_at(s, 32.62, 46.64));  /* Kherson, on the right bank */
	assert_false(held_at(s, 34.10, 45.30)); /* Crimea */
	assert_false(held_at(s, 37.80, 48.00)); /* Donetsk */
	assert_false(held_at(s, 31.55, 46.50)); /* the Kinburn spit */
	assert_non_null(strstr(th->held_label, "left"));
	gt_scenario_free(s);

	/* mini: the city with people lies north of the line, on its left */
	char *yaml = tu_read("mini.yaml");
	s = load_text(yaml);
	double all = s->theatre.outline_km2;
	assert_within(s->theatre.held_km2, all / 2, 1e-6);
	assert_true(held_at(s, 0.5, 0.5) && !held_at(s, 0.5, -0.5));
	gt_scenario_free(s);
	/* held_side turns it round */
	char *right = tu_replace(yaml, "  geometry: mini.geojson", "  geometry: mini.geojson\n  held_side: right");
	s = load_text(right);
	assert_true(!held_at(s, 0.5, 0.5) && held_at(s, 0.5, -0.5));
	assert_non_null(strstr(s->theatre.held_label, "theatre.held_side"));
	gt_scenario_free(s);
	free(right);
	char *bad = tu_replace(yaml, "  geometry: mini.geojson", "  geometry: mini.geojson\n  held_side: north");
	assert_int_equal(gt_scenario_load_text(bad, strlen(bad), "mini.yaml", GT_TEST_DATA, &s, &err),
	                 GT_E_SCHEMA);
	assert_string_equal(err.path, "theatre.held_side");
	free(bad);
	/* occupied areas given: the east quarter */
	char *given = tu_replace(yaml, "geometry: mini.geojson", "geometry: mini-occupied.geojson");
	s = load_text(given);
	assert_within(s->theatre.held_km2, 0.75 * all, 1e-3);
	assert_true(held_at(s, 0.5, -0.5) && !held_at(s, 1.8, 0.5));
	assert_string_equal(s->theatre.occupied_source, "test fixture: the east quarter");
	gt_scenario_free(s);
	free(given);
	free(yaml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mini_loads),
		cmocka_unit_test(auto_sectors),
		cmocka_unit_test(manual_sectors),
		cmocka_unit_test(builtin_loads_and_exports),
		cmocka_unit_test(held_territory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
