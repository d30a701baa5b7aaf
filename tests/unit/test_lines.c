/* test_lines.c: a theatre with several lines (docs/scenario.md, "Lines"):
 * loading them, their sectors, the monitors sizing puts on each and the
 * density the simulation sees on each, against hand computation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "guarantor/plan.h"
#include "guarantor/sim.h"
#include "guarantor/sizing.h"
#include "testutil.h"

/* mini.yaml over mini-lines.geojson: the 111.3 km test line as a front and
 * a 1.6-degree meridian on the east as a border to watch. */
static struct gt_scenario *mini_lines(void)
{
	char *yaml = tu_read("mini.yaml");
	char *a = tu_replace(yaml, "geometry: mini.geojson", "geometry: mini-lines.geojson");
	char *b = tu_replace(a, "- {from: 0, to: 30,", "- {line: Test line, from: 0, to: 30,");
	struct gt_scenario *s;
	struct gt_err err;
	enum gt_status st = gt_scenario_load_text(b, strlen(b), "mini.yaml", GT_TEST_DATA, &s, &err);
	if (st != GT_OK)
		fail_msg("%s", err.msg);
	free(yaml);
	free(a);
	free(b);
	return s;
}

/* tests/data/twolines.yaml: two fronts around occupied areas. */
static struct gt_scenario *twolines(void)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/twolines.yaml", GT_TEST_DATA);
	struct gt_scenario *s;
	struct gt_err err;
	if (gt_scenario_load_file(path, &s, &err) != GT_OK)
		fail_msg("%s", err.msg);
	return s;
}

static void two_lines_load(void **state)
{
	(void)state;
	struct gt_scenario *s = mini_lines();
	const struct gt_theatre *th = &s->theatre;
	assert_int_equal(th->nlines, 2);
	assert_string_equal(th->lines[0].name, "Test line");
	assert_int_equal(th->lines[0].role, GT_LINE_FRONT);
	assert_string_equal(th->lines[1].name, "East border");
	assert_int_equal(th->lines[1].role, GT_LINE_BORDER);
	assert_true(fabs(th->lines[0].km - 111.319491) < 1e-5);
	/* a meridian arc from 0.8 S to 0.8 N: 1.6 degrees of about 110.57 km */
	assert_true(fabs(th->lines[1].km - 176.9) < 0.2);
	assert_true(fabs(th->lines_km - th->lines[0].km - th->lines[1].km) < 1e-9);
	/* sectors of about 50 km on each line, numbered through the lines:
	 * round(111.3 / 50) = 2 and round(176.9 / 50) = 4 */
	assert_int_equal(th->lines[0].nsectors, 2);
	assert_int_equal(th->lines[1].nsectors, 4);
	assert_int_equal(th->lines[1].first_sector, 2);
	assert_int_equal(s->nsectors, 6);
	for (size_t i = 0; i < s->nsectors; i++) {
		assert_int_equal(s->sectors[i].id, (int)i + 1);
		assert_int_equal(s->sectors[i].line, i < 2 ? 0 : 1);
	}
	assert_true(s->sectors[5].to_km == th->lines[1].km);
	assert_string_equal(s->sectors[5].near, "North corner");
	/* the zone named its line; the border takes the default classes */
	assert_int_equal(s->sectors[0].terrain, GT_TERRAIN_RIVER);
	assert_int_equal(s->sectors[2].terrain, GT_TERRAIN_OPEN);
	/* `sectors: all` is every sector of every front: not the border's */
	assert_int_equal(s->options[0].nsectors, 2);
	/* the stand-off and the air defences reach from the nearest line */
	size_t which = 9;
	struct gt_point east = {1.7, 0.5};
	double km = gt_theatre_line_distance_km(th, east, &which);
	assert_int_equal(which, 1);
	assert_true(fabs(km - 11.13) < 0.1);
	gt_scenario_free(s);
}

/* Monitors per line: line-all asks 1.7 per km of a front; a border gets
 * doctrine.border.monitor_share (0.25) of that. Test line: 1.7 x 111.3195 =
 * 189.24 -> 189; East border: 0.425 x L1. Option none has 50 monitors,
 * shared by km x share: 111.3195 against 0.25 x L1, largest remainders. */
static void monitors_per_line(void **state)
{
	(void)state;
	struct gt_scenario *s = mini_lines();
	double l0 = s->theatre.lines[0].km, l1 = s->theatre.lines[1].km;
	struct gt_sizing *sz;
	struct gt_err err;
	assert_int_equal(gt_sizing_run(s, &sz, &err), GT_OK);
	const struct gt_sizing_option *all = gt_sizing_find(sz, "line-all");
	assert_int_equal(all->nlines, 2);
	assert_int_equal(all->lines[0].monitors, 189);
	assert_int_equal(all->lines[1].monitors, lround(0.425 * l1));
	assert_true(all->lines[1].monitors_per_km == 0.425);
	assert_int_equal(all->monitors, 189 + lround(0.425 * l1));
	/* line troops only on the front's covered sectors */
	assert_true(fabs(all->lines[0].covered_km - l0) < 1e-9);
	assert_true(all->lines[1].covered_km == 0 && all->lines[1].line_troops == 0);
	assert_int_equal(all->line_troops, all->lines[0].line_troops);

	const struct gt_sizing_option *none = gt_sizing_find(sz, "none");
	double w0 = l0, w1 = 0.25 * l1, exact0 = 50 * w0 / (w0 + w1), exact1 = 50 * w1 / (w0 + w1);
	long m0 = (long)floor(exact0), m1 = (long)floor(exact1);
	if (m0 + m1 < 50) {
		if (exact0 - floor(exact0) >= exact1 - floor(exact1))
			m0++;
		else
			m1++;
	}
	assert_int_equal(none->lines[0].monitors, m0);
	assert_int_equal(none->lines[1].monitors, m1);
	assert_int_equal(none->monitors, 50);
	gt_sizing_free(sz);
	gt_scenario_free(s);
}

/* The simulation's density on each line of twolines.yaml (two fronts):
 * observers put 1.7 per km on each, so monitors_l = round(1.7 L_l), the
 * density 100 monitors_l / L_l, and a probe falls on line l with
 * probability L_l / (L_0 + L_1). */
static void sim_density_per_line(void **state)
{
	(void)state;
	struct gt_scenario *s = twolines();
	struct gt_err err;
	struct gt_plan_settings set = {.stages = GT_PLAN_SIM_INPUTS, .option = "observers",
	                               .basis = GT_SIM_REQUIRED};
	struct gt_plan *pl;
	assert_int_equal(gt_plan_run(s, &set, &pl, &err), GT_OK);
	const struct gt_sim_option *in = &pl->options[0].sim_in[GT_SIM_REQUIRED];
	double l0 = s->theatre.lines[0].km, l1 = s->theatre.lines[1].km;
	long m0 = lround(1.7 * l0), m1 = lround(1.7 * l1);
	assert_int_equal(in->nlines, 2);
	assert_true(fabs(in->lines[0].monitors_per_100km - 100.0 * (double)m0 / l0) < 1e-9);
	assert_true(fabs(in->lines[1].monitors_per_100km - 100.0 * (double)m1 / l1) < 1e-9);
	assert_true(fabs(in->lines[0].share - l0 / (l0 + l1)) < 1e-12);
	assert_true(fabs(in->lines[1].share - l1 / (l0 + l1)) < 1e-12);
	assert_true(fabs(in->monitors_per_100km - 100.0 * (double)(m0 + m1) / (l0 + l1)) < 1e-9);
	/* the option that cannot be planned is set aside with its field */
	assert_int_equal(pl->sizing->ninfeasible, 1);
	assert_string_equal(pl->sizing->infeasible[0].option->name, "umbrella");
	assert_string_equal(pl->sizing->infeasible[0].why.path, "options[2].air.standoff_km");
	gt_plan_free(pl);
	gt_scenario_free(s);
}

/* Detection combines lines, not densities: half the probes on an unwatched
 * line (seen with detect_base, 0.5) and half on a densely watched one (seen
 * almost always) are seen 75% of the time; the same monitors averaged over
 * both lines would see nearly all. */
static void detection_per_line(void **state)
{
	(void)state;
	struct gt_scenario *s = twolines();
	struct gt_err err;
	struct gt_sim_option o;
	assert_int_equal(gt_sim_baseline(s, &o, &err), GT_OK);
	o.name = "two-lines";
	o.baseline = false;
	o.monitors_per_100km = 500;
	o.nlines = 2;
	o.lines[0] = (struct gt_sim_line){0.5, 0};
	o.lines[1] = (struct gt_sim_line){0.5, 1000};
	double seen[2];
	for (int k = 0; k < 2; k++) {
		struct gt_sim_counts c;
		assert_int_equal(gt_sim_counts_init(&c, 365 * 5), GT_OK);
		assert_int_equal(gt_sim_run(&s->simulation, &o, 1, 0, 2000, 2, &c, &err), GT_OK);
		double events = (double)(c.actions[GT_SIM_PROBE] + c.actions[GT_SIM_PRETEXT]);
		assert_true(events > 10000);
		seen[k] = (double)c.detected / events;
		gt_sim_counts_fini(&c);
		o.nlines = 1; /* then: one line at the average density */
	}
	if (!(fabs(seen[0] - 0.75) < 0.015))
		fail_msg("two lines: seen %.4f, expected 0.75", seen[0]);
	if (!(seen[1] > 0.999))
		fail_msg("one line at the average: seen %.4f, expected about 1", seen[1]);
	/* shares that do not add up to 1 are refused */
	o.nlines = 2;
	o.lines[1].share = 0.6;
	struct gt_sim_counts c;
	assert_int_equal(gt_sim_counts_init(&c, 365), GT_OK);
	assert_int_equal(gt_sim_run(&s->simulation, &o, 1, 0, 10, 1, &c, &err), GT_E_USAGE);
	gt_sim_counts_fini(&c);
	gt_scenario_free(s);
}

/* Writes geojson to a new temporary file (its name to file) and returns
 * mini.yaml's text with its geometry pointing there; the caller removes
 * the file and frees the text. */
static char *mini_over(const char *geojson, char file[32])
{
	snprintf(file, 32, "/tmp/gt-test-lines-XXXXXX");
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(geojson, f);
	fclose(f);
	char *yaml = tu_read("mini.yaml");
	char geometry[64];
	snprintf(geometry, sizeof(geometry), "geometry: %s", file);
	char *y = tu_replace(yaml, "geometry: mini.geojson", geometry);
	free(yaml);
	return y;
}

/* A MultiLineString is a line per part; names and places per part. */
static void multilinestring(void **state)
{
	(void)state;
	char *geo = tu_read("mini.geojson");
	char *multi = tu_replace(
		geo,
		"\"places\": [\"West end\", \"\", \"East end\"]}, \"geometry\": {\"type\": "
		"\"LineString\", \"coordinates\": [[0.2, 0], [0.7, 0], [1.2, 0]]}",
		"\"places\": [[\"West end\", \"Middle\"], [\"South\", \"North\"]]}, \"geometry\": "
		"{\"type\": \"MultiLineString\", \"coordinates\": [[[0.2, 0], [0.7, 0]], "
		"[[1.5, -0.5], [1.5, 0.5]]]}");
	char file[32];
	char *y1 = mini_over(multi, file);
	char *y2 = tu_replace(y1, "- {from: 0, to: 30,", "- {line: \"Test line, part 1\", from: 0, to: 30,");
	struct gt_scenario *s;
	struct gt_err err;
	/* with several lines, a zone must say which */
	enum gt_status st = gt_scenario_load_text(y1, strlen(y1), "mini.yaml", GT_TEST_DATA, &s,
	                                          &err);
	assert_int_equal(st, GT_E_SCHEMA);
	assert_non_null(strstr(err.msg, "missing required field 'line'"));
	st = gt_scenario_load_text(y2, strlen(y2), "mini.yaml", GT_TEST_DATA, &s, &err);
	remove(file);
	if (st != GT_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(s->theatre.nlines, 2);
	assert_string_equal(s->theatre.lines[0].name, "Test line, part 1");
	assert_string_equal(s->theatre.lines[1].name, "Test line, part 2");
	assert_string_equal(s->theatre.lines[1].places[1], "North");
	assert_true(fabs(s->theatre.lines[0].km - 111.319491 / 2) < 1e-5);
	gt_scenario_free(s);
	free(geo);
	free(multi);
	free(y1);
	free(y2);
}

/* Loads mini.yaml over mini.geojson with its line feature's properties and
 * geometry replaced by props and geom; returns the status, err filled. */
static enum gt_status load_line(const char *props, const char *geom, struct gt_err *err)
{
	char *geo = tu_read("mini.geojson");
	char feature[2048];
	snprintf(feature, sizeof(feature),
	         "{\"type\": \"Feature\", \"properties\": {\"kind\": \"line_of_contact\", %s}, "
	         "\"geometry\": %s}",
	         props, geom);
	char *edited = tu_replace(
		geo,
		"{\"type\": \"Feature\", \"properties\": {\"kind\": \"line_of_contact\", \"name\": "
		"\"Test line\", \"country\": \"ZZ\", \"as_of\": \"2025-01-01\", \"places\": [\"West end\", "
		"\"\", \"East end\"]}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[0.2, "
		"0], [0.7, 0], [1.2, 0]]}}",
		feature);
	char file[32];
	char *y = mini_over(edited, file);
	struct gt_scenario *s = NULL;
	enum gt_status st = gt_scenario_load_text(y, strlen(y), "mini.yaml", GT_TEST_DATA, &s, err);
	remove(file);
	gt_scenario_free(s);
	free(geo);
	free(edited);
	free(y);
	return st;
}

/* Each malformed line is refused with the field and what was expected. */
static void line_errors(void **state)
{
	(void)state;
	struct gt_err err;
	static const char *const two = "{\"type\": \"MultiLineString\", \"coordinates\": "
	                               "[[[0.2, 0], [0.7, 0]], [[1.0, 0.5], [1.2, 0.5]]]}";
	assert_int_equal(load_line("\"name\": \"L\"",
	                           "{\"type\": \"MultiLineString\", \"coordinates\": []}", &err),
	                 GT_E_SCHEMA);
	assert_string_equal(err.msg, "expected a non-empty array of LineString coordinate arrays, "
	                             "got an empty array");
	assert_int_equal(load_line("\"name\": \"L\", \"places\": [\"a\", \"b\", \"c\"]", two, &err),
	                 GT_E_SCHEMA);
	assert_string_equal(err.path, "features[1].properties.places");
	assert_int_equal(load_line("\"name\": \"L\", \"role\": \"watch\"",
	                           "{\"type\": \"LineString\", \"coordinates\": [[0.2, 0], [1.2, 0]]}",
	                           &err),
	                 GT_E_SCHEMA);
	assert_string_equal(err.path, "features[1].properties.role");
	assert_int_equal(load_line("\"name\": \"L\", \"reported_km\": 100, \"reported_as\": \"x\"",
	                           two, &err),
	                 GT_E_SCHEMA);
	assert_string_equal(err.path, "features[1].properties.reported_km");
	assert_int_equal(load_line("\"name\": \"L\"",
	                           "{\"type\": \"Polygon\", \"coordinates\": [[[0.2, 0], [1.2, 0], "
	                           "[1.2, 0.5], [0.2, 0]]]}",
	                           &err),
	                 GT_E_SCHEMA);
	assert_string_equal(err.msg, "a line of contact must be a LineString or a MultiLineString, "
	                             "got 'Polygon'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_lines_load),
		cmocka_unit_test(monitors_per_line),
		cmocka_unit_test(sim_density_per_line),
		cmocka_unit_test(detection_per_line),
		cmocka_unit_test(multilinestring),
		cmocka_unit_test(line_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
