/* plan.c: the pipeline of plan.h: sizing, force generation, the air
 * umbrella and the simulation's inputs for each option, the force as
 * raised beside the force as required, and the no-guarantee reference. */
#include "guarantor/plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum gt_status nomem(struct gt_err *err)
{
	return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

static bool has_air(const struct gt_option *o)
{
	return o->patrol_stations > 0 || o->aew_orbits > 0;
}

static bool has_coalition(const struct gt_scenario *s)
{
	return s->forcegen.present && s->nmembers > 0;
}

/* An option that is not in s: the nearest name, and the list. */
static enum gt_status no_such_option(const struct gt_scenario *s, const char *name,
                                     struct gt_err *err)
{
	const char *names[64];
	char near[256], every[512] = "";
	size_t n = s->noptions < 64 ? s->noptions : 64, used = 0;
	for (size_t i = 0; i < n; i++) {
		names[i] = s->options[i].name;
		int w = used < sizeof(every) ? snprintf(every + used, sizeof(every) - used, "%s%s",
		                                         i ? ", " : "", names[i])
		                             : 0;
		used += w > 0 ? (size_t)w : 0;
	}
	gt_name_suggest(name, names, n, 1, near, sizeof(near));
	return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "option",
	                  "no option '%s' in the scenario%s%s%s; the options: %s", name,
	                  near[0] ? " (did you mean " : "", near, near[0] ? "?)" : "", every);
}

/* Settings with their defaults; GT_E_USAGE for values out of range or an
 * option the scenario does not have. */
static enum gt_status fill_settings(const struct gt_scenario *s, const struct gt_plan_settings *in,
                                    struct gt_plan_settings *out, struct gt_err *err)
{
	static const struct gt_plan_settings defaults = {.stages = GT_PLAN_ALL, .seed = -1};
	*out = in ? *in : defaults;
	if (out->stages & GT_PLAN_SIM)
		out->stages |= GT_PLAN_SIM_INPUTS;
	if (out->stages & GT_PLAN_SIM_INPUTS)
		out->stages |= GT_PLAN_FORCEGEN | GT_PLAN_AIR;
	if (out->air_resolution_km == 0)
		out->air_resolution_km = GT_AIR_RESOLUTION_KM;
	const struct gt_sim_params *p = &s->simulation;
	if (out->runs == 0)
		out->runs = p->present ? (uint64_t)p->runs : 0;
	if (out->years == 0)
		out->years = p->present ? p->years : 0;
	if (out->seed < 0)
		out->seed = p->present ? p->seed : 0;
	if (out->threads <= 0) {
		long online = sysconf(_SC_NPROCESSORS_ONLN);
		out->threads = online > 0 ? (online > 256 ? 256 : (int)online) : 1;
	}
	if (out->size <= 0)
		out->size = 1;
	if (out->basis != GT_SIM_RAISED && out->basis != GT_SIM_REQUIRED)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "basis", "expected raised or required");
	if (out->years < 0 || out->years > 50)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "years", "expected 1 to 50 years");
	if (out->rank < 0 || out->rank >= out->size)
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, "rank", "process %d of %d", out->rank,
		                  out->size);
	if (!out->option)
		return GT_OK;
	for (size_t i = 0; i < s->noptions; i++)
		if (strcmp(s->options[i].name, out->option) == 0)
			return GT_OK;
	return no_such_option(s, out->option, err);
}

static long role_allocated(const struct gt_forcegen *fg, enum gt_unit unit)
{
	long n = 0;
	for (size_t r = 0; r < fg->nroles; r++)
		if (fg->roles[r].unit == unit)
			n += fg->roles[r].allocated;
	return n;
}

static size_t count_posts(const struct gt_air_plan *plan, bool aew)
{
	size_t n = 0;
	for (size_t i = 0; plan && i < plan->nposts; i++)
		n += plan->posts[i].aew == aew;
	return n;
}

static size_t count_voters(const struct gt_plan_option *po)
{
	const struct gt_forcegen *fg = po->forcegen;
	if (!fg) {
		const struct gt_sizing_option *so = po->sizing;
		bool forces = so->ground > 0 || so->fighters > 0 || so->ships > 0;
		return forces ? po->option->nlead : 0;
	}
	size_t n = 0;
	for (size_t m = 0; m < fg->nmembers; m++)
		n += gt_forcegen_contributes(&fg->members[m]);
	return n;
}

static void force_required(const struct gt_plan_option *po, struct gt_plan_force *f)
{
	const struct gt_sizing_option *so = po->sizing;
	*f = (struct gt_plan_force){
		.ground = so->ground,
		.fighters = so->fighters,
		.aew_aircraft = so->aew_aircraft,
		.tankers = so->tankers,
		.ships = so->ships,
		.air_personnel = so->air_personnel,
		.naval_personnel = so->naval_personnel,
		.trainers = so->trainers,
		.monitors = so->monitors,
		.deployed = so->deployed,
		.stations = count_posts(po->air_plan, false),
		.orbits = count_posts(po->air_plan, true),
	};
}

/* What force generation found, in the sizing's terms: ground companies as
 * people (at most the ground force required: companies round up), the
 * stations and orbits the fighters, AEW aircraft and tankers found can
 * hold, and the people of each. */
static enum gt_status force_raised(const struct gt_scenario *s, struct gt_plan_option *po,
                                   const struct gt_air_params *params, struct gt_err *err)
{
	const struct gt_forcegen *fg = po->forcegen;
	struct gt_plan_force *f = &po->raised;
	*f = po->required;
	if (!fg)
		return GT_OK;
	long companies = role_allocated(fg, GT_UNIT_COMPANIES);
	double people = (double)companies * s->forcegen.company_strength;
	f->ground = people < (double)po->required.ground ? lround(people) : po->required.ground;
	f->ships = role_allocated(fg, GT_UNIT_SHIPS);
	f->naval_personnel = lround((double)f->ships * s->doctrine.personnel_per_ship);
	f->trainers = role_allocated(fg, GT_UNIT_TRAINERS);
	f->monitors = role_allocated(fg, GT_UNIT_MONITORS);
	if (po->air_plan) {
		enum gt_status st = gt_air_plan_held(po->air_plan, role_allocated(fg, GT_UNIT_FIGHTERS),
		                                     role_allocated(fg, GT_UNIT_AEW),
		                                     role_allocated(fg, GT_UNIT_TANKERS), &po->air_held,
		                                     err);
		if (st != GT_OK)
			return st;
		const struct gt_air_plan *h = po->air_held;
		if (h->nposts < po->air_plan->nposts &&
		    (st = gt_air_assess(s, h, params, &po->air_held_assessed, err)) != GT_OK)
			return st;
		f->fighters = h->fighters;
		f->aew_aircraft = h->aew_aircraft;
		f->tankers = h->tankers;
		f->air_personnel = h->personnel;
		f->stations = count_posts(h, false);
		f->orbits = count_posts(h, true);
	}
	f->deployed = f->ground + f->air_personnel + f->naval_personnel + f->trainers + f->monitors;
	return GT_OK;
}

/* The simulation's inputs of one option, by basis. */
static enum gt_status sim_inputs(const struct gt_scenario *s, struct gt_plan_option *po,
                                 struct gt_err *err)
{
	const struct gt_air_assessment *held =
		po->air_held_assessed ? po->air_held_assessed : po->air;
	struct gt_sim_force force = {(double)po->raised.ground, (double)po->raised.monitors,
	                             po->raised.stations};
	enum gt_status st = gt_sim_option_build(s, po->sizing, &force, po->forcegen, held,
	                                        &po->sim_in[GT_SIM_RAISED], err);
	if (st == GT_OK)
		st = gt_sim_option_build(s, po->sizing, NULL, po->forcegen, po->air,
		                         &po->sim_in[GT_SIM_REQUIRED], err);
	po->has_sim_in = st == GT_OK;
	return st;
}

static enum gt_status plan_option(struct gt_plan *plan, const struct gt_sizing_option *sz,
                                  struct gt_err *err)
{
	const struct gt_scenario *s = plan->scenario;
	const struct gt_plan_settings *set = &plan->settings;
	struct gt_plan_option *po = &plan->options[plan->noptions++];
	size_t i = sz->index;
	po->option = sz->option;
	po->sizing = sz;
	struct gt_air_params params = gt_air_params_of(s, set->air_resolution_km);
	enum gt_status st;
	if ((set->stages & GT_PLAN_FORCEGEN) && has_coalition(s) &&
	    (st = gt_forcegen_run(s, po->sizing, set->forcegen, &po->forcegen, err)) != GT_OK)
		return st;
	if ((set->stages & GT_PLAN_AIR) && (has_air(po->option) || set->air_all)) {
		if ((st = gt_air_plan_option(s, i, s->theatre.aircraft, &po->air_plan, err)) != GT_OK ||
		    (st = gt_air_assess(s, po->air_plan, &params, &po->air, err)) != GT_OK)
			return st;
	}
	force_required(po, &po->required);
	if ((st = force_raised(s, po, &params, err)) != GT_OK)
		return st;
	po->required.voters = po->raised.voters = count_voters(po);
	if ((set->stages & GT_PLAN_SIM_INPUTS) && s->simulation.present)
		return sim_inputs(s, po, err);
	return GT_OK;
}

enum gt_status gt_plan_run(const struct gt_scenario *s, const struct gt_plan_settings *settings,
                           struct gt_plan **out, struct gt_err *err)
{
	*out = NULL;
	gt_err_clear(err);
	struct gt_plan *plan = calloc(1, sizeof(*plan));
	if (!plan)
		return nomem(err);
	plan->scenario = s;
	enum gt_status st = fill_settings(s, settings, &plan->settings, err);
	if (st == GT_OK)
		st = gt_sizing_run(s, &plan->sizing, err);
	if (st == GT_OK && !(plan->options = calloc(s->noptions + 1, sizeof(*plan->options))))
		st = nomem(err);
	for (size_t i = 0; st == GT_OK && i < plan->sizing->noptions; i++) {
		const struct gt_sizing_option *sz = &plan->sizing->options[i];
		if (!plan->settings.option || strcmp(sz->option->name, plan->settings.option) == 0)
			st = plan_option(plan, sz, err);
	}
	/* the option asked for by name cannot be planned: say why */
	for (size_t i = 0; st == GT_OK && plan->settings.option && i < plan->sizing->ninfeasible;
	     i++) {
		const struct gt_sizing_infeasible *inf = &plan->sizing->infeasible[i];
		if (strcmp(inf->option->name, plan->settings.option) == 0) {
			if (err)
				*err = inf->why;
			st = inf->why.status;
		}
	}
	if (st == GT_OK && (plan->settings.stages & GT_PLAN_SIM_INPUTS) && s->simulation.present)
		st = gt_sim_baseline(s, &plan->baseline_in, err);
	if (st == GT_OK && (plan->settings.stages & GT_PLAN_SIM) && s->simulation.present)
		st = gt_plan_simulate(plan, NULL, err);
	if (st != GT_OK) {
		if (st == GT_E_NOMEM && err && err->status == GT_OK)
			nomem(err);
		gt_plan_free(plan);
		return st;
	}
	*out = plan;
	return GT_OK;
}

struct named_watch {
	const struct gt_plan_watch *watch;
	const char *name;
};

static void named_tick(void *ctx, uint64_t done, uint64_t total)
{
	const struct named_watch *nw = ctx;
	nw->watch->tick(nw->watch->ctx, nw->name, done, total);
}

/* Runs this process's part of one input's runs, adding to c (set up on
 * first use). */
static enum gt_status simulate_one(const struct gt_plan *plan, const struct gt_sim_params *p,
                                   const struct gt_sim_option *in, struct gt_sim_counts *c,
                                   struct gt_err *err)
{
	const struct gt_plan_settings *set = &plan->settings;
	if (!c->collapse_by_day && gt_sim_counts_init(c, 365 * set->years) != GT_OK)
		return nomem(err);
	uint64_t first = set->runs * (uint64_t)set->rank / (uint64_t)set->size;
	uint64_t last = set->runs * (uint64_t)(set->rank + 1) / (uint64_t)set->size;
	struct named_watch nw = {set->watch, in->name};
	struct gt_sim_watch w = {named_tick, &nw, set->watch ? set->watch->every_ms : 0};
	return gt_sim_run_watched(p, in, (uint64_t)set->seed, first, last - first, set->threads, c,
	                          set->watch ? &w : NULL, err);
}

enum gt_status gt_plan_simulate(struct gt_plan *plan, const struct gt_sim_params *p,
                                struct gt_err *err)
{
	const struct gt_scenario *s = plan->scenario;
	const struct gt_plan_settings *set = &plan->settings;
	if (!s->simulation.present)
		return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "simulation",
		                  "the scenario has no simulation section (docs/model-sim.md)");
	if (!p)
		p = &s->simulation;
	enum gt_status st = GT_OK;
	for (size_t i = 0; st == GT_OK && i < plan->noptions; i++) {
		struct gt_plan_option *po = &plan->options[i];
		if (!po->has_sim_in)
			return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, po->option->name,
			                  "the plan was built without the simulation's inputs");
		for (int b = 0; st == GT_OK && b < 2; b++)
			if ((enum gt_sim_basis)b == set->basis || set->both_bases)
				st = simulate_one(plan, p, &po->sim_in[b], &po->sim[b], err);
	}
	if (st == GT_OK && !set->no_baseline)
		st = simulate_one(plan, p, &plan->baseline_in, &plan->baseline, err);
	return st;
}

void gt_plan_free(struct gt_plan *plan)
{
	if (!plan)
		return;
	for (size_t i = 0; i < plan->noptions; i++) {
		struct gt_plan_option *po = &plan->options[i];
		for (int b = 0; b < 2; b++)
			gt_sim_counts_fini(&po->sim[b]);
		gt_air_assessment_free(po->air_held_assessed);
		gt_air_plan_free(po->air_held);
		gt_air_assessment_free(po->air);
		gt_air_plan_free(po->air_plan);
		gt_forcegen_free(po->forcegen);
	}
	free(plan->options);
	gt_sim_counts_fini(&plan->baseline);
	gt_sizing_free(plan->sizing);
	free(plan);
}

const struct gt_plan_option *gt_plan_find(const struct gt_plan *plan, const char *name)
{
	for (size_t i = 0; i < plan->noptions; i++)
		if (strcmp(plan->options[i].option->name, name) == 0)
			return &plan->options[i];
	return NULL;
}
