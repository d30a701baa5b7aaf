/* assess.c: what an air umbrella covers: radar coverage of the defended
 * country, the reaction-time field and the patrols' exposure to the
 * adversary's air defences. Equations (C1)-(C6) of docs/model-air.md. */
#include "guarantor/air.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KNOT_KMH 1.852
/* 4/3 of the earth's mean radius (IUGG, 6,371.0088 km), in km */
#define EFFECTIVE_EARTH_KM (6371.0088 * 4.0 / 3.0)
/* transit legs are sampled this often for exposure, km */
#define EXPOSURE_STEP_KM 5.0

double gt_air_radar_horizon_km(double radar_m, double target_m)
{
	double r = radar_m > 0 ? radar_m : 0, t = target_m > 0 ? target_m : 0;
	return sqrt(2 * EFFECTIVE_EARTH_KM * r / 1000) + sqrt(2 * EFFECTIVE_EARTH_KM * t / 1000);
}

struct gt_air_params gt_air_params_of(const struct gt_scenario *s, double resolution_km)
{
	const struct gt_doctrine *d = &s->doctrine;
	return (struct gt_air_params){
		.aew_altitude_m = d->aew_altitude_m,
		.target_low_m = d->target_low_m,
		.target_high_m = d->target_high_m,
		.alert_minutes = d->alert_minutes,
		.sam_range_km = d->sam_range_km,
		.resolution_km = resolution_km,
	};
}

/* (C2) coverage discs: each AEW orbit and each ground radar sees out to
 * the nearer of its horizon and its instrumented range. */
static enum gt_status coverage(const struct gt_scenario *s, const struct gt_air_plan *plan,
                               const struct gt_air_params *p, double target_m,
                               struct gt_air_coverage *out)
{
	const struct gt_theatre *th = &s->theatre;
	struct gt_geo_disc *discs = calloc(plan->nposts + th->nplaces + 1, sizeof(*discs));
	if (!discs)
		return GT_E_NOMEM;
	size_t n = 0;
	for (size_t i = 0; i < plan->nposts; i++) {
		const struct gt_air_post *post = &plan->posts[i];
		if (!post->aew || !(post->aircraft->radar_km > 0))
			continue;
		double horizon = gt_air_radar_horizon_km(p->aew_altitude_m, target_m);
		discs[n++] = (struct gt_geo_disc){post->at, fmin(horizon, post->aircraft->radar_km)};
	}
	for (size_t i = 0; i < th->nplaces; i++) {
		const struct gt_place *pl = &th->places[i];
		if (pl->kind != GT_PLACE_RADAR)
			continue;
		double horizon = gt_air_radar_horizon_km(pl->height_m, target_m);
		discs[n++] = (struct gt_geo_disc){pl->at, fmin(horizon, pl->range_km)};
	}
	out->target_m = target_m;
	out->nradars = n;
	enum gt_status st = gt_geo_cover(&th->held, discs, n, &out->cover);
	free(discs);
	if (st == GT_OK && out->cover.area_km2 > 0)
		out->share = out->cover.covered_km2 / out->cover.area_km2;
	return st;
}

struct source {
	double x, y;      /* km, in the grid's plane */
	double delay_min; /* 0 on patrol; the alert time at a base */
	double km_per_min;
};

static int by_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* (C3)-(C4) the reaction-time field and its summary. */
static enum gt_status reaction(const struct gt_scenario *s, const struct gt_air_plan *plan,
                               const struct gt_air_params *p, struct gt_air_reaction *out)
{
	enum gt_status st = gt_geo_grid_new(&s->theatre.held, p->resolution_km, &out->grid);
	if (st != GT_OK)
		return st;
	const struct gt_geo_grid *g = &out->grid;
	size_t ncells = g->nx * g->ny;
	out->minutes = malloc(ncells * sizeof(*out->minutes));
	/* sources: every fighter post, and every base holding one (alert pair) */
	struct source *src = calloc(2 * plan->nposts + 1, sizeof(*src));
	float *sorted = malloc((g->ninside ? g->ninside : 1) * sizeof(*sorted));
	if (!out->minutes || !src || !sorted) {
		free(src);
		free(sorted);
		return GT_E_NOMEM;
	}
	size_t n = 0;
	for (size_t i = 0; i < plan->nposts; i++) {
		const struct gt_air_post *post = &plan->posts[i];
		if (post->aew)
			continue;
		double v = post->aircraft->cruise_kt * KNOT_KMH / 60;
		struct source on = {0, 0, 0, v};
		gt_geo_project(g->pj, post->at, &on.x, &on.y);
		src[n++] = on;
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen = seen || (!plan->posts[k].aew && plan->posts[k].base == post->base);
		if (!seen) {
			struct source alert = {0, 0, p->alert_minutes, v};
			gt_geo_project(g->pj, post->base->at, &alert.x, &alert.y);
			src[n++] = alert;
		}
	}
	out->nsources = n;
	size_t counted = 0, within[3] = {0, 0, 0};
	double worst = 0;
	for (size_t j = 0; j < g->ny; j++) {
		for (size_t i = 0; i < g->nx; i++) {
			size_t c = j * g->nx + i;
			out->minutes[c] = NAN;
			if (!g->inside[c] || n == 0)
				continue;
			double x, y, best = INFINITY;
			gt_geo_grid_centre(g, i, j, &x, &y);
			for (size_t k = 0; k < n; k++) {
				double t = src[k].delay_min +
				           hypot(x - src[k].x, y - src[k].y) / src[k].km_per_min;
				best = t < best ? t : best;
			}
			out->minutes[c] = (float)best;
			sorted[counted++] = (float)best;
			worst = best > worst ? best : worst;
			for (int b = 0; b < 3; b++)
				within[b] += best <= 10.0 * (b + 1);
		}
	}
	if (counted > 0) {
		qsort(sorted, counted, sizeof(*sorted), by_float);
		out->median_min = counted % 2 ? sorted[counted / 2]
		                              : (sorted[counted / 2 - 1] + sorted[counted / 2]) / 2.0;
		out->max_min = worst;
		for (int b = 0; b < 3; b++)
			out->within[b] = (double)within[b] / (double)counted;
	}
	free(src);
	free(sorted);
	return GT_OK;
}

/* The share of the geodesic from a to b lying in the band, by samples at
 * most EXPOSURE_STEP_KM apart (both ends included). */
static double share_in_band(const struct gt_geo_region *band, struct gt_point a,
                            struct gt_point b)
{
	double km = gt_geo_distance_km(a, b);
	int steps = (int)ceil(km / EXPOSURE_STEP_KM);
	if (steps < 1)
		return gt_geo_region_contains(band, a) ? 1 : 0;
	int in = 0;
	for (int k = 0; k <= steps; k++)
		in += gt_geo_region_contains(band, gt_geo_towards(a, b, km * k / steps));
	return (double)in / (steps + 1);
}

/* (C5)-(C6) time fighters spend within reach of the adversary's air
 * defences: both transit legs as sampled, and all their time on station
 * when the station lies in the band. */
static enum gt_status exposure(const struct gt_scenario *s, const struct gt_air_plan *plan,
                               const struct gt_air_params *p, struct gt_air_assessment *a)
{
	a->post_exposure = calloc(plan->nposts + 1, sizeof(*a->post_exposure));
	if (!a->post_exposure)
		return GT_E_NOMEM;
	if (!(p->sam_range_km > 0))
		return GT_OK; /* no reach beyond the line: nothing exposed */
	/* the air defences reach beyond every line */
	struct gt_linestring paths[GT_LINES_MAX];
	size_t nlines = gt_theatre_paths(&s->theatre, paths);
	enum gt_status st = gt_geo_footprint(paths, nlines, NULL, 0, p->sam_range_km, NULL,
	                                      &a->sam_band);
	if (st != GT_OK)
		return st;
	struct gt_geo_region *band = NULL;
	if ((st = gt_geo_region_new(&a->sam_band, &band)) != GT_OK)
		return st;
	for (size_t i = 0; i < plan->nposts; i++) {
		const struct gt_air_post *post = &plan->posts[i];
		if (post->aew)
			continue;
		const struct gt_air_station_need *n = &post->need;
		double leg = share_in_band(band, post->base->at, post->at);
		double on = gt_geo_region_contains(band, post->at) ? 1 : 0;
		double airborne = 2 * n->transit_h + n->on_station_h;
		double exposed = 2 * n->transit_h * leg + n->on_station_h * on;
		a->post_exposure[i] = airborne > 0 ? exposed / airborne : 0;
		a->exposure.airborne_h_per_day += airborne * n->sorties_per_day;
		a->exposure.exposed_h_per_day += exposed * n->sorties_per_day;
	}
	if (a->exposure.airborne_h_per_day > 0)
		a->exposure.share = a->exposure.exposed_h_per_day / a->exposure.airborne_h_per_day;
	gt_geo_region_free(band);
	return GT_OK;
}

enum gt_status gt_air_assess(const struct gt_scenario *s, const struct gt_air_plan *plan,
                             const struct gt_air_params *params, struct gt_air_assessment **out,
                             struct gt_err *err)
{
	*out = NULL;
	const struct gt_air_params *p = params;
	if (!(p->resolution_km >= 0.5 && p->resolution_km <= 100))
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, "resolution",
		                  "%g km is out of range; expected a grid cell of 0.5 to 100 km",
		                  p->resolution_km);
	struct gt_air_assessment *a = calloc(1, sizeof(*a));
	if (!a)
		return gt_err_set(err, GT_E_NOMEM, NULL, 0, 0, NULL, "out of memory");
	a->params = *p;
	enum gt_status st;
	const char *what = "radar coverage";
	if ((st = coverage(s, plan, p, p->target_low_m, &a->low)) != GT_OK ||
	    (st = coverage(s, plan, p, p->target_high_m, &a->high)) != GT_OK)
		goto out_fail;
	what = "the reaction-time grid";
	if ((st = reaction(s, plan, p, &a->reaction)) != GT_OK)
		goto out_fail;
	what = "exposure to air defences";
	if ((st = exposure(s, plan, p, a)) != GT_OK)
		goto out_fail;
	*out = a;
	return GT_OK;
out_fail:
	gt_air_assessment_free(a);
	if (st == GT_E_NOMEM)
		return gt_err_set(err, st, NULL, 0, 0, NULL, "out of memory computing %s", what);
	if (st == GT_E_GEOMETRY)
		return gt_err_set(err, st, NULL, 0, 0, "theatre.geometry",
		                  "%s could not be computed from the theatre's geometry", what);
	return gt_err_set(err, st, NULL, 0, 0, NULL, "%s could not be computed: %s (GEOS or memory)",
	                  what, gt_strerror(st));
}

void gt_air_assessment_free(struct gt_air_assessment *a)
{
	if (!a)
		return;
	gt_geo_cover_fini(&a->low.cover);
	gt_geo_cover_fini(&a->high.cover);
	gt_geo_grid_fini(&a->reaction.grid);
	free(a->reaction.minutes);
	free(a->post_exposure);
	gt_geo_multipolygon_fini(&a->sam_band);
	free(a);
}
