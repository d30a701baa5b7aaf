/* forcegen.c (render): force-generation results as tables, JSON and CSV. */
#include "guarantor/forcegen.h"
#include "guarantor/render.h"
#include "render/render_json.h"
#include "util/thousands.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *lead_code(const struct gt_forcegen *fg, const struct gt_fg_role *r)
{
	if (r->lead < 0)
		return "-";
	return fg->members[r->lead].member->code;
}

/* One cell of the rotation schedule: who holds role r in period t, with
 * which rotation group ("GB 2" is the UK's second group). */
static void schedule_cell(const struct gt_forcegen *fg, size_t r, int t, char cell[64])
{
	size_t used = 0;
	cell[0] = '\0';
	for (size_t k = 0; k < fg->nschedule; k++) {
		const struct gt_fg_tour *tt = &fg->schedule[k];
		if (tt->period != t || tt->role != (int)r || used + 8 >= 64)
			continue;
		used += (size_t)snprintf(cell + used, 64 - used, "%s%s %d", used ? " " : "",
		                         fg->members[tt->member].member->code, tt->group);
	}
}

static bool scheduled(const struct gt_fg_role *ro)
{
	return ro->allocated > 0 && (ro->kind == GT_ROLE_LINE || ro->kind == GT_ROLE_GARRISON);
}

/* Sector roles by rotation period: who holds them, and with which of its
 * rotation groups. Columns as wide as their widest entry. */
static void schedule_table(FILE *out, const struct gt_forcegen *fg)
{
	const struct gt_forcegen_params *fp = &fg->scenario->forcegen;
	bool any = false;
	for (size_t r = 0; r < fg->nroles && !any; r++)
		any = scheduled(&fg->roles[r]);
	if (!any || fg->nperiods == 0)
		return;
	int shown = fg->nperiods < 8 ? fg->nperiods : 8;
	int wname = 16, wcell = 17;
	char cell[64];
	for (size_t r = 0; r < fg->nroles; r++) {
		if (!scheduled(&fg->roles[r]))
			continue;
		if (gt_render_width(fg->roles[r].name) > wname)
			wname = gt_render_width(fg->roles[r].name);
		for (int t = 0; t + 1 < shown; t++) {
			schedule_cell(fg, r, t, cell);
			if (gt_render_width(cell) > wcell)
				wcell = gt_render_width(cell);
		}
	}
	fprintf(out, "\n  Rotation schedule (%d-month tours over %d months; member and rotation group):\n",
	        fp->tour_months, fp->horizon_months);
	fputs("  ", out);
	gt_render_pad(out, "sector", wname);
	for (int t = 0; t < shown; t++) {
		char head[32];
		snprintf(head, sizeof(head), "month %d", t * fp->tour_months);
		fputc(' ', out);
		gt_render_pad(out, head, t + 1 < shown ? wcell : 0);
	}
	fputc('\n', out);
	for (size_t r = 0; r < fg->nroles; r++) {
		const struct gt_fg_role *ro = &fg->roles[r];
		if (!scheduled(ro))
			continue;
		fputs("  ", out);
		gt_render_pad(out, ro->name, wname);
		for (int t = 0; t < shown; t++) {
			schedule_cell(fg, r, t, cell);
			fputc(' ', out);
			gt_render_pad(out, cell, t + 1 < shown ? wcell : 0);
		}
		fputc('\n', out);
	}
	if (fg->nperiods > 8)
		fprintf(out, "  (first 8 of %d periods; JSON has all)\n", fg->nperiods);
}

static void table_one(FILE *out, const struct gt_forcegen *fg)
{
	char a[32], b[32], c[32];
	const struct gt_option *o = fg->option->option;
	fprintf(out, "%s: %s\n", o->name, o->title);
	/* no solve time here: output must be the same from run to run */
	if (fg->gap < 1e6)
		fprintf(out, "  solver: %s, gap %.2f%%, %zu variables, %zu constraints\n", fg->status,
		        fg->gap * 100, fg->nvars, fg->nrows);
	else
		fprintf(out, "  solver: %s, no bound yet (the greedy start), %zu variables, %zu "
		             "constraints\n",
		        fg->status, fg->nvars, fg->nrows);
	fprintf(out, "  shortfall: %s people (weighted relative shortfall %.3f)\n\n",
	        gt__thousands(fg->shortfall_people, a), fg->objective[0]);
	int wrole = 24;
	for (size_t r = 0; r < fg->nroles; r++)
		if (gt_render_width(fg->roles[r].name) > wrole)
			wrole = gt_render_width(fg->roles[r].name);
	fputs("  ", out);
	gt_render_pad(out, "role", wrole);
	fprintf(out, " %-10s %9s %9s %9s  %-4s %8s\n", "unit", "required", "filled", "short",
	        "lead", "members");
	for (size_t r = 0; r < fg->nroles; r++) {
		const struct gt_fg_role *ro = &fg->roles[r];
		fputs("  ", out);
		gt_render_pad(out, ro->name, wrole);
		fprintf(out, " %-10s %9s %9s %9s  %-4s %8d\n", gt_unit_name(ro->unit), gt__thousands(ro->required, a),
		        gt__thousands(ro->allocated, b), gt__thousands(ro->shortfall, c),
		        lead_code(fg, ro), ro->nations);
	}
	fputs("  (lead: the role's lead nation, - for none; members: how many members serve in it)\n",
	      out);
	fprintf(out, "\n  %-6s %9s %8s %4s %7s %5s %8s %8s %9s %10s %6s %10s\n", "member",
	        "companies", "fighters", "aew", "tankers", "ships", "trainers", "monitors", "deployed",
	        "committed", "share", "fair share");
	for (size_t m = 0; m < fg->nmembers; m++) {
		const struct gt_fg_member *fm = &fg->members[m];
		if (fm->personnel == 0 && fm->fair_share == 0)
			continue;
		fprintf(out, "  %-6s %9ld %8ld %4ld %7ld %5ld %8ld %8ld %9s %10s %5.1f%% %9.1f%%\n",
		        fm->member->code, fm->units[GT_UNIT_COMPANIES], fm->units[GT_UNIT_FIGHTERS],
		        fm->units[GT_UNIT_AEW], fm->units[GT_UNIT_TANKERS], fm->units[GT_UNIT_SHIPS],
		        fm->units[GT_UNIT_TRAINERS],
		        fm->units[GT_UNIT_MONITORS], gt__thousands(fm->personnel, a),
		        gt__thousands(fm->committed, b), fm->share * 100, fm->fair_share * 100);
	}
	bool any = false;
	for (size_t r = 0; r < fg->nroles; r++) {
		if (!fg->roles[r].why)
			continue;
		if (!any)
			fputs("\n  Gaps:\n", out);
		any = true;
		fprintf(out, "  - %s\n", fg->roles[r].why);
	}
	if (!any)
		fputs("\n  No gaps: every role is filled.\n", out);
	schedule_table(out, fg);
}

static json_t *one_json(struct gt__jb *jb, const struct gt_forcegen *fg)
{
	json_t *o = json_object(), *roles = json_array(), *members = json_array(),
	       *allocs = json_array(), *obj = json_object();
	gt__jput(jb, o, "name", json_string(fg->option->option->name));
	gt__jput(jb, o, "title", json_string(fg->option->option->title));
	gt__jput(jb, o, "status", json_string(fg->status));
	gt__jput(jb, o, "gap", fg->gap < 1e6 ? json_real(round(fg->gap * 1e6) / 1e6) : json_null());
	gt__jput(jb, obj, "weighted_shortfall", json_real(round(fg->objective[0] * 1e6) / 1e6));
	gt__jput(jb, obj, "unfairness_thousands", json_real(round(fg->objective[1] * 1e4) / 1e4));
	gt__jput(jb, obj, "nations", json_real(round(fg->objective[2])));
	gt__jput(jb, o, "objective", obj);
	gt__jput(jb, o, "shortfall_people", json_integer(fg->shortfall_people));
	for (size_t r = 0; r < fg->nroles; r++) {
		const struct gt_fg_role *ro = &fg->roles[r];
		json_t *j = json_object();
		gt__jput(jb, j, "name", json_string(ro->name));
		gt__jput(jb, j, "kind", json_string(gt_role_kind_name(ro->kind)));
		gt__jput(jb, j, "unit", json_string(gt_unit_name(ro->unit)));
		gt__jput(jb, j, "km_from_line",
		                    isfinite(ro->km_from_line) ? json_real(round(ro->km_from_line * 10) / 10)
		                                               : json_null());
		gt__jput(jb, j, "required", json_integer(ro->required));
		gt__jput(jb, j, "allocated", json_integer(ro->allocated));
		gt__jput(jb, j, "shortfall", json_integer(ro->shortfall));
		gt__jput(jb, j, "lead", ro->lead >= 0 ? json_string(lead_code(fg, ro)) : json_null());
		gt__jput(jb, j, "nations", json_integer(ro->nations));
		gt__jput(jb, j, "why", ro->why ? json_string(ro->why) : json_null());
		gt__jappend(jb, roles, j);
	}
	for (size_t m = 0; m < fg->nmembers; m++) {
		const struct gt_fg_member *fm = &fg->members[m];
		json_t *j = json_object(), *units = json_object(), *sus = json_object();
		gt__jput(jb, j, "code", json_string(fm->member->code));
		gt__jput(jb, j, "name", json_string(fm->member->name));
		gt__jput(jb, j, "excluded", json_boolean(fm->excluded));
		for (int u = 0; u < GT_UNIT_COUNT; u++) {
			gt__jput(jb, units, gt_unit_name((enum gt_unit)u), json_integer(fm->units[u]));
			gt__jput(jb, sus, gt_unit_name((enum gt_unit)u), json_integer(fm->sustain[u]));
		}
		gt__jput(jb, j, "units", units);
		gt__jput(jb, j, "sustain", sus);
		gt__jput(jb, j, "personnel", json_integer(fm->personnel));
		gt__jput(jb, j, "committed", json_integer(fm->committed));
		gt__jput(jb, j, "share", json_real(round(fm->share * 1e4) / 1e4));
		gt__jput(jb, j, "fair_share", json_real(round(fm->fair_share * 1e4) / 1e4));
		gt__jappend(jb, members, j);
	}
	for (size_t a = 0; a < fg->nallocs; a++) {
		const struct gt_fg_alloc *al = &fg->allocs[a];
		json_t *j = json_object();
		gt__jput(jb, j, "member", json_string(fg->members[al->member].member->code));
		gt__jput(jb, j, "role", json_string(fg->roles[al->role].name));
		gt__jput(jb, j, "units", json_integer(al->units));
		gt__jappend(jb, allocs, j);
	}
	json_t *sched = json_array();
	for (size_t k = 0; k < fg->nschedule; k++) {
		const struct gt_fg_tour *t = &fg->schedule[k];
		json_t *j = json_object();
		gt__jput(jb, j, "period", json_integer(t->period));
		gt__jput(jb, j, "start_month",
		                    json_integer((json_int_t)t->period * fg->scenario->forcegen.tour_months));
		gt__jput(jb, j, "role", json_string(fg->roles[t->role].name));
		gt__jput(jb, j, "member", json_string(fg->members[t->member].member->code));
		gt__jput(jb, j, "units", json_integer(t->units));
		gt__jput(jb, j, "rotation_group", json_integer(t->group));
		gt__jappend(jb, sched, j);
	}
	gt__jput(jb, o, "schedule", sched);
	gt__jput(jb, o, "roles", roles);
	gt__jput(jb, o, "members", members);
	gt__jput(jb, o, "allocations", allocs);
	return o;
}

/* Shared with json.c, for results.json. */
json_t *gt__render_forcegen_json(struct gt__jb *jb, const struct gt_forcegen *const *fgs,
                                 size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		gt__jappend(jb, a, one_json(jb, fgs[i]));
	return a;
}

enum gt_status gt_render_forcegen(FILE *out, const struct gt_forcegen *const *fgs, size_t n,
                                  enum gt_format fmt)
{
	if (fmt == GT_FORMAT_JSON) {
		struct gt__jb b = {false}, *jb = &b;
		json_t *root = json_object();
		gt__jput(jb, root, "scenario", json_string(n ? fgs[0]->scenario->name : ""));
		gt__jput(jb, root, "options", gt__render_forcegen_json(jb, fgs, n));
		enum gt_status st = gt__render_json_print(jb, root, out);
		if (st != GT_OK)
			return st;
	} else if (fmt == GT_FORMAT_CSV) {
		fputs("option,member,role,kind,unit,units,people\n", out);
		for (size_t i = 0; i < n; i++) {
			const struct gt_forcegen *fg = fgs[i];
			for (size_t a = 0; a < fg->nallocs; a++) {
				const struct gt_fg_alloc *al = &fg->allocs[a];
				const struct gt_fg_role *ro = &fg->roles[al->role];
				double per = gt_forcegen_people_per_unit(fg->scenario, fg->option, ro->unit);
				fprintf(out, "%s,%s,\"%s\",%s,%s,%ld,%ld\n", fg->option->option->name,
				        fg->members[al->member].member->code, ro->name,
				        gt_role_kind_name(ro->kind), gt_unit_name(ro->unit), al->units,
				        lround((double)al->units * per));
			}
		}
	} else {
		for (size_t i = 0; i < n; i++) {
			if (i)
				fputc('\n', out);
			table_one(out, fgs[i]);
		}
	}
	return fflush(out) == 0 && !ferror(out) ? GT_OK : GT_E_IO;
}
