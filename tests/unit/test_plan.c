/* test_plan.c: the pipeline (guarantor/plan.h): the force as raised flows
 * into the simulation, the no-guarantee baseline, runs split across
 * processes, the stations a smaller fleet holds, the hazard ratio, and
 * names matched as people type them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guarantor/plan.h"

static struct gt_scenario *builtin(void)
{
	struct gt_scenario *s;
	struct gt_err err;
	if (gt_scenario_load_builtin(&s, &err) != GT_OK)
		fail_msg("%s", err.msg);
	return s;
}

static struct gt_plan *plan_of(const struct gt_scenario *s, const struct gt_plan_settings *set)
{
	struct gt_plan *p;
	struct gt_err err;
	if (gt_plan_run(s, set, &p, &err) != GT_OK)
		fail_msg("%s: %s", err.path, err.msg);
	return p;
}

/* The full-line option: the coalition raises a fraction of its ground
 * force, and that fraction is what the simulation is given. */
static void raised_force_flows_downstream(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	struct gt_plan_settings set = {.stages = GT_PLAN_SIM_INPUTS, .option = "full-line",
	                               .seed = -1};
	struct gt_plan *p = plan_of(s, &set);
	assert_int_equal(p->noptions, 1);
	const struct gt_plan_option *po = &p->options[0];
	const struct gt_plan_force *req = &po->required, *got = &po->raised;
	assert_non_null(po->forcegen);
	assert_int_equal(req->ground, po->sizing->ground);
	assert_true(got->ground > 0 && got->ground < req->ground / 2);
	/* the ground companies found, as people */
	long companies = 0;
	for (size_t r = 0; r < po->forcegen->nroles; r++)
		if (po->forcegen->roles[r].unit == GT_UNIT_COMPANIES)
			companies += po->forcegen->roles[r].allocated;
	assert_int_equal(got->ground, lround(companies * s->forcegen.company_strength));
	assert_true(got->monitors <= req->monitors && got->stations <= req->stations);
	assert_int_equal(got->deployed, got->ground + got->air_personnel + got->naval_personnel +
	                                        got->trainers + got->monitors);
	const struct gt_sim_option *r = &po->sim_in[GT_SIM_RAISED], *q = &po->sim_in[GT_SIM_REQUIRED];
	assert_int_equal(r->basis, GT_SIM_RAISED);
	assert_int_equal(q->basis, GT_SIM_REQUIRED);
	assert_true(r->troops == (double)got->ground);
	assert_true(q->troops == (double)req->ground);
	assert_true(r->monitors_per_100km <= q->monitors_per_100km);
	assert_true(r->air_reach <= q->air_reach);
	/* the voters: the governments force generation found, on both bases */
	assert_int_equal(r->nmembers, got->voters);
	assert_int_equal(q->nmembers, got->voters);
	gt_plan_free(p);
	gt_scenario_free(s);
}

/* An option the coalition fills raises what it requires. */
static void a_filled_option_is_raised_whole(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	struct gt_plan_settings set = {.stages = GT_PLAN_SIM_INPUTS, .option = "deterrent-depth",
	                               .seed = -1};
	struct gt_plan *p = plan_of(s, &set);
	const struct gt_plan_option *po = &p->options[0];
	assert_int_equal(po->forcegen->shortfall_people, 0);
	assert_int_equal(po->raised.ground, po->required.ground);
	assert_true(po->sim_in[GT_SIM_RAISED].troops == po->sim_in[GT_SIM_REQUIRED].troops);
	gt_plan_free(p);
	gt_scenario_free(s);
}

/* Without a coalition there is nothing to raise from: raised is
 * required. */
static void without_a_coalition_raised_is_required(void **state)
{
	(void)state;
	struct gt_scenario *s;
	struct gt_err err;
	if (gt_scenario_load_file(GT_TEST_DATA "/mini.yaml", &s, &err) != GT_OK)
		fail_msg("%s", err.msg);
	struct gt_plan *p = plan_of(s, NULL);
	assert_true(p->noptions > 0);
	for (size_t i = 0; i < p->noptions; i++) {
		const struct gt_plan_option *po = &p->options[i];
		assert_null(po->forcegen);
		assert_memory_equal(&po->raised, &po->required, sizeof(po->raised));
	}
	/* no simulation section: nothing simulated, no error */
	assert_int_equal(p->baseline.runs, 0);
	gt_plan_free(p);
	gt_scenario_free(s);
}

/* The reference: no foreign force, monitors, backstop or voters; it
 * collapses at least as often as any option. */
static void baseline_is_the_worst(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	struct gt_plan_settings set = {.stages = GT_PLAN_ALL, .runs = 1500, .seed = -1};
	struct gt_plan *p = plan_of(s, &set);
	const struct gt_sim_option *b = &p->baseline_in;
	assert_true(b->baseline && b->troops == 0 && b->nmembers == 0 && !b->backstop && !b->air);
	assert_true(b->monitors_per_100km == 0 && b->defender_strength == 1);
	struct gt_sim_summary base;
	gt_sim_summarise(&p->baseline, &base);
	assert_int_equal(p->baseline.runs, 1500);
	for (size_t i = 0; i < p->noptions; i++) {
		const struct gt_sim_counts *c = &p->options[i].sim[GT_SIM_RAISED];
		struct gt_sim_summary sum;
		gt_sim_summarise(c, &sum);
		assert_int_equal(c->runs, 1500);
		assert_int_equal(p->options[i].sim[GT_SIM_REQUIRED].runs, 0); /* not asked for */
		if (!(sum.collapse[2].p <= base.collapse[2].p))
			fail_msg("%s: %.4f collapse against %.4f with no guarantee",
			         p->options[i].option->name, sum.collapse[2].p, base.collapse[2].p);
		double hr = gt_sim_hazard_ratio(c, &p->baseline);
		assert_true(hr >= 0 && hr <= 1);
	}
	gt_plan_free(p);
	gt_scenario_free(s);
}

/* Two processes' shares of the runs add up to one process's runs. */
static void shares_of_the_runs_add_up(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	struct gt_plan_settings set = {.stages = GT_PLAN_ALL, .option = "uk-france-30k",
	                               .runs = 701, .years = 2, .seed = 5, .threads = 2};
	struct gt_plan *whole = plan_of(s, &set);
	set.size = 2;
	struct gt_plan *half[2];
	for (int r = 0; r < 2; r++) {
		set.rank = r;
		set.threads = 1;
		half[r] = plan_of(s, &set);
	}
	assert_int_equal(half[0]->options[0].sim[GT_SIM_RAISED].runs, 350);
	gt_sim_counts_add(&half[0]->options[0].sim[GT_SIM_RAISED],
	                  &half[1]->options[0].sim[GT_SIM_RAISED]);
	gt_sim_counts_add(&half[0]->baseline, &half[1]->baseline);
	const struct gt_sim_counts *a = &whole->options[0].sim[GT_SIM_RAISED],
	                           *b = &half[0]->options[0].sim[GT_SIM_RAISED];
	assert_int_equal(a->runs, b->runs);
	assert_memory_equal(a->collapse_by_day, b->collapse_by_day,
	                    (size_t)a->days * sizeof(*a->collapse_by_day));
	assert_memory_equal(whole->baseline.collapse_by_day, half[0]->baseline.collapse_by_day,
	                    (size_t)a->days * sizeof(*a->collapse_by_day));
	for (int r = 0; r < 2; r++)
		gt_plan_free(half[r]);
	gt_plan_free(whole);
	gt_scenario_free(s);
}

static struct gt_air_post post(const char *name, bool aew, long aircraft)
{
	struct gt_air_post p = {.aew = aew};
	snprintf(p.name, sizeof(p.name), "%s", name);
	p.need.aircraft_whole = aircraft;
	p.need.crews = 2 * aircraft;
	p.need.personnel = 100 * aircraft;
	p.need.sorties_per_day = aircraft;
	return p;
}

/* The stations a smaller fleet holds: whole, in order, a large one
 * skipped for smaller ones after it. */
static void a_smaller_fleet_holds_fewer_stations(void **state)
{
	(void)state;
	struct gt_air_post posts[] = {post("CAP A", false, 10), post("CAP B", false, 30),
	                              post("CAP C", false, 5), post("AEW D", true, 3)};
	struct gt_air_plan plan = {.posts = posts, .nposts = 4, .fighters = 45, .aew_aircraft = 3};
	struct gt_air_plan *held;
	struct gt_err err;
	assert_int_equal(gt_air_plan_held(&plan, 16, 3, -1, &held, &err), GT_OK);
	assert_int_equal(held->nposts, 3);
	assert_string_equal(held->posts[0].name, "CAP A");
	assert_string_equal(held->posts[1].name, "CAP C");
	assert_string_equal(held->posts[2].name, "AEW D");
	assert_int_equal(held->fighters, 15);
	assert_int_equal(held->aew_aircraft, 3);
	assert_int_equal(held->personnel, 1800);
	assert_int_equal(held->tankers, 0);
	gt_air_plan_free(held);
	assert_int_equal(gt_air_plan_held(&plan, 0, 2, -1, &held, &err), GT_OK);
	assert_int_equal(held->nposts, 0);
	assert_int_equal(held->fighters + held->aew_aircraft + held->personnel, 0);
	gt_air_plan_free(held);
	assert_int_equal(gt_air_plan_held(&plan, 45, 3, -1, &held, &err), GT_OK);
	assert_int_equal(held->nposts, 4);
	assert_int_equal(held->fighters, 45);
	gt_air_plan_free(held);
}

static void counts_of(struct gt_sim_counts *c, uint64_t runs, uint64_t collapsed)
{
	assert_int_equal(gt_sim_counts_init(c, 30), GT_OK);
	c->runs = runs;
	c->collapse_by_day[3] = collapsed;
}

/* log S / log S_ref, by hand. */
static void hazard_ratio_by_hand(void **state)
{
	(void)state;
	struct gt_sim_counts ref, c, none, all;
	counts_of(&ref, 1000, 500);
	counts_of(&c, 1000, 250);
	counts_of(&none, 1000, 0);
	counts_of(&all, 1000, 1000);
	assert_float_equal(gt_sim_hazard_ratio(&c, &ref), log(0.75) / log(0.5), 1e-12);
	assert_float_equal(gt_sim_hazard_ratio(&ref, &ref), 1, 1e-12);
	assert_float_equal(gt_sim_hazard_ratio(&none, &ref), 0, 0);
	assert_true(isinf(gt_sim_hazard_ratio(&all, &ref)));
	assert_true(isnan(gt_sim_hazard_ratio(&c, &none)));
	gt_sim_counts_fini(&ref);
	gt_sim_counts_fini(&c);
	gt_sim_counts_fini(&none);
	gt_sim_counts_fini(&all);
	/* collapse within a horizon, by hand */
	struct gt_sim_counts two;
	assert_int_equal(gt_sim_counts_init(&two, 730), GT_OK);
	two.runs = 1000;
	two.collapse_by_day[3] = 100;
	two.collapse_by_day[400] = 50;
	assert_float_equal(gt_sim_collapse_within(&two, 1), 0.10, 1e-12);
	assert_float_equal(gt_sim_collapse_within(&two, 2), 0.15, 1e-12);
	assert_true(isnan(gt_sim_collapse_within(&two, 5)));
	gt_sim_counts_fini(&two);
}

static void names_as_people_type_them(void **state)
{
	(void)state;
	assert_true(gt_name_match("Rzeszów-Jasionka", "rzeszow", true));
	assert_false(gt_name_match("Rzeszów-Jasionka", "rzeszow", false));
	assert_true(gt_name_match("Fetești / Borcea", "FETESTI", true));
	assert_true(gt_name_match("Kraków", "krakow", false));
	assert_false(gt_name_match("Kyiv", "", true));
	const char *names[] = {"Kyiv", "Kharkiv", "Kherson", "Rzeszów-Jasionka", "Chernihiv"};
	char out[200];
	gt_name_suggest("Kharkiw", names, 5, 3, out, sizeof(out));
	assert_string_equal(out, "'Kharkiv'");
	gt_name_suggest("Rzesow", names, 5, 3, out, sizeof(out));
	assert_string_equal(out, "'Rzeszów-Jasionka'");
	gt_name_suggest("Kher", names, 5, 3, out, sizeof(out));
	assert_string_equal(out, "'Kherson', 'Kharkiv' or 'Chernihiv'");
	gt_name_suggest("Xyzzy", names, 5, 3, out, sizeof(out));
	assert_string_equal(out, "");
}

static void an_unknown_option_suggests_the_nearest(void **state)
{
	(void)state;
	struct gt_scenario *s = builtin();
	struct gt_plan_settings set = {.stages = 0, .option = "full-lin"};
	struct gt_plan *p = (struct gt_plan *)1;
	struct gt_err err;
	assert_int_equal(gt_plan_run(s, &set, &p, &err), GT_E_USAGE);
	assert_null(p);
	assert_string_equal(err.path, "option");
	assert_non_null(strstr(err.msg, "did you mean 'full-line'?"));
	set = (struct gt_plan_settings){.stages = GT_PLAN_SIM, .years = 51};
	assert_int_equal(gt_plan_run(s, &set, &p, &err), GT_E_USAGE);
	gt_scenario_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(raised_force_flows_downstream),
		cmocka_unit_test(a_filled_option_is_raised_whole),
		cmocka_unit_test(without_a_coalition_raised_is_required),
		cmocka_unit_test(baseline_is_the_worst),
		cmocka_unit_test(shares_of_the_runs_add_up),
		cmocka_unit_test(a_smaller_fleet_holds_fewer_stations),
		cmocka_unit_test(hazard_ratio_by_hand),
		cmocka_unit_test(names_as_people_type_them),
		cmocka_unit_test(an_unknown_option_suggests_the_nearest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
