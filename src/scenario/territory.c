/* territory.c: the ground the defender holds (docs/scenario.md, "Held
 * territory"): the outline less the occupied areas the geometry gives, or
 * less what lies beyond each front line. */
#include "scenario_priv.h"
#include "guarantor/geo.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far an end of the line is carried on to leave the outline, km: a
 * line drawn to within this of a coast or border still divides it. */
#define GT_LINE_REACH_KM 300.0

/* The population of the defended country's cities inside part. */
static enum gt_status population_in(const struct gt_theatre *th, const struct gt_multipolygon *part,
                                    double *out)
{
	struct gt_geo_region *region;
	enum gt_status st = gt_geo_region_new(part, &region);
	if (st != GT_OK)
		return st;
	*out = 0;
	for (size_t i = 0; i < th->nplaces; i++) {
		const struct gt_place *p = &th->places[i];
		if (p->kind == GT_PLACE_CITY && strcmp(p->country, th->defended) == 0 &&
		    gt_geo_region_contains(region, p->at))
			*out += (double)p->population;
	}
	gt_geo_region_free(region);
	return GT_OK;
}

static enum gt_status set_label(struct gt_theatre *th, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	th->held_label = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!th->held_label)
		return GT_E_NOMEM;
	va_start(ap, fmt);
	vsnprintf(th->held_label, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return GT_OK;
}

/* Cuts area along line ln and keeps the side that side names ("left",
 * "right"), or with NULL the side with more of the defended country's city
 * population. OUT: *kept (the area itself when the line does not divide
 * it: *divided false), *left and *why for the label. */
static enum gt_status cut(const struct gt_theatre *th, const struct gt_multipolygon *area,
                          const struct gt_line *ln, const char *side,
                          struct gt_multipolygon *kept, bool *divided, bool *left,
                          const char **why)
{
	struct gt_multipolygon l, r;
	enum gt_status st = gt_geo_split(area, &ln->path, GT_LINE_REACH_KM, &l, &r);
	*divided = st != GT_E_GEOMETRY;
	if (!*divided) {
		struct gt_multipolygon none = {0};
		return gt_geo_difference(area, &none, kept);
	}
	if (st != GT_OK)
		return st;
	if (side) {
		*left = strcmp(side, "left") == 0;
		*why = "as theatre.held_side says";
	} else {
		double pl = 0, pr = 0;
		if ((st = population_in(th, &l, &pl)) == GT_OK)
			st = population_in(th, &r, &pr);
		if (st != GT_OK) {
			gt_geo_multipolygon_fini(&l);
			gt_geo_multipolygon_fini(&r);
			return st;
		}
		*left = pl >= pr;
		*why = pl != pr ? "the side with most of the defended country's city population"
		                : "assumed: no city population tells the sides apart; set "
		                  "theatre.held_side";
	}
	*kept = *left ? l : r;
	gt_geo_multipolygon_fini(*left ? &r : &l);
	return GT_OK;
}

/* From the front lines: the outline less what lies beyond each of them.
 * Borders to watch do not divide it. */
static enum gt_status by_lines(struct gt_theatre *th, const char *side)
{
	size_t fronts = 0, divided = 0, last = 0;
	for (size_t i = 0; i < th->nlines; i++)
		if (th->lines[i].role == GT_LINE_FRONT)
			fronts++, last = i;
	/* cut the outline itself first, so that one line gives what it always gave */
	struct gt_multipolygon held = {0}, none = {0};
	const struct gt_multipolygon *area = &th->outline;
	enum gt_status st = GT_OK;
	bool left = true;
	const char *why = "";
	for (size_t i = 0; i < th->nlines && st == GT_OK; i++) {
		if (th->lines[i].role != GT_LINE_FRONT)
			continue;
		struct gt_multipolygon kept;
		bool cut_it = false;
		st = cut(th, area, &th->lines[i], side, &kept, &cut_it, &left, &why);
		if (st != GT_OK)
			break;
		gt_geo_multipolygon_fini(&held);
		held = kept;
		area = &held;
		divided += cut_it;
	}
	if (st == GT_OK && area == &th->outline)
		st = gt_geo_difference(&th->outline, &none, &held);
	if (st == GT_OK)
		st = gt_geo_difference(&th->outline, &held, &th->occupied);
	if (st != GT_OK) {
		gt_geo_multipolygon_fini(&held);
		return st;
	}
	th->held = held;
	if (divided == 0)
		/* the whole outline, said so where the area is reported */
		return set_label(th, fronts == 0 ? "the whole outline: no line of contact is a front "
		                                   "(only borders to watch); give the occupied areas "
		                                   "as features of kind \"occupied\""
		                                 : "the whole outline: the line of contact does not "
		                                   "divide it; give the occupied areas as features of "
		                                   "kind \"occupied\"");
	if (fronts == 1 && th->nlines == 1)
		return set_label(th,
		                 "the outline less what lies beyond the line of contact (the held side "
		                 "is its %s, walking it from its first vertex: %s)",
		                 left ? "left" : "right", why);
	if (fronts == 1)
		return set_label(th,
		                 "the outline less what lies beyond its one front line, '%s' (the held "
		                 "side is its %s, walking it from its first vertex: %s)",
		                 th->lines[last].name, left ? "left" : "right", why);
	return set_label(th,
	                 "the outline less what lies beyond %zu of its %zu front lines (on each, "
	                 "the side with most of the defended country's city population)%s",
	                 divided, fronts,
	                 divided < fronts ? "; the others do not divide it: give the occupied areas "
	                                    "as features of kind \"occupied\""
	                                  : "");
}

enum gt_status gt__territory_derive(struct yr *r, const yaml_node_t *theatre,
                                    struct gt_scenario *s)
{
	struct gt_theatre *th = &s->theatre;
	static const char *const sides[] = {"left", "right", NULL};
	char *side = NULL;
	enum gt_status st = gt__yr_opt_string(r, theatre, "theatre", "held_side", &side);
	if (st != GT_OK)
		return st;
	const yaml_node_t *node = gt__yr_get(r, theatre, "held_side");
	if (side && strcmp(side, sides[0]) != 0 && strcmp(side, sides[1]) != 0) {
		st = gt__yr_fail(r, node, "theatre.held_side", GT_E_SCHEMA,
		                 "expected left or right (of the line of contact, walking it from its "
		                 "first vertex), got '%s'",
		                 side);
		free(side);
		return st;
	}
	size_t fronts = gt__line_count(th, GT_LINE_FRONT);
	if (side && fronts > 1) {
		free(side);
		return gt__yr_fail(r, node, "theatre.held_side", GT_E_SCHEMA,
		                   "the theatre has %zu front lines; held_side is for one: give the "
		                   "occupied areas as features of kind \"occupied\" instead",
		                   fronts);
	}
	if (side && th->occupied_given.n > 0) {
		free(side);
		return gt__yr_fail(r, node, "theatre.held_side", GT_E_SCHEMA,
		                   "the geometry gives the occupied areas; held_side is for a held "
		                   "territory found from the line");
	}
	th->outline_km2 = gt_geo_area_km2(&th->outline);
	if (th->occupied_given.n > 0) {
		char reason[300];
		if (gt_geo_multipolygon_check(&th->occupied_given, reason, sizeof(reason)) != GT_OK)
			st = gt__yr_fail(r, gt__yr_get(r, theatre, "geometry"), "theatre.geometry",
			                 GT_E_GEOMETRY, "the occupied areas are not valid polygons: %s",
			                 reason);
		if (st == GT_OK)
			st = gt_geo_difference(&th->outline, &th->occupied_given, &th->held);
		if (st == GT_OK)
			st = gt_geo_difference(&th->outline, &th->held, &th->occupied);
		if (st == GT_OK)
			st = set_label(th, "the outline less the occupied areas the geometry gives");
	} else {
		st = by_lines(th, side);
	}
	free(side);
	if (st == GT_OK)
		th->held_km2 = gt_geo_area_km2(&th->held);
	else if (!r->err || r->err->status == GT_OK)
		st = gt__yr_fail(r, gt__yr_get(r, theatre, "geometry"), "theatre.geometry", st,
		                 "cannot find the territory the defender holds: %s", gt_strerror(st));
	return st;
}
