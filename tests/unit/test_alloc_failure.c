/* test_alloc_failure.c: makes the Nth allocation of the library fail, for
 * every N until a run completes, and checks that each failure comes back
 * as an error with a message, with nothing leaked (LeakSanitizer runs at
 * exit) and nothing crashed. The library's own malloc, calloc, realloc and
 * strdup calls are wrapped at link time (-Wl,--wrap), and jansson's are
 * routed through the same wrapper; other foreign libraries allocate as
 * usual. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "guarantor/air.h"
#include "guarantor/forcegen.h"
#include "guarantor/missions.h"
#include "guarantor/monitor.h"
#include "guarantor/plan.h"
#include "guarantor/render.h"
#include "guarantor/sizing.h"
#include "testutil.h"

#include <jansson.h>
#include <stdlib.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static long calls, fail_at = -1;
static int failed;

static int should_fail(void)
{
	if (fail_at >= 0 && ++calls == fail_at) {
		failed = 1;
		return 1;
	}
	return 0;
}

void *__wrap_malloc(size_t n)
{
	return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return should_fail() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return should_fail() ? NULL : __real_strdup(s);
}

/* Loads, sizes, validates and renders the mini scenario; returns the first status
 * that is not GT_OK, with err filled in. */
static enum gt_status run_once(const char *yaml, const char *csv, struct gt_err *err)
{
	struct gt_scenario *s = NULL;
	struct gt_sizing *sz = NULL;
	struct gt_missions *m = NULL;
	struct gt_validation *v = NULL;
	enum gt_status st = gt_scenario_load_text(yaml, strlen(yaml), "mini.yaml", GT_TEST_DATA, &s,
	                                          err);
	if (st == GT_OK)
		st = gt_sizing_run(s, &sz, err);
	if (st == GT_OK)
		st = gt_missions_load_text(csv, strlen(csv), "m.csv", &m, err);
	if (st == GT_OK)
		st = gt_validation_run(&s->doctrine, m, &v, err);
	/* the air umbrella of line-all, assessed on a coarse grid */
	struct gt_aircraft_catalogue *cat = NULL;
	struct gt_air_plan *plan = NULL;
	struct gt_air_assessment *a = NULL;
	size_t len;
	const char *aircraft = gt_aircraft_builtin_csv(&len);
	if (st == GT_OK)
		st = gt_aircraft_load_text(aircraft, len, "aircraft.csv", &cat, err);
	if (st == GT_OK)
		st = gt_air_plan_option(s, 0, cat, &plan, err);
	struct gt_air_params params = s ? gt_air_params_of(s, 10) : (struct gt_air_params){0};
	if (st == GT_OK)
		st = gt_air_assess(s, plan, &params, &a, err);
	if (st == GT_OK) {
		char *json = NULL, *geo = NULL, *svg = NULL;
		struct gt_air_result air = {s, plan, a};
		struct gt_results res = {.sizing = sz, .validation = v, .air = &air, .nair = 1};
		st = gt_render_results_json(&res, &json);
		if (st == GT_OK)
			st = gt_render_air_geojson(&air, &geo);
		if (st == GT_OK)
			st = gt_render_air_map_svg(&air, 300, 200, &svg);
		if (st != GT_OK)
			gt_err_set(err, st, NULL, 0, 0, NULL, "rendering: %s", gt_strerror(st));
		free(json);
		free(geo);
		free(svg);
	}
	gt_air_assessment_free(a);
	gt_air_plan_free(plan);
	gt_aircraft_free(cat);
	gt_validation_free(v);
	gt_missions_free(m);
	gt_sizing_free(sz);
	gt_scenario_free(s);
	return st;
}

static void every_allocation_fails_cleanly(void **state)
{
	(void)state;
	char *yaml = tu_read("mini.yaml");
	const char *csv = "name,start_year,troops,line_km,posture,threat,source,extra\n"
	                  "A,1990,100,10,buffer,low,s,x\nB,1991,50,100,observer,high,s,y\n";
	long n;
	for (n = 1; n < 100000; n++) {
		struct gt_err err;
		calls = 0;
		failed = 0;
		fail_at = n;
		enum gt_status st = run_once(yaml, csv, &err);
		fail_at = -1;
		if (!failed) {
			assert_int_equal(st, GT_OK);
			break;
		}
		if (st == GT_OK)
			fail_msg("allocation %ld failed but the run reported success", n);
		if (!err.msg[0])
			fail_msg("allocation %ld failed and the error has no message", n);
	}
	/* the run allocates a few hundred times; make sure the loop did work */
	assert_true(n > 100);
	print_message("%ld allocations, each made to fail in turn\n", n - 1);
	free(yaml);
}

/* The same for the pipeline through force generation on tests/data/fg.yaml
 * (GLPK allocates on its own and is not wrapped). */
static void forcegen_allocations_fail_cleanly(void **state)
{
	(void)state;
	char *yaml = tu_read("fg.yaml");
	long n;
	for (n = 1; n < 100000; n++) {
		struct gt_scenario *s = NULL;
		struct gt_plan *pl = NULL;
		struct gt_err err;
		gt_err_clear(&err);
		calls = 0;
		failed = 0;
		fail_at = n;
		enum gt_status st = gt_scenario_load_text(yaml, strlen(yaml), "fg.yaml", GT_TEST_DATA,
		                                          &s, &err);
		struct gt_plan_settings set = {.stages = GT_PLAN_SIM_INPUTS,
		                               .option = s ? s->options[0].name : NULL};
		if (st == GT_OK)
			st = gt_plan_run(s, &set, &pl, &err);
		fail_at = -1;
		gt_plan_free(pl);
		gt_scenario_free(s);
		if (!failed) {
			assert_int_equal(st, GT_OK);
			break;
		}
		if (st == GT_OK)
			fail_msg("allocation %ld failed but force generation reported success", n);
		if (!err.msg[0])
			fail_msg("allocation %ld failed and the error has no message", n);
	}
	assert_true(n > 100);
	print_message("%ld allocations in force generation, each made to fail in turn\n", n - 1);
	free(yaml);
}

/* Correlation, an event's summary and the daily report's renderers on the
 * mini scenario's line, each allocation made to fail in turn. */
static enum gt_status correlate_once(const struct gt_scenario *s, struct gt_err *err)
{
	enum { N = 40 };
	struct gt_sighting g[N];
	for (size_t i = 0; i < N; i++)
		g[i] = (struct gt_sighting){.from = 1000 + (int64_t)(i / 2) * 600,
		                            .to = 1300 + (int64_t)(i / 2) * 600,
		                            .lon = 0.1 + 0.02 * (double)(i / 2),
		                            .lat = 0.05,
		                            .precision_km = 0.2,
		                            .observer = (uint32_t)(i % 2),
		                            .event = GT_EVENT_EXPLOSION,
		                            .weapon = GT_WEAPON_ARTILLERY,
		                            .count = 3};
	int64_t next = 1;
	enum gt_status st = gt_correlate(&s->monitoring, g, N, &next, err);
	struct gt_geo_line_locator *lc = NULL;
	struct gt_event ev[2];
	if (st == GT_OK && (st = gt_geo_line_locator_new(&s->theatre.lines[0].path, 1, &lc)) != GT_OK)
		gt_err_set(err, st, NULL, 0, 0, NULL, "locator: %s", gt_strerror(st));
	for (size_t k = 0; k < 2 && st == GT_OK; k++) {
		size_t idx[2] = {2 * k, 2 * k + 1};
		if ((st = gt_event_summarise(s, lc, g, idx, 2, &ev[k])) != GT_OK)
			gt_err_set(err, st, NULL, 0, 0, NULL, "summary: %s", gt_strerror(st));
		ev[k].id = (int64_t)k + 1;
		ev[k].status = GT_EVENT_VERIFIED;
	}
	gt_geo_line_locator_free(lc);
	if (st != GT_OK)
		return st;
	struct gt_tally *cells = calloc(s->nsectors * GT_EVENT_COUNT, sizeof(*cells));
	if (!cells)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	struct gt_breach b = {.id = 1, .threshold = "shelling", .sector = 1, .at = 1000,
	                      .total = 12, .status = GT_BREACH_OPEN};
	struct gt_daily d = {.day = "1970-01-01", .number = 1, .from = 0, .to = 86400,
	                     .nsectors = s->nsectors, .cells = cells, .events = ev, .nevents = 2,
	                     .breaches = &b, .nbreaches = 1, .audit_entries = 3,
	                     .audit_head = "00"};
	d.total.events = 2;
	char *json = NULL, *geo = NULL;
	FILE *null = fopen("/dev/null", "w");
	st = gt_render_daily_json(s, &d, &json);
	if (st == GT_OK)
		st = gt_render_daily_geojson(s, &d, &geo);
	if (st == GT_OK)
		st = null ? gt_render_daily_html(null, s, &d) : GT_E_IO;
	if (st != GT_OK)
		gt_err_set(err, st, NULL, 0, 0, NULL, "daily report: %s", gt_strerror(st));
	if (null)
		fclose(null);
	free(json);
	free(geo);
	free(cells);
	return st;
}

static void correlation_allocations_fail_cleanly(void **state)
{
	(void)state;
	char *yaml = tu_read("mini.yaml");
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(
		gt_scenario_load_text(yaml, strlen(yaml), "mini.yaml", GT_TEST_DATA, &s, &err), GT_OK);
	long n;
	for (n = 1; n < 100000; n++) {
		calls = 0;
		failed = 0;
		fail_at = n;
		enum gt_status st = correlate_once(s, &err);
		fail_at = -1;
		if (!failed) {
			assert_int_equal(st, GT_OK);
			break;
		}
		if (st == GT_OK)
			fail_msg("allocation %ld failed but correlation reported success", n);
		if (!err.msg[0])
			fail_msg("allocation %ld failed and the error has no message", n);
	}
	assert_true(n > 20);
	print_message("%ld allocations in correlation and the daily report, each made to fail\n",
	              n - 1);
	gt_scenario_free(s);
	free(yaml);
}

int main(void)
{
	/* jansson's allocations fail in turn too: a renderer that loses a
	 * member to a failed allocation must say so, not write less */
	json_set_alloc_funcs(__wrap_malloc, free);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_allocation_fails_cleanly),
		cmocka_unit_test(forcegen_allocations_fail_cleanly),
		cmocka_unit_test(correlation_allocations_fail_cleanly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
