/* territory.c: the ground the defender holds (docs/scenario.md, "Held
 * territory"): the outline less the occupied areas the geometry gives, or
 * less what lies beyond the line of contact. */
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

/* From the line: the outline's side of it that side names ("left",
 * "right"), or NULL for the side with more of the defended country's city
 * population. */
static enum gt_status by_line(struct gt_theatre *th, const char *side)
{
	struct gt_multipolygon left, right;
	enum gt_status st = gt_geo_split(&th->outline, &th->line, GT_LINE_REACH_KM, &left, &right);
	if (st == GT_E_GEOMETRY) {
		/* the whole outline, said so where the area is reported */
		if ((st = gt_geo_difference(&th->outline, &th->occupied, &th->held)) == GT_OK)
			st = set_label(th, "the whole outline: the line of contact does not divide "
			                   "it; give the occupied areas as features of kind \"occupied\"");
		return st;
	}
	if (st != GT_OK)
		return st;
	bool held_left;
	const char *why;
	if (side) {
		held_left = strcmp(side, "left") == 0;
		why = "as theatre.held_side says";
	} else {
		double pl = 0, pr = 0;
		if ((st = population_in(th, &left, &pl)) == GT_OK)
			st = population_in(th, &right, &pr);
		if (st != GT_OK) {
			gt_geo_multipolygon_fini(&left);
			gt_geo_multipolygon_fini(&right);
			return st;
		}
		held_left = pl >= pr;
		why = pl != pr ? "the side with most of the defended country's city population"
		               : "assumed: no city population tells the sides apart; set "
		                 "theatre.held_side";
	}
	th->held = held_left ? left : right;
	th->occupied = held_left ? right : left;
	return set_label(th,
	                 "the outline less what lies beyond the line of contact (the held side is "
	                 "its %s, walking it from its first vertex: %s)",
	                 held_left ? "left" : "right", why);
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
		st = by_line(th, side);
	}
	free(side);
	if (st == GT_OK)
		th->held_km2 = gt_geo_area_km2(&th->held);
	else if (!r->err || r->err->status == GT_OK)
		st = gt__yr_fail(r, gt__yr_get(r, theatre, "geometry"), "theatre.geometry", st,
		                 "cannot find the territory the defender holds: %s", gt_strerror(st));
	return st;
}
