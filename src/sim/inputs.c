/* inputs.c: an option as the simulation sees it, from the scenario and
 * what the other engines found (docs/model-sim.md, "Inputs"). */
#include "guarantor/sim.h"
#include "guarantor/air.h"
#include "guarantor/forcegen.h"
#include "guarantor/sizing.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Adds a voter; m may be NULL (a lead nation outside the coalition). A
 * negative resolve or delay means the simulation's default, read when the
 * runs start, so that a sweep of the default reaches every member without
 * a value of its own. False when there is no room left. */
static bool add_member(const char code[3], const struct gt_member *m, double weight,
                       struct gt_sim_option *out)
{
	if (out->nmembers >= sizeof(out->members) / sizeof(out->members[0]))
		return false;
	struct gt_sim_member *sm = &out->members[out->nmembers++];
	memcpy(sm->code, code, sizeof(sm->code));
	sm->weight = weight > 0 ? weight : 1;
	sm->resolve = m ? m->resolve : -1;
	sm->delay_days = m ? m->decision_days : -1;
	return true;
}

static const struct gt_member *find_member(const struct gt_scenario *s, const char *code)
{
	for (size_t i = 0; i < s->nmembers; i++)
		if (strcmp(s->members[i].code, code) == 0)
			return &s->members[i];
	return NULL;
}

const char *gt_sim_basis_name(enum gt_sim_basis b)
{
	return b == GT_SIM_REQUIRED ? "required" : "raised";
}

static enum gt_status need_simulation(const struct gt_scenario *s, struct gt_err *err)
{
	if (s->simulation.present)
		return GT_OK;
	return gt_err_set(err, GT_E_SCHEMA, NULL, 0, 0, "simulation",
	                  "the scenario has no simulation section (docs/model-sim.md)");
}

enum gt_status gt_sim_baseline(const struct gt_scenario *s, struct gt_sim_option *out,
                               struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	enum gt_status st = need_simulation(s, err);
	if (st != GT_OK)
		return st;
	out->name = "no-guarantee";
	out->baseline = true;
	out->defender_strength = 1;
	out->rules = (struct gt_decide_rules){.rule = s->simulation.rule, .quorum = -1,
	                                      .deadline = -1};
	return GT_OK;
}

/* (S3) the lines: a probe falls on each in proportion to its length, a
 * border's at doctrine.border.probe_share of a front's; the monitors are
 * spread over them as sizing spreads them. */
static void lines(const struct gt_scenario *s, const struct gt_sizing_option *sz,
                  double monitors, struct gt_sim_option *out)
{
	const struct gt_theatre *th = &s->theatre;
	double total = 0;
	out->monitors_per_100km = th->lines_km > 0 ? 100.0 * monitors / th->lines_km : 0;
	out->nlines = th->nlines;
	for (size_t l = 0; l < th->nlines; l++) {
		const struct gt_line *ln = &th->lines[l];
		out->lines[l].share = ln->km * (ln->role == GT_LINE_BORDER
		                                        ? s->doctrine.border_probe_share
		                                        : 1);
		total += out->lines[l].share;
		double on = sz->monitors > 0 ? monitors * (double)sz->lines[l].monitors /
		                                       (double)sz->monitors
		                             : 0;
		out->lines[l].monitors_per_100km = ln->km > 0 ? 100.0 * on / ln->km : 0;
	}
	for (size_t l = 0; l < th->nlines; l++)
		out->lines[l].share = total > 0 ? out->lines[l].share / total : 1.0 / (double)th->nlines;
	if (th->nlines == 1)
		out->lines[0].monitors_per_100km = out->monitors_per_100km;
}

enum gt_status gt_sim_option_build(const struct gt_scenario *s, const struct gt_sizing_option *sz,
                                   const struct gt_sim_force *force, const struct gt_forcegen *fg,
                                   const struct gt_air_assessment *air, struct gt_sim_option *out,
                                   struct gt_err *err)
{
	const struct gt_sim_params *p = &s->simulation;
	const struct gt_option *o = sz->option;
	memset(out, 0, sizeof(*out));
	enum gt_status st = need_simulation(s, err);
	if (st != GT_OK)
		return st;
	out->name = o->name;
	out->basis = force ? GT_SIM_RAISED : GT_SIM_REQUIRED;
	out->troops = force ? force->ground : (double)sz->ground;
	out->air = force ? force->stations > 0 : o->patrol_stations > 0;
	out->air_reach = out->air && air && air->reaction.nsources > 0 ? air->reaction.within[1] : 0;
	out->backstop = o->backstop_provider[0] != '\0';
	out->buffer = o->posture == GT_POSTURE_BUFFER;
	double monitors = force ? force->monitors : (double)sz->monitors;
	lines(s, sz, monitors, out);
	out->defender_strength = o->defender_strength > 0 ? o->defender_strength : 1;
	/* who votes: the troop contributors force generation found, weighted
	 * by their people; without it, the lead nations */
	bool room = true;
	if (fg) {
		for (size_t m = 0; room && m < fg->nmembers; m++) {
			const struct gt_fg_member *fm = &fg->members[m];
			if (gt_forcegen_contributes(fm))
				room = add_member(fm->member->code, fm->member, (double)fm->personnel, out);
		}
	} else if (sz->ground > 0 || sz->fighters > 0 || sz->ships > 0) {
		for (size_t l = 0; room && l < o->nlead; l++) {
			const struct gt_member *m = find_member(s, o->lead[l]);
			room = add_member(o->lead[l], m, m ? m->weight : 1, out);
		}
	}
	if (!room)
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, o->name,
		                  "more than %zu contributing governments; the simulation takes at "
		                  "most that many voters",
		                  sizeof(out->members) / sizeof(out->members[0]));
	/* negative quorum or deadline: the simulation's own, read at run time
	 * (so that sweeps reach them) */
	out->rules = (struct gt_decide_rules){
		.rule = o->has_decision ? o->rule : p->rule,
		.quorum = o->has_decision ? o->quorum : -1,
		.deadline = o->has_decision ? o->deadline_days : -1,
	};
	/* the lead nation: the option's first lead nation among the voters,
	 * else the largest contributor */
	size_t lead = 0;
	bool found = false;
	for (size_t l = 0; !found && l < o->nlead; l++) {
		for (size_t m = 0; m < out->nmembers; m++) {
			if (strcmp(out->members[m].code, o->lead[l]) == 0) {
				lead = m;
				found = true;
				break;
			}
		}
	}
	for (size_t m = 1; !found && m < out->nmembers; m++)
		if (out->members[m].weight > out->members[lead].weight)
			lead = m;
	out->rules.lead = lead;
	return GT_OK;
}
