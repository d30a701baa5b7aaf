/* test_sim.c: the simulation engine's analytic special cases and its
 * reproducibility across threads and run ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/sim.h"

/* Parameters with every mechanism switched off. */
static struct gt_sim_params quiet(void)
{
	return (struct gt_sim_params){
		.present = true, .pretext_factor = 1, .monitors_half = 10, .rule = GT_DECIDE_UNANIMITY,
		.quorum = 0.5, .deadline_days = 7, .resolve = 1, .backstop_reliability = 0,
		.years = 5, .runs = 1000, .seed = 1,
	};
}

static struct gt_sim_option nobody(void)
{
	struct gt_sim_option o = {.name = "test", .defender_strength = 1};
	o.rules = (struct gt_decide_rules){.rule = GT_DECIDE_UNANIMITY, .quorum = 0.5, .deadline = 7};
	return o;
}

static void run(const struct gt_sim_params *p, const struct gt_sim_option *o, uint64_t first,
                uint64_t n, int threads, int days, struct gt_sim_counts *c)
{
	struct gt_err err;
	assert_int_equal(gt_sim_counts_init(c, days), GT_OK);
	assert_int_equal(gt_sim_run(p, o, 99, first, n, threads, c, &err), GT_OK);
}

/* A constant hazard h a year, drawn daily as 1 - exp(-h/365), gives the
 * exponential survival curve exp(-h t) exactly. */
static void constant_hazard_is_exponential(void **state)
{
	(void)state;
	struct gt_sim_params p = quiet();
	p.offensive_per_year = 0.3;
	struct gt_sim_option o = nobody();
	enum { N = 50000 };
	struct gt_sim_counts c;
	run(&p, &o, 0, N, 2, 365 * 5, &c);
	struct gt_sim_summary s;
	gt_sim_summarise(&c, &s);
	const int years[3] = {1, 2, 5};
	for (int y = 0; y < 3; y++) {
		double want = 1 - exp(-0.3 * years[y]);
		double se = sqrt(want * (1 - want) / N);
		if (fabs(s.collapse[y].p - want) > 4 * se)
			fail_msg("%d years: %.4f collapsed, want %.4f", years[y], s.collapse[y].p, want);
		assert_true(s.collapse[y].lo <= want && want <= s.collapse[y].hi + 4 * se);
	}
	/* median of an exponential: ln 2 / h = 2.31 years = 843 days */
	assert_true(fabs(s.median_days - 843) < 25);
	gt_sim_counts_fini(&c);
}

/* k members approving independently with p under unanimity answer a
 * breach with probability p^k (cohesion and belief held still). */
static void unanimity_answers_with_p_to_the_k(void **state)
{
	(void)state;
	struct gt_sim_params p = quiet();
	p.probe_per_year = 200;
	p.detect_base = 1;
	struct gt_sim_option o = nobody();
	const double resolve = 0.8;
	o.nmembers = 4;
	for (size_t m = 0; m < o.nmembers; m++)
		o.members[m] = (struct gt_sim_member){"ZZ", 1, resolve, 1};
	struct gt_sim_counts c;
	run(&p, &o, 0, 200, 2, 365, &c);
	double n = (double)(c.answered + c.unanswered);
	double got = (double)c.answered / n, want = pow(resolve, 4);
	assert_true(n > 10000);
	if (fabs(got - want) > 4 * sqrt(want * (1 - want) / n))
		fail_msg("answered %.4f of %.0f breaches, want %.4f", got, n, want);
	/* and a lead nation alone: p */
	o.rules.rule = GT_DECIDE_LEAD_NATION;
	struct gt_sim_counts d;
	run(&p, &o, 0, 200, 2, 365, &d);
	n = (double)(d.answered + d.unanswered);
	got = (double)d.answered / n;
	if (fabs(got - resolve) > 4 * sqrt(resolve * (1 - resolve) / n))
		fail_msg("lead nation answered %.4f, want %.4f", got, resolve);
	gt_sim_counts_fini(&c);
	gt_sim_counts_fini(&d);
}

static void same_counts(const struct gt_sim_counts *a, const struct gt_sim_counts *b)
{
	assert_int_equal(a->runs, b->runs);
	assert_int_equal(a->days, b->days);
	assert_memory_equal(a->collapse_by_day, b->collapse_by_day,
	                    (size_t)a->days * sizeof(*a->collapse_by_day));
	assert_int_equal(a->survived, b->survived);
	assert_memory_equal(a->actions, b->actions, sizeof(a->actions));
	assert_int_equal(a->detected, b->detected);
	assert_int_equal(a->answered, b->answered);
	assert_int_equal(a->unanswered, b->unanswered);
	assert_int_equal(a->escalations, b->escalations);
	assert_int_equal(a->runs_escalated, b->runs_escalated);
	assert_int_equal(a->runs_split, b->runs_split);
	assert_int_equal(a->collapse_by_escalation, b->collapse_by_escalation);
}

/* The same results on 1 or 3 threads, and from two halves of the runs
 * added together (as MPI processes would). */
static void reproducible_across_threads_and_ranges(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	struct gt_sim_option o = nobody();
	o.troops = 20000;
	o.monitors_per_100km = 5;
	o.backstop = true;
	o.air = true;
	o.air_reach = 0.5;
	o.nmembers = 6;
	for (size_t m = 0; m < o.nmembers; m++)
		o.members[m] = (struct gt_sim_member){"ZZ", (double)(m + 1), 0.9, 2};
	const int days = 365 * 3;
	struct gt_sim_counts one, three, a, b;
	run(&s->simulation, &o, 0, 3000, 1, days, &one);
	run(&s->simulation, &o, 0, 3000, 3, days, &three);
	same_counts(&one, &three);
	run(&s->simulation, &o, 0, 1234, 2, days, &a);
	run(&s->simulation, &o, 1234, 3000 - 1234, 1, days, &b);
	gt_sim_counts_add(&a, &b);
	same_counts(&one, &a);
	/* and something happened in them */
	assert_true(one.answered > 0 && one.unanswered > 0 && one.survived < one.runs);
	gt_sim_counts_fini(&one);
	gt_sim_counts_fini(&three);
	gt_sim_counts_fini(&a);
	gt_sim_counts_fini(&b);
	gt_scenario_free(s);
}

static void bad_inputs(void **state)
{
	(void)state;
	struct gt_sim_params p = quiet();
	struct gt_sim_option o = nobody();
	struct gt_sim_counts c;
	struct gt_err err;
	assert_int_equal(gt_sim_counts_init(&c, 0), GT_E_USAGE);
	assert_int_equal(gt_sim_counts_init(&c, 10), GT_OK);
	o.air_reach = 2;
	assert_int_equal(gt_sim_run(&p, &o, 1, 0, 10, 1, &c, &err), GT_E_USAGE);
	o.air_reach = 0;
	p.present = false;
	assert_int_equal(gt_sim_run(&p, &o, 1, 0, 10, 1, &c, &err), GT_E_SCHEMA);
	assert_string_equal(err.path, "simulation");
	gt_sim_counts_fini(&c);
}

/* One at a time: a higher offensive rate raises collapse; minor violations,
 * which drive nothing, move it not at all (the same draws decide the same
 * histories). Latin hypercube: the offensive rate correlates positively. */
static void sensitivity(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	struct gt_sim_option o = nobody();
	struct gt_sensitivity *oat, *lhs;
	assert_int_equal(gt_sim_sensitivity(&s->simulation, &o, GT_SENS_ONE_AT_A_TIME, 3, 2000,
	                                    365 * 3, 0, 2, &oat, &err),
	                 GT_OK);
	int found = 0;
	for (size_t i = 0; i < oat->n; i++) {
		const struct gt_sens_item *it = &oat->items[i];
		if (strcmp(it->name, "offensive_per_year") == 0) {
			found++;
			assert_true(it->y_lo < oat->y_base && oat->y_base < it->y_hi);
			assert_true(i == 0); /* nothing else deters a bare option as much */
		}
		if (strcmp(it->name, "minor_per_day") == 0) {
			found++;
			assert_true(it->y_lo == oat->y_base && it->y_hi == oat->y_base);
		}
	}
	assert_int_equal(found, 2);
	gt_sensitivity_free(oat);
	assert_int_equal(gt_sim_sensitivity(&s->simulation, &o, GT_SENS_LATIN_HYPERCUBE, 3, 1000,
	                                    365 * 3, 20, 2, &lhs, &err),
	                 GT_OK);
	assert_int_equal(lhs->samples, 20);
	assert_string_equal(lhs->items[0].name, "offensive_per_year");
	assert_true(lhs->items[0].rho > 0.5);
	gt_sensitivity_free(lhs);
	assert_int_equal(gt_sim_sensitivity(&s->simulation, &o, GT_SENS_LATIN_HYPERCUBE, 3, 10, 30, 2,
	                                    1, &lhs, &err),
	                 GT_E_USAGE);
	gt_scenario_free(s);
}

/* A member's own resolve of 0 never approves; a negative one follows the
 * simulation's resolve; a negative deadline the simulation's deadline. */
static void defaults_and_explicit_zeros(void **state)
{
	(void)state;
	struct gt_sim_params p = quiet();
	p.probe_per_year = 100;
	p.detect_base = 1;
	p.resolve = 1;
	p.deadline_days = 7;
	struct gt_sim_option o = nobody();
	o.nmembers = 3;
	for (size_t m = 0; m < o.nmembers; m++)
		o.members[m] = (struct gt_sim_member){"ZZ", 1, 0, 1};
	struct gt_sim_counts c;
	run(&p, &o, 0, 50, 1, 365, &c);
	assert_true(c.unanswered > 1000 && c.answered == 0);
	gt_sim_counts_fini(&c);
	for (size_t m = 0; m < o.nmembers; m++)
		o.members[m].resolve = -1; /* the simulation's: 1 */
	o.rules.deadline = -1;         /* the simulation's: 7 days */
	run(&p, &o, 0, 50, 1, 365, &c);
	assert_true(c.answered > 1000 && c.unanswered < c.answered / 100);
	gt_sim_counts_fini(&c);
	p.deadline_days = 0; /* nobody votes in no time: nothing is answered */
	run(&p, &o, 0, 50, 1, 365, &c);
	assert_true(c.answered == 0);
	gt_sim_counts_fini(&c);
}

/* The live fit by hand. With no troops, air, backstop or buffer and no
 * weight on belief, m = 1; with no monitors, seen = detect_base = 1/2. So
 * three breaches in a year are 6 probes a year with no guarantee, and
 * weighted a year each with the scenario's 4, the fit is 5. The state
 * replays S5: answered, then not, then one pending. */
static void live_fit_by_hand(void **state)
{
	(void)state;
	struct gt_sim_params p = quiet();
	p.probe_per_year = 4;
	p.prior_years = 1;
	p.detect_base = 0.5;
	p.belief_start = 0.7;
	p.learning = 0.15;
	p.cohesion_loss = 0.1;
	p.backstop_loss = 0.05;
	p.backstop_reliability = 0.41;
	p.split_below = 0.5;
	struct gt_sim_option o = nobody();
	o.nmembers = 2;
	for (size_t m = 0; m < o.nmembers; m++)
		o.members[m] = (struct gt_sim_member){"ZZ", 1, -1, -1};
	const enum gt_sim_outcome three[] = {GT_SIM_ANSWERED, GT_SIM_UNANSWERED, GT_SIM_PENDING};
	struct gt_sim_record rec = {365, three, 3};
	struct gt_sim_live f;
	struct gt_err err;
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_OK);
	assert_float_equal(f.seen, 0.5, 1e-12);
	assert_float_equal(f.deterrence, 1, 1e-12);
	assert_float_equal(f.probe_prior, 4, 1e-12);
	assert_float_equal(f.probe_observed, 6, 1e-12);
	assert_float_equal(f.probe_fitted, 5, 1e-12);
	assert_int_equal(f.breaches, 3);
	assert_int_equal(f.answered, 1);
	assert_int_equal(f.unanswered, 1);
	assert_int_equal(f.pending, 1);
	assert_true(f.state.given);
	assert_float_equal(f.state.belief, (0.7 + 0.15 * 0.3) * 0.85, 1e-12); /* 0.63325 */
	assert_float_equal(f.state.cohesion, 0.9, 1e-12);
	assert_float_equal(f.state.reliability, 0.41 * 0.95, 1e-12);
	assert_false(f.state.split);

	/* half a year weighs half: (4 * 1 + 12 * 0.5) / 1.5 */
	rec.days = 365.0 / 2;
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_OK);
	assert_float_equal(f.probe_observed, 12, 1e-12);
	assert_float_equal(f.probe_fitted, 10.0 / 1.5, 1e-12);

	/* deterrence and monitors are undone: belief worth gamma 1 at 0.7, and
	 * monitors at monitors_half see 3/4 */
	p.gamma_belief = 1;
	o.monitors_per_100km = p.monitors_half;
	rec.days = 365;
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_OK);
	assert_float_equal(f.seen, 0.75, 1e-12);
	assert_float_equal(f.deterrence, exp(-0.7), 1e-12);
	assert_float_equal(f.probe_observed, 3 / (exp(-0.7) * 0.75), 1e-9);

	/* two unanswered at a loss of 0.3: cohesion 0.7 then 0.49, below 0.5 */
	p.cohesion_loss = 0.3;
	const enum gt_sim_outcome two[] = {GT_SIM_UNANSWERED, GT_SIM_UNANSWERED};
	rec = (struct gt_sim_record){30, two, 2};
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_OK);
	assert_float_equal(f.state.cohesion, 0.49, 1e-12);
	assert_true(f.state.split);

	/* beyond one probe a day: 200 breaches in 30 days at m = exp(-0.7), seen 3/4 */
	enum gt_sim_outcome many[200];
	for (size_t i = 0; i < 200; i++)
		many[i] = GT_SIM_UNANSWERED;
	rec = (struct gt_sim_record){30, many, 200};
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_E_RANGE);
	/* nothing seen, nothing learnt */
	p.detect_base = 0;
	o.monitors_per_100km = 0;
	rec = (struct gt_sim_record){30, two, 2};
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_E_RANGE);
	p.detect_base = 0.5;

	/* less than a day, and breaches without outcomes */
	rec = (struct gt_sim_record){0.5, two, 2};
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_E_USAGE);
	rec = (struct gt_sim_record){30, NULL, 2};
	assert_int_equal(gt_sim_live_fit(&p, &o, &rec, &f, &err), GT_E_USAGE);
}

/* Runs that start from a given state: the fresh state given explicitly is
 * the same as none; a coalition that has split starts with half its troops
 * (with no more cohesion to lose, the same histories as half the troops
 * from the start, every run counted as split). */
static void start_state(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	struct gt_sim_params p = s->simulation;
	struct gt_sim_option o = nobody();
	o.troops = 40000;
	o.monitors_per_100km = 5;
	o.nmembers = 4;
	for (size_t m = 0; m < o.nmembers; m++)
		o.members[m] = (struct gt_sim_member){"ZZ", 1, 0.8, 2};
	const int days = 365 * 2;
	struct gt_sim_counts fresh, given;
	run(&p, &o, 0, 400, 2, days, &fresh);
	struct gt_sim_live f;
	struct gt_sim_record none = {365, NULL, 0};
	assert_int_equal(gt_sim_live_fit(&p, &o, &none, &f, &err), GT_OK);
	o.start = f.state;
	assert_true(o.start.given);
	run(&p, &o, 0, 400, 2, days, &given);
	same_counts(&fresh, &given);
	gt_sim_counts_fini(&fresh);
	gt_sim_counts_fini(&given);

	p.cohesion_loss = 0;
	o.start.split = true;
	struct gt_sim_counts split, half;
	run(&p, &o, 0, 400, 2, days, &split);
	o.start.split = false;
	o.troops /= 2;
	run(&p, &o, 0, 400, 2, days, &half);
	assert_memory_equal(split.collapse_by_day, half.collapse_by_day,
	                    (size_t)days * sizeof(*split.collapse_by_day));
	assert_memory_equal(split.actions, half.actions, sizeof(split.actions));
	assert_int_equal(split.answered, half.answered);
	assert_int_equal(split.runs_split, 400);
	assert_int_equal(half.runs_split, 0);
	assert_true(split.survived < split.runs);
	gt_sim_counts_fini(&split);
	gt_sim_counts_fini(&half);
	gt_scenario_free(s);
}

/* The built-in calibration: unchanged it differs nowhere; one parameter
 * changed, in a copy or in the scenario's text, is the one listed, with
 * both values; the rule is compared too; no simulation section is refused. */
static void calibration_differences(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	struct gt_sim_calibration c;
	assert_int_equal(gt_scenario_load_builtin(&s, &err), GT_OK);
	assert_int_equal(gt_sim_calibration_compare(&s->simulation, &c, &err), GT_OK);
	assert_int_equal(c.n, 0);

	struct gt_sim_params p = s->simulation;
	p.resolve = 0.7;
	p.years = 3, p.runs = 7, p.seed = 11, p.prior_years = 2; /* how it runs: not compared */
	assert_int_equal(gt_sim_calibration_compare(&p, &c, &err), GT_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.differs[0].name, "resolve");
	assert_string_equal(c.differs[0].words, "a government's willingness to approve an answer");
	assert_true(c.differs[0].builtin == s->simulation.resolve && c.differs[0].used == 0.7);
	assert_null(c.differs[0].builtin_text);

	p = s->simulation;
	p.rule = p.rule == GT_DECIDE_UNANIMITY ? GT_DECIDE_LEAD_NATION : GT_DECIDE_UNANIMITY;
	p.beta_troops += 0.25;
	assert_int_equal(gt_sim_calibration_compare(&p, &c, &err), GT_OK);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.differs[0].name, "beta_troops"); /* gt_sim_param order, rule last */
	assert_string_equal(c.differs[1].name, "rule");
	assert_string_equal(c.differs[1].builtin_text, gt_decide_rule_name(s->simulation.rule));
	assert_string_equal(c.differs[1].used_text, gt_decide_rule_name(p.rule));

	p.present = false;
	assert_int_equal(gt_sim_calibration_compare(&p, &c, &err), GT_E_USAGE);
	gt_scenario_free(s);

	/* the same through a scenario file: the built-in text with one value edited */
	size_t len;
	const char *yaml = gt_scenario_builtin_yaml(&len);
	const char *at = strstr(yaml, "\n  offensive_per_year: 0.056");
	assert_non_null(at);
	size_t head = (size_t)(at - yaml) + strlen("\n  offensive_per_year: 0.0");
	char *edited = malloc(len + 1);
	assert_non_null(edited);
	memcpy(edited, yaml, len);
	edited[len] = '\0';
	edited[head] = '8'; /* 0.056 -> 0.086 */
	assert_int_equal(gt_scenario_load_text(edited, len, "edited", NULL, &s, &err), GT_OK);
	free(edited);
	assert_int_equal(gt_sim_calibration_compare(&s->simulation, &c, &err), GT_OK);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.differs[0].name, "offensive_per_year");
	assert_true(c.differs[0].builtin == 0.056 && c.differs[0].used == 0.086);
	gt_scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(constant_hazard_is_exponential),
		cmocka_unit_test(unanimity_answers_with_p_to_the_k),
		cmocka_unit_test(reproducible_across_threads_and_ranges),
		cmocka_unit_test(bad_inputs),
		cmocka_unit_test(sensitivity),
		cmocka_unit_test(defaults_and_explicit_zeros),
		cmocka_unit_test(live_fit_by_hand),
		cmocka_unit_test(start_state),
		cmocka_unit_test(calibration_differences),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
