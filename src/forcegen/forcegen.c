/* forcegen.c: builds the force-generation programme from a scenario and a
 * sized option, solves it in three stages and reads the allocation back.
 * Equations are numbered as in docs/model-forcegen.md. */
#include "guarantor/forcegen.h"
#include "forcegen_priv.h"
#include "mip.h"
#include "util/assert.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double gt_forcegen_people_per_unit(const struct gt_scenario *s,
                                   const struct gt_sizing_option *option, enum gt_unit u)
{
	switch (u) {
	case GT_UNIT_COMPANIES: return s->forcegen.company_strength;
	case GT_UNIT_FIGHTERS: return option->fighter_personnel;
	case GT_UNIT_AEW: return option->aew_personnel;
	case GT_UNIT_TANKERS: return option->tanker_personnel;
	case GT_UNIT_SHIPS: return s->doctrine.personnel_per_ship;
	case GT_UNIT_TRAINERS:
	case GT_UNIT_MONITORS: return 1;
	case GT_UNIT_COUNT: break;
	}
	return 0;
}

static bool is_sector_role(enum gt_role_kind k)
{
	return k == GT_ROLE_LINE || k == GT_ROLE_GARRISON;
}

static enum gt_status add_role(struct gt__fg *p, enum gt_role_kind kind, const char *name,
                               enum gt_unit unit, double km, long required)
{
	if (required <= 0)
		return GT_OK;
	struct gt_fg_role *grown = realloc(p->out->roles, (p->out->nroles + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	p->out->roles = grown;
	struct gt_fg_role *r = &grown[p->out->nroles++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->unit = unit;
	r->km_from_line = km;
	r->required = required;
	r->lead = -1;
	return GT_OK;
}

static long companies(const struct gt_scenario *s, double troops)
{
	return (long)ceil(troops / s->forcegen.company_strength - 1e-9);
}

/* The roles of an option: one per covered sector and garrison, then the
 * reserve, enablers (with HQ), and the air, sea, training and monitoring
 * roles. Roles with nothing required are left out. */
static enum gt_status build_roles(struct gt__fg *p)
{
	const struct gt_scenario *s = p->s;
	const struct gt_sizing_option *o = p->option;
	enum gt_status st = GT_OK;
	for (size_t i = 0; i < o->nsectors && st == GT_OK; i++) {
		st = add_role(p, GT_ROLE_LINE, o->sectors[i].sector->name, GT_UNIT_COMPANIES, 0,
		              companies(s, (double)o->sectors[i].troops));
		if (st == GT_OK && p->out->nroles &&
		    strcmp(p->out->roles[p->out->nroles - 1].name, o->sectors[i].sector->name) == 0)
			p->out->roles[p->out->nroles - 1].sector = o->sectors[i].sector;
	}
	for (size_t g = 0; g < o->option->ngarrisons && st == GT_OK; g++) {
		const struct gt_garrison *gar = &o->option->garrisons[g];
		st = add_role(p, GT_ROLE_GARRISON, gar->place, GT_UNIT_COMPANIES,
		              gt_theatre_line_distance_km(&s->theatre, gar->at, NULL),
		              companies(s, gar->troops));
	}
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_RESERVE, "reserve", GT_UNIT_COMPANIES, s->forcegen.reserve_km,
		              companies(s, (double)o->reserve));
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_ENABLERS, "enablers and HQ", GT_UNIT_COMPANIES,
		              s->forcegen.enablers_km, companies(s, (double)(o->enablers + o->hq)));
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_AIR_PATROL, "air patrol", GT_UNIT_FIGHTERS, INFINITY,
		              o->fighters);
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_AEW, "airborne early warning", GT_UNIT_AEW, INFINITY,
		              o->aew_aircraft);
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_AIR_REFUELLING, "air refuelling", GT_UNIT_TANKERS, INFINITY,
		              o->tankers);
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_NAVAL, "naval task group", GT_UNIT_SHIPS, INFINITY, o->ships);
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_TRAINING, "training", GT_UNIT_TRAINERS, INFINITY, o->trainers);
	if (st == GT_OK)
		st = add_role(p, GT_ROLE_MONITORING, "monitoring", GT_UNIT_MONITORS, INFINITY,
		              o->monitors);
	return st;
}

static int find_member(const struct gt_scenario *s, const char *code)
{
	for (size_t i = 0; i < s->nmembers; i++)
		if (strcmp(s->members[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* Each member's effective offer and caveats after the "what if" changes. */
static enum gt_status apply_changes(struct gt__fg *p, const struct gt_fg_settings *set,
                                    struct gt_err *err)
{
	const struct gt_scenario *s = p->s;
	for (size_t i = 0; i < s->nmembers; i++) {
		struct gt_fg_member *m = &p->out->members[i];
		m->member = &s->members[i];
		memcpy(m->sustain, s->members[i].sustain, sizeof(m->sustain));
		p->cav[i] = s->members[i].caveats;
	}
	for (size_t c = 0; set && c < set->nchanges; c++) {
		const struct gt_fg_change *ch = &set->changes[c];
		int i = find_member(s, ch->code);
		if (i < 0)
			return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
			                  "%s is not a member of the coalition", ch->code);
		switch (ch->kind) {
		case GT_FG_WITHOUT: p->out->members[i].excluded = true; break;
		case GT_FG_CAP:
			if (!s->members[i].domains[gt_unit_domain(ch->unit)] && ch->value > 0)
				return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
				                  "%s does not serve in the %s domain; a cap on %s does not "
				                  "apply",
				                  ch->code, gt_domain_name(gt_unit_domain(ch->unit)),
				                  gt_unit_name(ch->unit));
			p->out->members[i].sustain[ch->unit] = ch->value;
			break;
		case GT_FG_LIFT: {
			struct gt_caveats *cv = &p->cav[i];
			const char *w = ch->what;
			bool all = !w;
			if (all || strcmp(w, "min_km_from_line") == 0)
				cv->min_km_from_line = 0;
			if (all || strcmp(w, "only_in") == 0)
				cv->nonly_in = 0;
			if (all || strcmp(w, "only_under") == 0)
				cv->nonly_under = 0;
			if (all || strcmp(w, "max_role_share") == 0)
				cv->max_role_share = 1;
			if (!all && strcmp(w, "min_km_from_line") != 0 && strcmp(w, "only_in") != 0 &&
			    strcmp(w, "only_under") != 0 && strcmp(w, "max_role_share") != 0)
				return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
				                  "unknown caveat '%s'; expected min_km_from_line, only_in, "
				                  "only_under or max_role_share",
				                  w);
			break;
		}
		}
	}
	return GT_OK;
}

static bool in_list(char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

enum gt__fg_bar gt__fg_barred(const struct gt__fg *p, size_t m, size_t r)
{
	const struct gt_fg_member *fm = &p->out->members[m];
	const struct gt_fg_role *role = &p->out->roles[r];
	const struct gt_caveats *cv = &p->cav[m];
	if (fm->excluded)
		return GT_FG_BAR_EXCLUDED;
	if (!fm->member->domains[gt_unit_domain(role->unit)])
		return GT_FG_BAR_DOMAIN;
	if (fm->sustain[role->unit] <= 0)
		return GT_FG_BAR_NO_OFFER;
	if (role->unit == GT_UNIT_COMPANIES) {
		if (cv->min_km_from_line > role->km_from_line)
			return GT_FG_BAR_DISTANCE;
		if (cv->nonly_in > 0 && is_sector_role(role->kind) &&
		    !in_list(cv->only_in, cv->nonly_in, role->name))
			return GT_FG_BAR_REGION;
		/* the reserve and enablers have no lead nation to serve under */
		if (cv->nonly_under > 0 && !is_sector_role(role->kind))
			return GT_FG_BAR_NO_LEAD;
	}
	return GT_FG_BAR_NONE;
}

/* Upper bound on member m's units in role r (0 when barred). */
static long upper_bound(const struct gt__fg *p, size_t m, size_t r)
{
	const struct gt_fg_role *role = &p->out->roles[r];
	if (gt__fg_barred(p, m, r) != GT_FG_BAR_NONE)
		return 0;
	long ub = role->required;
	if (p->out->members[m].sustain[role->unit] < ub)
		ub = p->out->members[m].sustain[role->unit];
	if (is_sector_role(role->kind)) {
		long cap = (long)floor(p->cav[m].max_role_share * (double)role->required + 1e-9);
		if (cap < ub)
			ub = cap;
	}
	return ub;
}

static bool can_lead(const struct gt__fg *p, size_t m, size_t r)
{
	return p->out->members[m].member->leads && is_sector_role(p->out->roles[r].kind) &&
	       upper_bound(p, m, r) > 0;
}

#define NO_VAR (-1)
/* Out of memory while building the model. */
#define NEED(ok)                                                                            \
	do {                                                                                \
		if (!(ok))                                                                  \
			return GT_E_NOMEM;                                                  \
	} while (0)
#define NEED_VAR(index) NEED((index) >= 0)

static enum gt_status add_row(struct gt__mip *mip, double lb, double ub, int *row)
{
	*row = gt__mip_row(mip, lb, ub);
	return *row < 0 ? GT_E_NOMEM : GT_OK;
}

/* Variables and constraints (1)-(10) of docs/model-forcegen.md. */
static enum gt_status build_model(struct gt__fg *p)
{
	struct gt__mip *mip = p->mip;
	const size_t M = p->out->nmembers, R = p->out->nroles;
	const double L = p->s->forcegen.lead_share;
	int row;
	for (size_t m = 0; m < M; m++)
		for (size_t r = 0; r < R; r++) {
			size_t k = m * R + r;
			p->x[k] = p->y[k] = p->z[k] = NO_VAR;
			long ub = upper_bound(p, m, r);
			if (ub <= 0)
				continue;
			p->x[k] = gt__mip_var(mip, GT_MIP_INTEGER, 0, (double)ub);
			NEED_VAR(p->x[k]);
			if (is_sector_role(p->out->roles[r].kind)) {
				p->z[k] = gt__mip_var(mip, GT_MIP_BINARY, 0, 1);
				NEED_VAR(p->z[k]);
				if (can_lead(p, m, r)) {
					p->y[k] = gt__mip_var(mip, GT_MIP_BINARY, 0, 1);
					NEED_VAR(p->y[k]);
				}
			}
		}
	for (size_t r = 0; r < R; r++) {
		const struct gt_fg_role *role = &p->out->roles[r];
		double req = (double)role->required;
		/* (1) cover: sum_m x + s = req, 0 <= s <= req */
		p->s_var[r] = gt__mip_var(mip, GT_MIP_CONTINUOUS, 0, req);
		NEED_VAR(p->s_var[r]);
		if (add_row(mip, req, req, &row) != GT_OK)
			return GT_E_NOMEM;
		NEED(gt__mip_coef(mip, row, p->s_var[r], 1));
		for (size_t m = 0; m < M; m++)
			if (p->x[m * R + r] != NO_VAR)
				NEED(gt__mip_coef(mip, row, p->x[m * R + r], 1));
		if (!is_sector_role(role->kind))
			continue;
		/* (2) at most one lead nation */
		if (add_row(mip, -HUGE_VAL, 1, &row) != GT_OK)
			return GT_E_NOMEM;
		for (size_t m = 0; m < M; m++)
			if (p->y[m * R + r] != NO_VAR)
				NEED(gt__mip_coef(mip, row, p->y[m * R + r], 1));
		/* (3) no units without a lead: sum_m x <= req * sum_l y */
		if (add_row(mip, -HUGE_VAL, 0, &row) != GT_OK)
			return GT_E_NOMEM;
		for (size_t m = 0; m < M; m++) {
			if (p->x[m * R + r] != NO_VAR)
				NEED(gt__mip_coef(mip, row, p->x[m * R + r], 1));
			if (p->y[m * R + r] != NO_VAR)
				NEED(gt__mip_coef(mip, row, p->y[m * R + r], -req));
		}
		/* (5) nations: x <= ub z, sum z <= N */
		int nations;
		if (add_row(mip, -HUGE_VAL, p->s->forcegen.max_nations, &nations) != GT_OK)
			return GT_E_NOMEM;
		for (size_t m = 0; m < M; m++) {
			size_t k = m * R + r;
			if (p->x[k] == NO_VAR)
				continue;
			NEED(gt__mip_coef(mip, nations, p->z[k], 1));
			if (add_row(mip, -HUGE_VAL, 0, &row) != GT_OK)
				return GT_E_NOMEM;
			NEED(gt__mip_coef(mip, row, p->x[k], 1));
			NEED(gt__mip_coef(mip, row, p->z[k], -(double)upper_bound(p, m, r)));
			if (p->y[k] != NO_VAR) {
				/* (4) the lead holds at least L of the role:
				 * x_l >= L sum_m x_m - req (1 - y_l) */
				if (add_row(mip, -req, HUGE_VAL, &row) != GT_OK)
					return GT_E_NOMEM;
				for (size_t m2 = 0; m2 < M; m2++)
					if (p->x[m2 * R + r] != NO_VAR)
						NEED(gt__mip_coef(mip, row, p->x[m2 * R + r],
						                   (m2 == m ? 1.0 : 0.0) - L));
				NEED(gt__mip_coef(mip, row, p->y[k], -req));
				/* a lead is present: y <= z */
				if (add_row(mip, -HUGE_VAL, 0, &row) != GT_OK)
					return GT_E_NOMEM;
				NEED(gt__mip_coef(mip, row, p->y[k], 1));
				NEED(gt__mip_coef(mip, row, p->z[k], -1));
			}
			/* (6) only under named leads: x_m <= ub * sum_{l in U} y_l */
			const struct gt_caveats *cv = &p->cav[m];
			if (cv->nonly_under > 0) {
				if (add_row(mip, -HUGE_VAL, 0, &row) != GT_OK)
					return GT_E_NOMEM;
				NEED(gt__mip_coef(mip, row, p->x[k], 1));
				for (size_t l = 0; l < M; l++) {
					if (p->y[l * R + r] != NO_VAR &&
					    in_list(cv->only_under, cv->nonly_under,
					            p->out->members[l].member->code))
						NEED(gt__mip_coef(mip, row, p->y[l * R + r],
						                   -(double)upper_bound(p, m, r)));
				}
			}
		}
	}
	/* (7) what each member can sustain, per unit */
	for (size_t m = 0; m < M; m++)
		for (int u = 0; u < GT_UNIT_COUNT; u++) {
			bool any = false;
			for (size_t r = 0; r < R; r++)
				any = any || (p->out->roles[r].unit == (enum gt_unit)u && p->x[m * R + r] != NO_VAR);
			if (!any)
				continue;
			if (add_row(mip, -HUGE_VAL, (double)p->out->members[m].sustain[u], &row) != GT_OK)
				return GT_E_NOMEM;
			for (size_t r = 0; r < R; r++)
				if (p->out->roles[r].unit == (enum gt_unit)u && p->x[m * R + r] != NO_VAR)
					NEED(gt__mip_coef(mip, row, p->x[m * R + r], 1));
		}
	/* (8) burden, in thousand people: p_m = sum_r x_mr ppu_r; P = sum_m p_m;
	 * d_m >= |p_m - w_m P|. The p and P variables keep every row short. */
	int total = p->total_var = gt__mip_var(mip, GT_MIP_CONTINUOUS, 0, HUGE_VAL), total_row;
	NEED_VAR(total);
	if (add_row(mip, 0, 0, &total_row) != GT_OK)
		return GT_E_NOMEM;
	NEED(gt__mip_coef(mip, total_row, total, -1));
	for (size_t m = 0; m < M; m++) {
		int people = p->p_var[m] = gt__mip_var(mip, GT_MIP_CONTINUOUS, 0, HUGE_VAL);
		NEED_VAR(people);
		NEED(gt__mip_coef(mip, total_row, people, 1));
		if (add_row(mip, 0, 0, &row) != GT_OK)
			return GT_E_NOMEM;
		NEED(gt__mip_coef(mip, row, people, -1));
		for (size_t r = 0; r < R; r++)
			if (p->x[m * R + r] != NO_VAR)
				NEED(gt__mip_coef(mip, row, p->x[m * R + r],
				                  gt_forcegen_people_per_unit(p->s, p->option, p->out->roles[r].unit) /
				                          1000.0));
		p->d_var[m] = gt__mip_var(mip, GT_MIP_CONTINUOUS, 0, HUGE_VAL);
		NEED_VAR(p->d_var[m]);
		double w = p->out->members[m].fair_share;
		for (int sign = -1; sign <= 1; sign += 2) {
			/* d_m - sign (p_m - w P) >= 0 */
			if (add_row(mip, 0, HUGE_VAL, &row) != GT_OK)
				return GT_E_NOMEM;
			NEED(gt__mip_coef(mip, row, p->d_var[m], 1));
			NEED(gt__mip_coef(mip, row, people, -sign));
			if (w != 0)
				NEED(gt__mip_coef(mip, row, total, sign * w));
		}
	}
	return GT_OK;
}

/* Stage objectives (9a-c). */
static void objective(struct gt__fg *p, int stage)
{
	const size_t M = p->out->nmembers, R = p->out->nroles;
	gt__mip_obj_clear(p->mip);
	if (stage == 0) {
		for (size_t r = 0; r < R; r++)
			gt__mip_obj(p->mip, p->s_var[r],
			            p->s->forcegen.priority[p->out->roles[r].kind] /
			                    (double)p->out->roles[r].required);
	} else if (stage == 1) {
		for (size_t m = 0; m < M; m++)
			gt__mip_obj(p->mip, p->d_var[m], 1);
		/* burden to within 1% of everyone required: see gt__mip_obj_const */
		double people = 0;
		for (size_t r = 0; r < R; r++)
			people += (double)p->out->roles[r].required *
			          gt_forcegen_people_per_unit(p->s, p->option, p->out->roles[r].unit) / 1000.0;
		gt__mip_obj_const(p->mip, people);
	} else {
		for (size_t k = 0; k < M * R; k++)
			if (p->z[k] != NO_VAR)
				gt__mip_obj(p->mip, p->z[k], 1);
	}
}

/* Keeps an optimised stage at its value while the next one runs (10). */
static enum gt_status fix_stage(struct gt__fg *p, double value)
{
	const size_t M = p->out->nmembers, R = p->out->nroles;
	/* a little slack, so that GLPK's own tolerances cannot make the
	 * incumbent look infeasible */
	int row = gt__mip_row(p->mip, -HUGE_VAL, value + 1e-5 + 1e-5 * fabs(value));
	if (row < 0)
		return GT_E_NOMEM;
	/* the current objective's coefficients, copied into a row */
	for (size_t r = 0; p->stage == 0 && r < R; r++)
		if (!gt__mip_coef(p->mip, row, p->s_var[r],
		                  p->s->forcegen.priority[p->out->roles[r].kind] /
		                          (double)p->out->roles[r].required))
			return GT_E_NOMEM;
	for (size_t m = 0; p->stage == 1 && m < M; m++)
		if (!gt__mip_coef(p->mip, row, p->d_var[m], 1))
			return GT_E_NOMEM;
	return GT_OK;
}

/* Units member m can still put into role r: its bound there, what it has
 * left of the role's unit, and what the role still lacks. */
static long room_for(const struct gt__fg *p, const long *room, size_t m, size_t r, long left)
{
	long a = upper_bound(p, m, r);
	long rest = room[m * GT_UNIT_COUNT + p->out->roles[r].unit];
	if (rest < a)
		a = rest;
	return left < a ? left : a;
}

/* A feasible allocation built greedily, to start the first stage from:
 * each sector gets the eligible lead with most room, then others (at most
 * the nations limit, never more than the lead's share allows, only under
 * leads they accept); other roles are filled in coalition order. Every
 * variable gets a value consistent with every constraint. */
static enum gt_status greedy_start(struct gt__fg *p)
{
	const size_t M = p->out->nmembers, R = p->out->nroles, N = gt__mip_nvars(p->mip);
	const double L = p->s->forcegen.lead_share;
	double *v = calloc(N + 1, sizeof(*v));
	long *room = calloc(M * GT_UNIT_COUNT + 1, sizeof(*room));
	if (!v || !room) {
		free(v);
		free(room);
		return GT_E_NOMEM;
	}
	for (size_t m = 0; m < M; m++)
		for (int u = 0; u < GT_UNIT_COUNT; u++)
			room[m * GT_UNIT_COUNT + u] = p->out->members[m].sustain[u];
#define ROOM(m, r) room[(m) * GT_UNIT_COUNT + p->out->roles[r].unit]
	for (size_t r = 0; r < R; r++) {
		const struct gt_fg_role *role = &p->out->roles[r];
		long filled = 0;
		if (is_sector_role(role->kind)) {
			long best = 0;
			int lead = -1;
			for (size_t m = 0; m < M; m++) {
				long a = room_for(p, room, m, r, role->required);
				const struct gt_caveats *cv = &p->cav[m];
				bool accepts_self = cv->nonly_under == 0 ||
				                    in_list(cv->only_under, cv->nonly_under,
				                            p->out->members[m].member->code);
				if (p->y[m * R + r] != NO_VAR && accepts_self && a > best) {
					best = a;
					lead = (int)m;
				}
			}
			if (lead >= 0) {
				size_t k = (size_t)lead * R + r;
				v[p->x[k]] = (double)best;
				v[p->y[k]] = v[p->z[k]] = 1;
				ROOM(lead, r) -= best;
				filled = best;
				int nations = 1;
				for (size_t m = 0; m < M && nations < p->s->forcegen.max_nations; m++) {
					size_t km = m * R + r;
					if ((int)m == lead || p->x[km] == NO_VAR)
						continue;
					const struct gt_caveats *cv = &p->cav[m];
					if (cv->nonly_under > 0 &&
					    !in_list(cv->only_under, cv->nonly_under,
					             p->out->members[lead].member->code))
						continue;
					long a = room_for(p, room, m, r, role->required - filled);
					/* the lead keeps at least L of the total */
					if (L > 0) {
						long most = (long)floor((double)best / L + 1e-9) - filled;
						if (most < a)
							a = most;
					}
					if (a <= 0)
						continue;
					v[p->x[km]] = (double)a;
					v[p->z[km]] = 1;
					ROOM(m, r) -= a;
					filled += a;
					nations++;
				}
			}
		} else {
			for (size_t m = 0; m < M && filled < role->required; m++) {
				size_t km = m * R + r;
				if (p->x[km] == NO_VAR)
					continue;
				long a = room_for(p, room, m, r, role->required - filled);
				if (a <= 0)
					continue;
				v[p->x[km]] = (double)a;
				ROOM(m, r) -= a;
				filled += a;
			}
		}
		v[p->s_var[r]] = (double)(role->required - filled);
	}
#undef ROOM
	double total = 0;
	for (size_t m = 0; m < M; m++) {
		double people = 0;
		for (size_t r = 0; r < R; r++)
			if (p->x[m * R + r] != NO_VAR)
				people += v[p->x[m * R + r]] *
				          gt_forcegen_people_per_unit(p->s, p->option, p->out->roles[r].unit) / 1000.0;
		v[p->p_var[m]] = people;
		total += people;
	}
	v[p->total_var] = total;
	for (size_t m = 0; m < M; m++)
		v[p->d_var[m]] = fabs(v[p->p_var[m]] - p->out->members[m].fair_share * total);
	enum gt_status st = gt__mip_start(p->mip, v);
	/* the greedy start is built to be feasible; if it is not, that is a
	 * defect here, not bad input */
	GT_ASSERT(st != GT_E_INTERNAL);
	free(v);
	free(room);
	return st;
}

/* The current solution, offered as the next stage's start: it meets the
 * earlier stage's bound by construction. */
static enum gt_status carry_start(struct gt__fg *p)
{
	size_t n = gt__mip_nvars(p->mip);
	double *v = malloc((n + 1) * sizeof(*v));
	if (!v)
		return GT_E_NOMEM;
	for (size_t j = 0; j < n; j++)
		v[j] = gt__mip_value(p->mip, (int)j);
	enum gt_status st = gt__mip_start(p->mip, v);
	free(v);
	/* within the slack of (10), the previous stage's solution is feasible;
	 * should GLPK's tolerances say otherwise, search without a start */
	return st == GT_E_INTERNAL ? GT_OK : st;
}

static const char *status_text(int worst)
{
	switch (worst) {
	case GT_MIP_OPTIMAL: return "optimal";
	case GT_MIP_FEASIBLE: return "feasible (time limit)";
	default: return "no solution (time limit)";
	}
}

static void read_solution(struct gt__fg *p)
{
	struct gt_forcegen *out = p->out;
	const size_t M = out->nmembers, R = out->nroles;
	long total = 0;
	for (size_t r = 0; r < R; r++) {
		struct gt_fg_role *role = &out->roles[r];
		for (size_t m = 0; m < M; m++) {
			size_t k = m * R + r;
			long v = p->x[k] == NO_VAR ? 0 : lround(gt__mip_value(p->mip, p->x[k]));
			if (v <= 0)
				continue;
			out->allocs[out->nallocs++] = (struct gt_fg_alloc){(int)m, (int)r, v};
			role->allocated += v;
			role->nations++;
			out->members[m].units[role->unit] += v;
			if (p->y[k] != NO_VAR && gt__mip_value(p->mip, p->y[k]) > 0.5)
				role->lead = (int)m;
		}
		role->shortfall = role->required - role->allocated;
		GT_ASSERT(role->shortfall >= 0);
		out->shortfall_people +=
			lround((double)role->shortfall * gt_forcegen_people_per_unit(p->s, p->option, role->unit));
	}
	for (size_t m = 0; m < M; m++) {
		struct gt_fg_member *fm = &out->members[m];
		double people = 0;
		for (int u = 0; u < GT_UNIT_COUNT; u++)
			people += (double)fm->units[u] * gt_forcegen_people_per_unit(p->s, p->option, (enum gt_unit)u);
		fm->personnel = lround(people);
		fm->committed = lround(people * fm->member->rotation);
		total += fm->personnel;
	}
	for (size_t m = 0; m < M; m++)
		out->members[m].share = total ? (double)out->members[m].personnel / (double)total : 0;
}

/* The rotation schedule: every allocation in every period, with the member's
 * rotation group that holds it then. */
static enum gt_status schedule(struct gt__fg *p)
{
	struct gt_forcegen *out = p->out;
	const struct gt_forcegen_params *fp = &p->s->forcegen;
	out->nperiods = (fp->horizon_months + fp->tour_months - 1) / fp->tour_months;
	out->schedule = calloc((size_t)out->nperiods * out->nallocs + 1, sizeof(*out->schedule));
	if (!out->schedule)
		return GT_E_NOMEM;
	for (int t = 0; t < out->nperiods; t++)
		for (size_t a = 0; a < out->nallocs; a++) {
			const struct gt_fg_alloc *al = &out->allocs[a];
			int groups = (int)ceil(out->members[al->member].member->rotation - 1e-9);
			out->schedule[out->nschedule++] = (struct gt_fg_tour){
				.period = t, .role = al->role, .member = al->member, .units = al->units,
				.group = t % (groups > 0 ? groups : 1) + 1};
		}
	return GT_OK;
}

/* Fair shares: weights normalised over the members able to contribute
 * anything after the changes. */
static void fair_shares(struct gt__fg *p)
{
	double sum = 0;
	for (size_t m = 0; m < p->out->nmembers; m++) {
		struct gt_fg_member *fm = &p->out->members[m];
		bool able = false;
		for (size_t r = 0; r < p->out->nroles; r++)
			able = able || upper_bound(p, m, r) > 0;
		fm->fair_share = able ? fm->member->weight : 0;
		sum += fm->fair_share;
	}
	for (size_t m = 0; m < p->out->nmembers; m++)
		p->out->members[m].fair_share = sum > 0 ? p->out->members[m].fair_share / sum : 0;
}

static void fg_fini(struct gt__fg *p)
{
	gt__mip_free(p->mip);
	free(p->x);
	free(p->y);
	free(p->z);
	free(p->s_var);
	free(p->d_var);
	free(p->p_var);
	free(p->cav);
}

enum gt_status gt_forcegen_check(const struct gt_scenario *s, struct gt_err *err)
{
	if (!s->forcegen.present)
		return gt_err_set(err, GT_E_SCHEMA, s->file, 0, 0, "forcegen",
		                  "the scenario has no forcegen section; force generation needs its "
		                  "parameters (docs/scenario.md)");
	if (s->nmembers == 0)
		return gt_err_set(err, GT_E_SCHEMA, s->file, 0, 0, "coalition",
		                  "the scenario has no coalition members to generate forces from");
	return GT_OK;
}

enum gt_status gt_forcegen_run(const struct gt_scenario *s, const struct gt_sizing_option *option,
                               const struct gt_fg_settings *settings, struct gt_forcegen **out,
                               struct gt_err *err)
{
	struct gt__fg p = {.s = s, .option = option};
	enum gt_status st;
	*out = NULL;
	if ((st = gt_forcegen_check(s, err)) != GT_OK)
		return st;
	p.out = calloc(1, sizeof(*p.out));
	if (!p.out)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	p.out->scenario = s;
	p.out->option = option;
	p.out->members = calloc(s->nmembers, sizeof(*p.out->members));
	p.out->nmembers = s->nmembers;
	p.cav = calloc(s->nmembers, sizeof(*p.cav));
	if (!p.out->members || !p.cav)
		goto out_nomem;
	if ((st = apply_changes(&p, settings, err)) != GT_OK)
		goto out_fail;
	if ((st = build_roles(&p)) != GT_OK)
		goto out_nomem;
	const size_t M = s->nmembers, R = p.out->nroles;
	p.x = malloc((M * R + 1) * sizeof(*p.x));
	p.y = malloc((M * R + 1) * sizeof(*p.y));
	p.z = malloc((M * R + 1) * sizeof(*p.z));
	p.s_var = malloc((R + 1) * sizeof(*p.s_var));
	p.d_var = malloc((M + 1) * sizeof(*p.d_var));
	p.p_var = malloc((M + 1) * sizeof(*p.p_var));
	p.out->allocs = calloc(M * R + 1, sizeof(*p.out->allocs));
	if (!p.x || !p.y || !p.z || !p.s_var || !p.d_var || !p.p_var || !p.out->allocs)
		goto out_nomem;
	fair_shares(&p);
	if (gt__mip_new(&p.mip) != GT_OK || build_model(&p) != GT_OK)
		goto out_nomem;

	double limit = settings && settings->time_limit_s > 0 ? settings->time_limit_s : 30.0;
	const double split[3] = {0.6, 0.2, 0.2};
	/* the shortfall is proved optimal; burden and nations are optimised to
	 * within 1%, which settles them long before any time limit */
	const double rel_gap[3] = {0, 0.01, 0.01};
	int worst = GT_MIP_OPTIMAL;
	struct gt__mip_result res = {0};
	if (greedy_start(&p) != GT_OK)
		goto out_nomem;
	for (p.stage = 0; p.stage < 3; p.stage++) {
		objective(&p, p.stage);
		if (p.stage > 0 && carry_start(&p) != GT_OK)
			goto out_nomem;
		if ((st = gt__mip_solve(p.mip, limit * split[p.stage], rel_gap[p.stage], &res)) !=
		    GT_OK) {
			gt_err_set(err, st, NULL, 0, 0, NULL, "the solver failed (GLPK)");
			goto out_fail;
		}
		p.out->seconds += res.seconds;
		if (res.status == GT_MIP_INFEASIBLE && p.stage > 0) {
			/* numerical trouble with the fixed earlier stage: keep its
			 * solution, which is still in the variables */
			if (worst < GT_MIP_FEASIBLE)
				worst = GT_MIP_FEASIBLE;
			break;
		}
		if (res.status == GT_MIP_INFEASIBLE) {
			/* every role has a shortfall variable, so this is a defect */
			st = gt_err_set(err, GT_E_INTERNAL, NULL, 0, 0, NULL,
			                "the programme of stage %d is infeasible; this is a bug in guarantor", p.stage + 1);
			goto out_fail;
		}
		if (res.status == GT_MIP_NO_SOLUTION) {
			if (p.stage == 0) {
				worst = GT_MIP_NO_SOLUTION;
				break;
			}
			/* keep the previous stage's solution */
			break;
		}
		if ((int)res.status > worst)
			worst = (int)res.status;
		if (res.gap > p.out->gap)
			p.out->gap = res.gap;
		p.out->objective[p.stage] = res.objective;
		if (p.stage < 2 && (st = fix_stage(&p, res.objective)) != GT_OK)
			goto out_nomem;
	}
	p.out->status = status_text(worst);
	p.out->nvars = gt__mip_nvars(p.mip);
	p.out->nrows = gt__mip_nrows(p.mip);
	if (worst != GT_MIP_NO_SOLUTION) {
		read_solution(&p);
		if ((st = gt__fg_explain(&p)) != GT_OK || (st = schedule(&p)) != GT_OK)
			goto out_nomem;
	}
	*out = p.out;
	p.out = NULL;
	fg_fini(&p);
	return GT_OK;
out_nomem:
	st = gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
out_fail:
	fg_fini(&p);
	gt_forcegen_free(p.out);
	return st;
}

void gt_forcegen_free(struct gt_forcegen *fg)
{
	if (!fg)
		return;
	free(fg->schedule);
	for (size_t r = 0; r < fg->nroles; r++)
		free(fg->roles[r].why);
	free(fg->roles);
	free(fg->members);
	free(fg->allocs);
	free(fg);
}

bool gt_forcegen_contributes(const struct gt_fg_member *fm)
{
	return !fm->excluded &&
	       (fm->units[GT_UNIT_COMPANIES] > 0 || fm->units[GT_UNIT_FIGHTERS] > 0 ||
	        fm->units[GT_UNIT_AEW] > 0 || fm->units[GT_UNIT_TANKERS] > 0 ||
	        fm->units[GT_UNIT_SHIPS] > 0);
}
