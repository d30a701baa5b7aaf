/* sizing.c: the force-sizing model of docs/model-sizing.md. Each block is
 * labelled with the number of the equation it implements. */
#include "guarantor/sizing.h"
#include "guarantor/air.h"
#include "util/assert.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static long whole(double x)
{
	return lround(x);
}

double gt_sizing_ground_multiplier(const struct gt_doctrine *d)
{
	return (1 + d->reserve_share) * (1 + d->enabler_share) * (1 + d->hq_share);
}

/* (10) monitors on each line: the option's density per km on a front and
 * doctrine.border.monitor_share of it on a border; or a fixed number
 * shared in the same proportions (largest remainders, so that the lines'
 * monitors add up to it). */
static void monitors(const struct gt_scenario *s, const struct gt_option *o,
                     struct gt_sizing_option *r)
{
	const struct gt_theatre *th = &s->theatre;
	double weight[GT_LINES_MAX], total = 0;
	for (size_t l = 0; l < th->nlines; l++) {
		double share = th->lines[l].role == GT_LINE_BORDER ? s->doctrine.border_monitor_share : 1;
		weight[l] = share * th->lines[l].km;
		total += weight[l];
		r->lines[l].monitors_per_km = o->monitors_per_km * share;
		r->lines[l].monitors = whole(r->lines[l].monitors_per_km * th->lines[l].km);
	}
	if (o->monitors > 0) {
		long n = whole(o->monitors), given = 0;
		double frac[GT_LINES_MAX];
		for (size_t l = 0; l < th->nlines; l++) {
			double exact = total > 0 ? (double)n * weight[l] / total : 0;
			r->lines[l].monitors = (long)floor(exact);
			frac[l] = exact - floor(exact);
			given += r->lines[l].monitors;
		}
		for (; given < n; given++) {
			size_t best = 0;
			for (size_t l = 1; l < th->nlines; l++)
				if (frac[l] > frac[best])
					best = l;
			r->lines[best].monitors++;
			frac[best] = -1;
		}
		for (size_t l = 0; l < th->nlines; l++)
			r->lines[l].monitors_per_km = (double)r->lines[l].monitors / th->lines[l].km;
	}
	r->monitors = 0;
	for (size_t l = 0; l < th->nlines; l++)
		r->monitors += r->lines[l].monitors;
}

static enum gt_status size_option(const struct gt_scenario *s, size_t index,
                                  const struct gt_aircraft_catalogue *cat,
                                  struct gt_sizing_option *r, struct gt_err *err)
{
	const struct gt_option *o = &s->options[index];
	const struct gt_doctrine *d = &s->doctrine;
	memset(r, 0, sizeof(*r));
	r->option = o;
	r->index = index;
	r->sectors = calloc(o->nsectors ? o->nsectors : 1, sizeof(*r->sectors));
	r->lines = calloc(s->theatre.nlines, sizeof(*r->lines));
	if (!r->sectors || !r->lines)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	r->nlines = s->theatre.nlines;
	for (size_t l = 0; l < r->nlines; l++)
		r->lines[l].line = &s->theatre.lines[l];

	/* (1) line troops: sum over covered sectors of L_s * d(terrain, threat) * f(posture) */
	for (size_t i = 0; i < o->nsectors; i++) {
		const struct gt_sector *sec = gt_scenario_sector(s, o->sectors[i]);
		GT_ASSERT(sec); /* the loader checks every sector id */
		struct gt_sizing_sector *out = &r->sectors[r->nsectors++];
		double km = sec->to_km - sec->from_km;
		out->sector = sec;
		out->density = d->density[sec->terrain][sec->threat] * d->posture_factor[o->posture];
		out->troops = whole(km * out->density);
		r->line_km += km;
		r->line_troops += out->troops;
		r->lines[sec->line].covered_km += km;
		r->lines[sec->line].line_troops += out->troops;
	}
	/* (2) garrisons */
	for (size_t i = 0; i < o->ngarrisons; i++)
		r->garrison_troops += whole(o->garrisons[i].troops);
	/* (3)-(7) reserve, manoeuvre force, enablers, headquarters, ground force */
	r->reserve = whole(d->reserve_share * (double)(r->line_troops + r->garrison_troops));
	r->manoeuvre = r->line_troops + r->garrison_troops + r->reserve;
	r->enablers = whole(d->enabler_share * (double)r->manoeuvre);
	r->hq = whole(d->hq_share * (double)(r->manoeuvre + r->enablers));
	r->ground = r->manoeuvre + r->enablers + r->hq;
	/* (8) air: the umbrella's stations placed and sized by the air model
	 * (docs/model-air.md): fighters, AEW aircraft, tankers and their people */
	struct gt_air_plan *plan;
	enum gt_status st = gt_air_plan_option(s, index, cat, &plan, err);
	if (st != GT_OK)
		return st;
	r->fighters = plan->fighters;
	r->aew_aircraft = plan->aew_aircraft;
	r->tankers = plan->tankers;
	r->air_personnel = plan->personnel;
	r->fighter_personnel = plan->fighter ? plan->fighter->personnel : 0;
	r->aew_personnel = plan->aew ? plan->aew->personnel : 0;
	r->tanker_personnel = plan->tanker ? plan->tanker->personnel : 0;
	gt_air_plan_free(plan);
	/* (9) naval */
	r->ships = whole(o->naval_task_groups * d->ships_per_task_group);
	r->naval_personnel = whole((double)r->ships * d->personnel_per_ship);
	/* (10) trainers and monitors (monitors watch every line, a border at a
	 * share of a front's density) */
	r->trainers = whole(o->trainers);
	monitors(s, o, r);
	/* (11) deployed at any one time */
	r->deployed = r->ground + r->air_personnel + r->naval_personnel + r->trainers + r->monitors;
	/* (12) committed: each component times its rotation ratio */
	r->committed_ground = whole((double)r->ground * d->rotation.ground);
	r->committed_air = whole((double)r->air_personnel * d->rotation.air);
	r->committed_naval = whole((double)r->naval_personnel * d->rotation.naval);
	r->committed_training = whole((double)r->trainers * d->rotation.training);
	r->committed_monitoring = whole((double)r->monitors * d->rotation.monitoring);
	r->committed = r->committed_ground + r->committed_air + r->committed_naval +
	               r->committed_training + r->committed_monitoring;
	return GT_OK;
}

enum gt_status gt_sizing_run(const struct gt_scenario *s, struct gt_sizing **out,
                             struct gt_err *err)
{
	*out = NULL;
	struct gt_sizing *sz = calloc(1, sizeof(*sz));
	if (!sz)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	sz->scenario = s;
	sz->line_km = s->theatre.lines_km;
	sz->options = calloc(s->noptions ? s->noptions : 1, sizeof(*sz->options));
	sz->infeasible = calloc(s->noptions ? s->noptions : 1, sizeof(*sz->infeasible));
	if (!sz->options || !sz->infeasible)
		goto out_nomem;
	enum gt_status st = GT_OK;
	for (size_t i = 0; st == GT_OK && i < s->noptions; i++) {
		struct gt_sizing_option *r = &sz->options[sz->noptions];
		struct gt_err why;
		gt_err_clear(&why);
		st = size_option(s, i, s->theatre.aircraft, r, &why);
		if (st == GT_OK) {
			sz->noptions++;
			continue;
		}
		free(r->sectors);
		free(r->lines);
		memset(r, 0, sizeof(*r));
		if (st == GT_E_RANGE || st == GT_E_SCHEMA) {
			/* this option cannot be planned; the others can */
			sz->infeasible[sz->ninfeasible++] =
				(struct gt_sizing_infeasible){&s->options[i], i, why};
			st = GT_OK;
		} else if (err) {
			*err = why;
		}
	}
	if (st != GT_OK) {
		gt_sizing_free(sz);
		return st;
	}
	*out = sz;
	return GT_OK;
out_nomem:
	gt_sizing_free(sz);
	return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

void gt_sizing_free(struct gt_sizing *sz)
{
	if (!sz)
		return;
	for (size_t i = 0; i < sz->noptions; i++) {
		free(sz->options[i].sectors);
		free(sz->options[i].lines);
	}
	free(sz->options);
	free(sz->infeasible);
	free(sz);
}

const struct gt_sizing_option *gt_sizing_find(const struct gt_sizing *sz, const char *name)
{
	for (size_t i = 0; i < sz->noptions; i++)
		if (strcmp(sz->options[i].option->name, name) == 0)
			return &sz->options[i];
	return NULL;
}

enum gt_status gt_sizing_predict(const struct gt_doctrine *d, const struct gt_sizing_case *c,
                                 double *troops)
{
	*troops = 0;
	if ((unsigned)c->threat >= GT_THREAT_COUNT || (unsigned)c->terrain >= GT_TERRAIN_COUNT)
		return GT_E_USAGE;
	switch (c->posture) {
	case GT_POSTURE_OBSERVER: /* (13) monitors per km of line */
		*troops = d->observer_per_km * c->line_km;
		return GT_OK;
	case GT_POSTURE_BUFFER:
	case GT_POSTURE_LINE:
	case GT_POSTURE_DEPTH: /* (14) a one-sector option with the same multipliers */
		*troops = c->line_km * d->density[c->terrain][c->threat] *
		          d->posture_factor[c->posture] * gt_sizing_ground_multiplier(d);
		return GT_OK;
	case GT_POSTURE_STABILISATION: /* (15) troops per 1,000 inhabitants */
		if (!(c->population > 0))
			return GT_E_USAGE;
		*troops = c->population * d->stabilisation_per_1000[c->threat] / 1000.0;
		return GT_OK;
	case GT_POSTURE_NONE:
	case GT_POSTURE_COUNT:
		break;
	}
	return GT_E_USAGE;
}
