/* geodesic.c: distances, lengths, areas and positions along lines on the
 * WGS84 ellipsoid. The only file that calls PROJ's geod_* functions. */
#include "guarantor/geo.h"
#include "util/assert.h"

#include <geodesic.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* WGS84, as in EPSG:4326. */
static void wgs84(struct geod_geodesic *g)
{
	geod_init(g, 6378137.0, 1.0 / 298.257223563);
}

void gt_geo_linestring_fini(struct gt_linestring *line)
{
	if (!line)
		return;
	free(line->pts);
	line->pts = NULL;
	line->n = 0;
}

void gt_geo_polygon_fini(struct gt_polygon *poly)
{
	if (!poly)
		return;
	for (size_t i = 0; i < poly->nrings; i++)
		gt_geo_linestring_fini(&poly->rings[i]);
	free(poly->rings);
	poly->rings = NULL;
	poly->nrings = 0;
}

void gt_geo_multipolygon_fini(struct gt_multipolygon *mp)
{
	if (!mp)
		return;
	for (size_t i = 0; i < mp->n; i++)
		gt_geo_polygon_fini(&mp->polys[i]);
	free(mp->polys);
	mp->polys = NULL;
	mp->n = 0;
}

double gt_geo_distance_km(struct gt_point a, struct gt_point b)
{
	struct geod_geodesic g;
	double s12 = 0, azi1, azi2;
	wgs84(&g);
	geod_inverse(&g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
	return s12 / 1000.0;
}

double gt_geo_azimuth_deg(struct gt_point a, struct gt_point b)
{
	struct geod_geodesic g;
	double s12 = 0, azi1, azi2;
	wgs84(&g);
	geod_inverse(&g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
	return azi2;
}

static struct gt_point towards(const struct geod_geodesic *g, struct gt_point a,
                               struct gt_point b, double dist_km);

struct gt_point gt_geo_destination(struct gt_point from, double azimuth_deg, double km)
{
	struct geod_geodesic g;
	double lat2, lon2, azi2;
	wgs84(&g);
	geod_direct(&g, from.lat, from.lon, azimuth_deg, km * 1000.0, &lat2, &lon2, &azi2);
	return (struct gt_point){.lon = lon2, .lat = lat2};
}

struct gt_point gt_geo_towards(struct gt_point a, struct gt_point b, double km)
{
	struct geod_geodesic g;
	wgs84(&g);
	return towards(&g, a, b, km);
}

double gt_geo_length_km(const struct gt_linestring *line)
{
	double km = 0;
	for (size_t i = 1; i < line->n; i++)
		km += gt_geo_distance_km(line->pts[i - 1], line->pts[i]);
	return km;
}

static double ring_area_m2(const struct geod_geodesic *g, const struct gt_linestring *ring)
{
	struct geod_polygon p;
	double area = 0, perim = 0;
	geod_polygon_init(&p, 0);
	/* A closed ring repeats its first point; geod_polygon closes it itself. */
	size_t n = ring->n;
	if (n > 1 && ring->pts[0].lon == ring->pts[n - 1].lon &&
	    ring->pts[0].lat == ring->pts[n - 1].lat)
		n--;
	for (size_t i = 0; i < n; i++)
		geod_polygon_addpoint(g, &p, ring->pts[i].lat, ring->pts[i].lon);
	geod_polygon_compute(g, &p, 0, 1, &area, &perim);
	return fabs(area);
}

double gt_geo_area_km2(const struct gt_multipolygon *mp)
{
	struct geod_geodesic g;
	double m2 = 0;
	wgs84(&g);
	for (size_t i = 0; i < mp->n; i++) {
		const struct gt_polygon *poly = &mp->polys[i];
		for (size_t r = 0; r < poly->nrings; r++) {
			double a = ring_area_m2(&g, &poly->rings[r]);
			m2 += r == 0 ? a : -a;
		}
	}
	return m2 / 1e6;
}

/* The point dist_km from a towards b along their geodesic. */
static struct gt_point towards(const struct geod_geodesic *g, struct gt_point a,
                               struct gt_point b, double dist_km)
{
	double s12, azi1, azi2, lat2, lon2;
	geod_inverse(g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
	geod_direct(g, a.lat, a.lon, azi1, dist_km * 1000.0, &lat2, &lon2, &azi2);
	return (struct gt_point){.lon = lon2, .lat = lat2};
}

double gt_geo_distance_to_line_km(const struct gt_linestring *line, struct gt_point p)
{
	struct geod_geodesic g;
	wgs84(&g);
	if (line->n == 0)
		return INFINITY;
	/* the vertices first: their nearest bounds the answer */
	double best = INFINITY;
	for (size_t i = 0; i < line->n; i++)
		best = fmin(best, gt_geo_distance_km(line->pts[i], p));
	double d_next = gt_geo_distance_km(line->pts[0], p);
	for (size_t i = 0; i + 1 < line->n; i++) {
		double d_here = d_next;
		d_next = gt_geo_distance_km(line->pts[i + 1], p);
		struct gt_point a = line->pts[i];
		double s12, azi1, azi2;
		geod_inverse(&g, a.lat, a.lon, line->pts[i + 1].lat, line->pts[i + 1].lon, &s12, &azi1,
		             &azi2);
		/* every point of the segment lies within half its length of an
		 * end, so a segment whose nearer end is farther than best plus
		 * that cannot hold anything nearer (triangle inequality) */
		if (fmin(d_here, d_next) - s12 / 2000.0 >= best)
			continue;
		int steps = (int)ceil(s12 / 1000.0);
		for (int k = 1; k < steps; k++) {
			double lat, lon, az;
			geod_direct(&g, a.lat, a.lon, azi1, s12 * k / steps, &lat, &lon, &az);
			best = fmin(best, gt_geo_distance_km((struct gt_point){lon, lat}, p));
		}
	}
	/* sampling every km leaves at most ~0.5 km of error along the line;
	 * the distance itself is exact at the samples */
	return best;
}

struct gt_point gt_geo_line_point_at(const struct gt_linestring *line, double km)
{
	struct geod_geodesic g;
	wgs84(&g);
	if (line->n == 0)
		return (struct gt_point){0, 0};
	if (km <= 0)
		return line->pts[0];
	double walked = 0;
	for (size_t i = 1; i < line->n; i++) {
		double seg = gt_geo_distance_km(line->pts[i - 1], line->pts[i]);
		if (walked + seg >= km)
			return towards(&g, line->pts[i - 1], line->pts[i], km - walked);
		walked += seg;
	}
	return line->pts[line->n - 1];
}

enum gt_status gt_geo_line_cut(const struct gt_linestring *line, double from_km, double to_km,
                               struct gt_linestring *out)
{
	memset(out, 0, sizeof(*out));
	if (line->n < 2 || !(from_km >= 0) || !(to_km > from_km))
		return GT_E_USAGE;
	struct gt_point *pts = malloc((line->n + 2) * sizeof(*pts));
	if (!pts)
		return GT_E_NOMEM;
	size_t n = 0;
	pts[n++] = gt_geo_line_point_at(line, from_km);
	/* at most every vertex plus the two interpolated ends */
	double walked = 0;
	for (size_t i = 1; i < line->n; i++) {
		walked += gt_geo_distance_km(line->pts[i - 1], line->pts[i]);
		if (walked > from_km && walked < to_km)
			pts[n++] = line->pts[i];
		if (walked >= to_km)
			break;
	}
	GT_ASSERT(n < line->n + 2);
	pts[n++] = gt_geo_line_point_at(line, to_km);
	out->pts = pts;
	out->n = n;
	return GT_OK;
}
