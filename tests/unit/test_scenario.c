/* test_scenario.c: loading scenarios, sectorisation, the built-in
 * scenario and its export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

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
	assert_int_equal(s->theatre.line.n, 3);
	assert_true(fabs(s->theatre.line_km - 111.319491) < 1e-5);
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
	assert_true(s->sectors[10].to_km == s->theatre.line_km);
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
	assert_true(s->theatre.line.n >= 30);
	assert_true(s->noptions >= 5);
	assert_true(s->nmembers >= 25);
	/* sectors tile the line */
	assert_true(s->sectors[0].from_km == 0);
	for (size_t i = 1; i < s->nsectors; i++)
		assert_true(s->sectors[i].from_km == s->sectors[i - 1].to_km);
	assert_true(s->sectors[s->nsectors - 1].to_km == s->theatre.line_km);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mini_loads),
		cmocka_unit_test(auto_sectors),
		cmocka_unit_test(manual_sectors),
		cmocka_unit_test(builtin_loads_and_exports),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
