/* locate.c: where a point lies relative to the nearest of a set of lines:
 * which, how far along it, how far from it and on which side (monitoring: an event's sector and side,
 * docs/monitor.md, "Events"). Distances from the line are measured in a
 * Lambert azimuthal equal-area plane centred on the line; distances along
 * it follow the line's geodesic segments. */
#include "guarantor/geo.h"

#include <math.h>
#include <stdlib.h>

struct gt_geo_line_locator {
	struct gt_geo_projector *pj;
	size_t nlines;
	size_t *first; /* line l's vertices are [first[l], first[l + 1]) */
	double *x, *y; /* the vertices in the plane, km */
	double *km;    /* geodesic km along its line to each vertex */
};

void gt_geo_line_locator_free(struct gt_geo_line_locator *lc)
{
	if (!lc)
		return;
	gt_geo_projector_free(lc->pj);
	free(lc->first);
	free(lc->x);
	free(lc->y);
	free(lc->km);
	free(lc);
}

enum gt_status gt_geo_line_locator_new(const struct gt_linestring *lines, size_t nlines,
                                       struct gt_geo_line_locator **out)
{
	*out = NULL;
	size_t n = 0;
	for (size_t l = 0; l < nlines; l++) {
		if (lines[l].n < 2)
			return GT_E_USAGE;
		n += lines[l].n;
	}
	if (nlines == 0)
		return GT_E_USAGE;
	struct gt_geo_line_locator *lc = calloc(1, sizeof(*lc));
	if (!lc)
		return GT_E_NOMEM;
	double lon0 = lines[0].pts[0].lon, lon1 = lon0, lat0 = lines[0].pts[0].lat, lat1 = lat0;
	for (size_t l = 0; l < nlines; l++) {
		for (size_t i = 0; i < lines[l].n; i++) {
			lon0 = fmin(lon0, lines[l].pts[i].lon);
			lon1 = fmax(lon1, lines[l].pts[i].lon);
			lat0 = fmin(lat0, lines[l].pts[i].lat);
			lat1 = fmax(lat1, lines[l].pts[i].lat);
		}
	}
	lc->nlines = nlines;
	lc->first = malloc((nlines + 1) * sizeof(size_t));
	lc->x = malloc(n * sizeof(double));
	lc->y = malloc(n * sizeof(double));
	lc->km = malloc(n * sizeof(double));
	enum gt_status st = GT_E_NOMEM;
	if (!lc->first || !lc->x || !lc->y || !lc->km)
		goto out_fail;
	if ((st = gt_geo_projector_new((struct gt_point){(lon0 + lon1) / 2, (lat0 + lat1) / 2},
	                               &lc->pj)) != GT_OK)
		goto out_fail;
	size_t k = 0;
	for (size_t l = 0; l < nlines; l++) {
		const struct gt_linestring *line = &lines[l];
		lc->first[l] = k;
		for (size_t i = 0; i < line->n; i++, k++) {
			gt_geo_project(lc->pj, line->pts[i], &lc->x[k], &lc->y[k]);
			lc->km[k] = i ? lc->km[k - 1] + gt_geo_distance_km(line->pts[i - 1], line->pts[i])
			              : 0;
		}
	}
	lc->first[nlines] = k;
	*out = lc;
	return GT_OK;
out_fail:
	gt_geo_line_locator_free(lc);
	return st;
}

/* The unit normal to the left of segment i (x east, y north). */
static void left_normal(const struct gt_geo_line_locator *lc, size_t i, double *nx, double *ny)
{
	double dx = lc->x[i + 1] - lc->x[i], dy = lc->y[i + 1] - lc->y[i];
	double len = hypot(dx, dy);
	*nx = len > 0 ? -dy / len : 0;
	*ny = len > 0 ? dx / len : 0;
}

struct gt_geo_line_place gt_geo_line_locate(const struct gt_geo_line_locator *lc,
                                            struct gt_point p)
{
	double px, py;
	gt_geo_project(lc->pj, p, &px, &py);
	double best_d2 = INFINITY, best_t = 0;
	size_t best = 0, line = 0;
	for (size_t l = 0; l < lc->nlines; l++) {
		for (size_t i = lc->first[l]; i + 1 < lc->first[l + 1]; i++) {
			double dx = lc->x[i + 1] - lc->x[i], dy = lc->y[i + 1] - lc->y[i];
			double len2 = dx * dx + dy * dy;
			double t = len2 > 0 ? ((px - lc->x[i]) * dx + (py - lc->y[i]) * dy) / len2 : 0;
			t = fmin(1, fmax(0, t));
			double ex = px - (lc->x[i] + t * dx), ey = py - (lc->y[i] + t * dy);
			double d2 = ex * ex + ey * ey;
			if (d2 < best_d2) {
				best_d2 = d2;
				best = i;
				best_t = t;
				line = l;
			}
		}
	}
	/* the side: against the segment's left normal; at an inner vertex
	 * against the sum of both segments' normals, so that the side does not
	 * flip across the outside of a sharp bend */
	double nx, ny;
	left_normal(lc, best, &nx, &ny);
	size_t lo = lc->first[line], hi = lc->first[line + 1];
	size_t vertex = best_t <= 0 && best > lo          ? best
	                : best_t >= 1 && best + 2 < hi ? best + 1
	                                               : 0;
	double ox = px - (lc->x[best] + best_t * (lc->x[best + 1] - lc->x[best]));
	double oy = py - (lc->y[best] + best_t * (lc->y[best + 1] - lc->y[best]));
	if (vertex) {
		double ax, ay, bx, by;
		left_normal(lc, vertex - 1, &ax, &ay);
		left_normal(lc, vertex, &bx, &by);
		nx = ax + bx;
		ny = ay + by;
	}
	struct gt_geo_line_place at;
	at.line = line;
	at.along_km = lc->km[best] + best_t * (lc->km[best + 1] - lc->km[best]);
	at.offset_km = ox * nx + oy * ny < 0 ? -sqrt(best_d2) : sqrt(best_d2);
	return at;
}
