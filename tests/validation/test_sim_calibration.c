/* test_sim_calibration.c: the simulation against history
 * (docs/validation.md, "The simulation against ceasefire history"). With
 * the built-in scenario's parameters:
 *  - no guarantee: the ceasefire fails within 10 years in 40-50% of runs
 *    (40% of civil wars relapse within a decade, Collier, Hoeffler &
 *    Soderbom 2008; "almost half" of interstate wars renewed, Fortna 2004);
 *  - peacekeepers (10,000 troops, monitors, five contributors under a lead
 *    nation): hazard ratio 0.25-0.50 (Fortna, via PKSOI);
 *  - a backstop alone, honoured 41% of the time: a weak effect, HR 0.6-1.0
 *    (Lo, Hashimoto & Reiter 2008 find agreement strength matters little);
 *  - a buffer zone alone: lengthens peace, HR 0.5-0.95 (DMZs, Fortna 2003;
 *    separation of forces, Mattes & Savun 2009; direction only);
 *  - monitors alone, who cannot act: HR 0.8-1.05, no effect beyond noise
 *    (observers alone show no effect on battle deaths, Hultman, Kathman &
 *    Shannon 2014); in the model monitors deter only by letting a coalition
 *    answer what they see.
 * The hazard ratio is ln S(10 y) with the mechanism over ln S(10 y) without
 * it: the ratio of cumulative hazards, which is the hazard ratio under
 * proportional hazards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "guarantor/sim.h"

enum { RUNS = 20000, YEARS = 10 };

static double survival(const struct gt_sim_params *p, const struct gt_sim_option *o)
{
	struct gt_sim_counts c;
	struct gt_err err;
	assert_int_equal(gt_sim_counts_init(&c, 365 * YEARS), GT_OK);
	assert_int_equal(gt_sim_run(p, o, 7, 0, RUNS, 2, &c, &err), GT_OK);
	double s = (double)c.survived / (double)c.runs;
	gt_sim_counts_fini(&c);
	return s;
}

static struct gt_sim_option bare(const char *name)
{
	struct gt_sim_option o = {.name = name, .defender_strength = 1};
	o.rules = (struct gt_decide_rules){.rule = GT_DECIDE_LEAD_NATION, .quorum = 0.66,
	                                   .deadline = 7};
	return o;
}

static void calibration(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	const struct gt_sim_params *p = &s->simulation;
	assert_true(p->present);

	struct gt_sim_option none = bare("none");
	double s0 = survival(p, &none);

	struct gt_sim_option pk = bare("peacekeepers");
	pk.troops = 10000;
	pk.monitors_per_100km = 20;
	pk.nmembers = 5;
	for (size_t m = 0; m < pk.nmembers; m++)
		pk.members[m] = (struct gt_sim_member){"ZZ", 1, p->resolve, p->decision_days};
	double s_pk = survival(p, &pk);

	struct gt_sim_option back = bare("backstop");
	back.backstop = true;
	double s_back = survival(p, &back);

	struct gt_sim_option buf = bare("buffer");
	buf.buffer = true;
	double s_buf = survival(p, &buf);

	struct gt_sim_option mon = bare("monitors");
	mon.monitors_per_100km = 170; /* the OSCE SMM's density */
	double s_mon = survival(p, &mon);

	double fail0 = 1 - s0;
	double hr_pk = log(s_pk) / log(s0), hr_back = log(s_back) / log(s0),
	       hr_mon = log(s_mon) / log(s0), hr_buf = log(s_buf) / log(s0);
	print_message("no guarantee: %.1f%% fail in 10 years; hazard ratios: peacekeepers %.2f, "
	              "backstop %.2f, buffer zone %.2f, monitors %.2f\n",
	              100 * fail0, hr_pk, hr_back, hr_buf, hr_mon);
	if (fail0 < 0.40 || fail0 > 0.50)
		fail_msg("no guarantee: %.1f%% fail within 10 years; history says 40-50%%", 100 * fail0);
	if (hr_pk < 0.25 || hr_pk > 0.50)
		fail_msg("peacekeepers: hazard ratio %.2f; Fortna finds 0.25-0.50", hr_pk);
	if (hr_back < 0.6 || hr_back >= 1.0)
		fail_msg("backstop: hazard ratio %.2f; expected a weak effect, 0.6-1.0", hr_back);
	if (hr_buf < 0.5 || hr_buf > 0.95)
		fail_msg("buffer zone: hazard ratio %.2f; expected a moderate effect, 0.5-0.95", hr_buf);
	if (hr_mon < 0.8 || hr_mon > 1.05)
		fail_msg("monitors alone: hazard ratio %.2f; expected little effect, 0.8-1.05", hr_mon);
	gt_scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(calibration)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
