/* planar.c: planar predicates through GEOS. Validity and containment in
 * lon/lat (as GeoJSON defines them), and buffers in a projected plane. */
#include "geo/geos_adapter.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool gt_geo_line_is_simple(const struct gt_linestring *line, size_t *first_bad)
{
	struct gt__geos g;
	bool simple = true;
	if (line->n < 2 || !gt__geos_open(&g))
		return line->n >= 2;
	GEOSGeometry *whole = gt__geos_line(&g, line, gt__geos_identity_xy, NULL);
	if (whole && GEOSisSimple_r(g.h, whole) == 0) {
		simple = false;
		/* Find the shortest prefix that is not simple: its last vertex
		 * ends the segment that makes the crossing. Every longer prefix
		 * is non-simple too, so a binary search finds it. */
		if (first_bad) {
			size_t lo = 2, hi = line->n; /* prefix of lo is simple, of hi is not */
			while (hi - lo > 1) {
				size_t mid = lo + (hi - lo) / 2;
				struct gt_linestring prefix = {.n = mid, .pts = line->pts};
				GEOSGeometry *p = gt__geos_line(&g, &prefix, gt__geos_identity_xy, NULL);
				char ok = p ? GEOSisSimple_r(g.h, p) : 1;
				if (p)
					GEOSGeom_destroy_r(g.h, p);
				if (ok == 0)
					hi = mid;
				else
					lo = mid;
			}
			*first_bad = hi - 1;
		}
	}
	if (whole)
		GEOSGeom_destroy_r(g.h, whole);
	gt__geos_close(&g);
	return simple;
}

enum gt_status gt_geo_multipolygon_check(const struct gt_multipolygon *mp, char *reason,
                                         size_t size)
{
	struct gt__geos g;
	enum gt_status st = GT_OK;
	if (size)
		reason[0] = '\0';
	if (!gt__geos_open(&g))
		return GT_E_INTERNAL;
	GEOSGeometry *m = gt__geos_multipolygon(&g, mp, gt__geos_identity_xy, NULL);
	if (!m) {
		snprintf(reason, size, "%s", g.msg[0] ? g.msg : "rings could not be built");
		st = GT_E_GEOMETRY;
		goto out_close;
	}
	char *why = NULL;
	GEOSGeometry *where = NULL;
	char valid = GEOSisValidDetail_r(g.h, m, 0, &why, &where);
	if (valid == 0) {
		double x = 0, y = 0;
		if (where) {
			GEOSGeomGetX_r(g.h, where, &x);
			GEOSGeomGetY_r(g.h, where, &y);
		}
		snprintf(reason, size, "%s near [%.4f, %.4f]", why ? why : "invalid", x, y);
		st = GT_E_GEOMETRY;
	} else if (valid != 1) {
		st = GT_E_INTERNAL;
	}
	if (why)
		GEOSFree_r(g.h, why);
	if (where)
		GEOSGeom_destroy_r(g.h, where);
	GEOSGeom_destroy_r(g.h, m);
out_close:
	gt__geos_close(&g);
	return st;
}

struct gt_geo_region {
	struct gt__geos g;
	GEOSGeometry *geom;
	const GEOSPreparedGeometry *prep;
};

enum gt_status gt_geo_region_new(const struct gt_multipolygon *mp, struct gt_geo_region **out)
{
	*out = NULL;
	struct gt_geo_region *r = calloc(1, sizeof(*r));
	if (!r)
		return GT_E_NOMEM;
	if (!gt__geos_open(&r->g))
		goto out_free;
	r->geom = gt__geos_multipolygon(&r->g, mp, gt__geos_identity_xy, NULL);
	if (!r->geom)
		goto out_close;
	r->prep = GEOSPrepare_r(r->g.h, r->geom);
	if (!r->prep)
		goto out_geom;
	*out = r;
	return GT_OK;
out_geom:
	GEOSGeom_destroy_r(r->g.h, r->geom);
out_close:
	gt__geos_close(&r->g);
out_free:
	free(r);
	return GT_E_GEOMETRY;
}

static GEOSGeometry *point_geom(struct gt__geos *g, struct gt_point p)
{
	return GEOSGeom_createPointFromXY_r(g->h, p.lon, p.lat);
}

bool gt_geo_region_contains(const struct gt_geo_region *r, struct gt_point p)
{
	struct gt__geos *g = (struct gt__geos *)&r->g;
	GEOSGeometry *pt = point_geom(g, p);
	bool in = pt && GEOSPreparedContains_r(g->h, r->prep, pt) == 1;
	if (pt)
		GEOSGeom_destroy_r(g->h, pt);
	return in;
}

double gt_geo_region_distance_km(const struct gt_geo_region *r, struct gt_point p)
{
	if (gt_geo_region_contains(r, p))
		return 0;
	struct gt__geos *g = (struct gt__geos *)&r->g;
	GEOSGeometry *pt = point_geom(g, p);
	double km = INFINITY;
	GEOSCoordSequence *near = pt ? GEOSNearestPoints_r(g->h, r->geom, pt) : NULL;
	if (near) {
		double x, y;
		GEOSCoordSeq_getXY_r(g->h, near, 0, &x, &y);
		km = gt_geo_distance_km(p, (struct gt_point){.lon = x, .lat = y});
		GEOSCoordSeq_destroy_r(g->h, near);
	}
	if (pt)
		GEOSGeom_destroy_r(g->h, pt);
	return km;
}

void gt_geo_region_free(struct gt_geo_region *r)
{
	if (!r)
		return;
	GEOSPreparedGeom_destroy_r(r->g.h, r->prep);
	GEOSGeom_destroy_r(r->g.h, r->geom);
	gt__geos_close(&r->g);
	free(r);
}

static struct gt_point centre_of(const struct gt_linestring *lines, size_t nlines,
                                 const struct gt_point *pts, size_t npts)
{
	double lon = 0, lat = 0;
	size_t n = 0;
	for (size_t l = 0; l < nlines; l++) {
		for (size_t i = 0; i < lines[l].n; i++, n++) {
			lon += lines[l].pts[i].lon;
			lat += lines[l].pts[i].lat;
		}
	}
	for (size_t i = 0; i < npts; i++, n++) {
		lon += pts[i].lon;
		lat += pts[i].lat;
	}
	return n ? (struct gt_point){lon / (double)n, lat / (double)n} : (struct gt_point){0, 0};
}

enum gt_status gt_geo_footprint(const struct gt_linestring *lines, size_t nlines,
                                const struct gt_point *pts, size_t npts, double radius_km,
                                const struct gt_multipolygon *clip, struct gt_multipolygon *out)
{
	memset(out, 0, sizeof(*out));
	if (!(radius_km > 0))
		return GT_E_USAGE;
	size_t nparts = npts;
	for (size_t l = 0; l < nlines; l++)
		nparts += lines[l].n > 1;
	if (nparts == 0)
		return GT_OK;
	struct gt_geo_projector *pj = NULL;
	enum gt_status st = gt_geo_projector_new(centre_of(lines, nlines, pts, npts), &pj);
	if (st != GT_OK)
		return st;
	struct gt__geos g;
	if (!gt__geos_open(&g)) {
		st = GT_E_INTERNAL;
		goto out_free_pj;
	}
	GEOSGeometry **parts = calloc(nparts, sizeof(*parts));
	GEOSGeometry *all = NULL, *buf = NULL, *result = NULL;
	st = GT_E_INTERNAL;
	if (!parts)
		goto out_close;
	size_t k = 0;
	for (size_t l = 0; l < nlines; l++)
		if (lines[l].n > 1)
			parts[k++] = gt__geos_line(&g, &lines[l], gt__geos_project_xy, pj);
	for (size_t i = 0; i < npts; i++) {
		double x, y;
		gt_geo_project(pj, pts[i], &x, &y);
		parts[k++] = GEOSGeom_createPointFromXY_r(g.h, x, y);
	}
	for (size_t i = 0; i < k; i++) {
		if (!parts[i]) {
			for (size_t j = 0; j < k; j++)
				if (parts[j])
					GEOSGeom_destroy_r(g.h, parts[j]);
			free(parts);
			goto out_close;
		}
	}
	all = GEOSGeom_createCollection_r(g.h, GEOS_GEOMETRYCOLLECTION, parts, (unsigned)k);
	free(parts);
	if (!all)
		goto out_close;
	buf = GEOSBuffer_r(g.h, all, radius_km, 16);
	if (!buf)
		goto out_all;
	if (clip) {
		GEOSGeometry *c = gt__geos_multipolygon(&g, clip, gt__geos_project_xy, pj);
		if (!c)
			goto out_buf;
		result = GEOSIntersection_r(g.h, buf, c);
		GEOSGeom_destroy_r(g.h, c);
	} else {
		result = GEOSGeom_clone_r(g.h, buf);
	}
	if (!result)
		goto out_buf;
	st = gt__geos_append_unprojected(&g, result, pj, out);
	if (st != GT_OK)
		gt_geo_multipolygon_fini(out);
	GEOSGeom_destroy_r(g.h, result);
out_buf:
	GEOSGeom_destroy_r(g.h, buf);
out_all:
	GEOSGeom_destroy_r(g.h, all);
out_close:
	gt__geos_close(&g);
out_free_pj:
	gt_geo_projector_free(pj);
	return st;
}
