/* test_sizing.c: every sizing formula on hand-computed cases (mini
 * scenario, docs/model-sizing.md equations 1-15). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "guarantor/sizing.h"
#include "testutil.h"

static struct gt_scenario *mini(void)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/mini.yaml", GT_TEST_DATA);
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_file(path, &s, &err), GT_OK);
	return s;
}

/* Hand computation for option line-all of mini.yaml. The line is 1 degree
 * of the equator, L = 111.319491 km, split into two sectors of 55.659745.
 *  (1) S1 river/medium 12/km: 667.917 -> 668; S2 open/high 40/km: 2226.39 -> 2226;
 *      line = 2894
 *  (2) garrison Alpha 1000
 *  (3) reserve 0.5 x 3894 = 1947
 *  (4) manoeuvre 2894 + 1000 + 1947 = 5841
 *  (5) enablers 1.0 x 5841 = 5841
 *  (6) HQ 0.05 x 11682 = 584.1 -> 584
 *  (7) ground 5841 + 5841 + 584 = 12266
 *  (8) from the air model (docs/model-air.md), F-16C and E-3A of the
 *      catalogue, stations at least 50 km from the line, from Base One
 *      [2.5, 0.5]: CAP Alpha 222.6 km, transit 0.2404 h, on station 2.019 h,
 *      23.77 sorties a day; by the cycle 2 x 5.5 / 2.019 / 0.72 = 7.57, by the
 *      sustained rate 23.77 / 0.8 = 29.7 -> 30; CAP Beta 111.3 km, transit
 *      0.1202 h, on station 2.2596 h, 21.24 sorties, 21.24 / 0.8 = 26.55 -> 27;
 *      AEW over its base, 2.4 sorties, 1 x 18 / 10 / 0.6 = 2.4 / 0.8 = 3;
 *      people 57 x 28 + 3 x 118 = 1950
 *  (9) ships 1 x 4 = 4; naval people 4 x 180 = 720
 * (10) trainers 100; monitors 1.7 x 111.319 = 189.24 -> 189
 * (11) deployed 12266 + 1950 + 720 + 100 + 189 = 15225
 * (12) committed 4x12266 + 3x1950 + 3x720 + 2x100 + 2x189 = 57652 */
static void line_option_by_hand(void **state)
{
	(void)state;
	struct gt_scenario *s = mini();
	struct gt_sizing *sz;
	struct gt_err err;
	assert_int_equal(gt_sizing_run(s, &sz, &err), GT_OK);
	const struct gt_sizing_option *r = gt_sizing_find(sz, "line-all");
	assert_non_null(r);
	assert_int_equal(r->nsectors, 2);
	assert_int_equal(r->sectors[0].troops, 668);
	assert_int_equal(r->sectors[1].troops, 2226);
	assert_int_equal(r->line_troops, 2894);
	assert_int_equal(r->garrison_troops, 1000);
	assert_int_equal(r->reserve, 1947);
	assert_int_equal(r->manoeuvre, 5841);
	assert_int_equal(r->enablers, 5841);
	assert_int_equal(r->hq, 584);
	assert_int_equal(r->ground, 12266);
	assert_int_equal(r->fighters, 57);
	assert_int_equal(r->aew_aircraft, 3);
	assert_int_equal(r->tankers, 0);
	assert_int_equal(r->air_personnel, 1950);
	assert_true(r->fighter_personnel == 28 && r->aew_personnel == 118);
	assert_int_equal(r->ships, 4);
	assert_int_equal(r->naval_personnel, 720);
	assert_int_equal(r->trainers, 100);
	assert_int_equal(r->monitors, 189);
	assert_int_equal(r->deployed, 15225);
	assert_int_equal(r->committed_ground, 49064);
	assert_int_equal(r->committed, 57652);
	assert_true(fabs(r->line_km - 111.319491) < 1e-5);
	gt_sizing_free(sz);
	gt_scenario_free(s);
}

/* buffer-east: sector 2 only, 55.659745 km x 40 x 0.3 = 667.917 -> 668;
 * reserve 334; manoeuvre 1002; enablers 1002; HQ 100.2 -> 100; ground 2104.
 * none: 50 monitors, committed 100. */
static void buffer_and_none(void **state)
{
	(void)state;
	struct gt_scenario *s = mini();
	struct gt_sizing *sz;
	struct gt_err err;
	assert_int_equal(gt_sizing_run(s, &sz, &err), GT_OK);
	const struct gt_sizing_option *b = gt_sizing_find(sz, "buffer-east");
	assert_true(fabs(b->sectors[0].density - 12.0) < 1e-12);
	assert_int_equal(b->line_troops, 668);
	assert_int_equal(b->reserve, 334);
	assert_int_equal(b->hq, 100);
	assert_int_equal(b->ground, 2104);
	assert_int_equal(b->deployed, 2104);
	assert_int_equal(b->committed, 8416);
	const struct gt_sizing_option *n = gt_sizing_find(sz, "none");
	assert_int_equal(n->ground, 0);
	assert_int_equal(n->monitors, 50);
	assert_int_equal(n->committed, 100);
	assert_null(gt_sizing_find(sz, "no-such-option"));
	gt_sizing_free(sz);
	gt_scenario_free(s);
}

/* Equations 13-15, the per-mission predictions used by validation. */
static void predictions(void **state)
{
	(void)state;
	struct gt_scenario *s = mini();
	const struct gt_doctrine *d = &s->doctrine;
	double t;
	assert_true(fabs(gt_sizing_ground_multiplier(d) - 3.15) < 1e-12);
	struct gt_sizing_case obs = {GT_POSTURE_OBSERVER, GT_THREAT_HIGH, GT_TERRAIN_OPEN, 100, 0};
	assert_int_equal(gt_sizing_predict(d, &obs, &t), GT_OK);
	assert_true(fabs(t - 170) < 1e-9);
	/* buffer, urban, medium: 100 km x 30 x 0.3 x 3.15 = 2835 */
	struct gt_sizing_case buf = {GT_POSTURE_BUFFER, GT_THREAT_MEDIUM, GT_TERRAIN_URBAN, 100, 0};
	assert_int_equal(gt_sizing_predict(d, &buf, &t), GT_OK);
	assert_true(fabs(t - 2835) < 1e-9);
	/* line, mountain, low: 10 km x 8 x 1 x 3.15 = 252 */
	struct gt_sizing_case line = {GT_POSTURE_LINE, GT_THREAT_LOW, GT_TERRAIN_MOUNTAIN, 10, 0};
	assert_int_equal(gt_sizing_predict(d, &line, &t), GT_OK);
	assert_true(fabs(t - 252) < 1e-9);
	/* depth, forest, high: 100 x 48 x 0.15 x 3.15 = 2268 */
	struct gt_sizing_case depth = {GT_POSTURE_DEPTH, GT_THREAT_HIGH, GT_TERRAIN_FOREST, 100, 0};
	assert_int_equal(gt_sizing_predict(d, &depth, &t), GT_OK);
	assert_true(fabs(t - 2268) < 1e-9);
	/* stabilisation, medium: 2,000,000 x 20 / 1000 = 40,000 */
	struct gt_sizing_case stab = {GT_POSTURE_STABILISATION, GT_THREAT_MEDIUM, GT_TERRAIN_MIXED,
				      0, 2e6};
	assert_int_equal(gt_sizing_predict(d, &stab, &t), GT_OK);
	assert_true(fabs(t - 40000) < 1e-9);
	stab.population = 0;
	assert_int_equal(gt_sizing_predict(d, &stab, &t), GT_E_USAGE);
	struct gt_sizing_case none = {GT_POSTURE_NONE, GT_THREAT_LOW, GT_TERRAIN_OPEN, 10, 0};
	assert_int_equal(gt_sizing_predict(d, &none, &t), GT_E_USAGE);
	gt_scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(line_option_by_hand),
		cmocka_unit_test(buffer_and_none),
		cmocka_unit_test(predictions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
