/* planar.c: the GEOS adapter. Validity and containment in lon/lat (as
 * GeoJSON defines them), and buffers in a projected plane. The only file
 * that calls GEOS; its types never leave this file. */
#include "guarantor/geo.h"

#include <geos_c.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct geos {
	GEOSContextHandle_t h;
	char msg[256]; /* last message GEOS reported */
};

static void on_geos_message(const char *message, void *userdata)
{
	struct geos *g = userdata;
	snprintf(g->msg, sizeof(g->msg), "%s", message);
}

static bool geos_open(struct geos *g)
{
	g->msg[0] = '\0';
	g->h = GEOS_init_r();
	if (!g->h)
		return false;
	GEOSContext_setErrorMessageHandler_r(g->h, on_geos_message, g);
	return true;
}

static void geos_close(struct geos *g)
{
	if (g->h)
		GEOS_finish_r(g->h);
	g->h = NULL;
}

typedef void (*xy_fn)(const void *ctx, struct gt_point p, double *x, double *y);

static void identity_xy(const void *ctx, struct gt_point p, double *x, double *y)
{
	(void)ctx;
	*x = p.lon;
	*y = p.lat;
}

static void project_xy(const void *ctx, struct gt_point p, double *x, double *y)
{
	gt_geo_project(ctx, p, x, y);
}

static GEOSCoordSequence *to_seq(struct geos *g, const struct gt_linestring *l, xy_fn f,
                                 const void *ctx)
{
	GEOSCoordSequence *seq = GEOSCoordSeq_create_r(g->h, (unsigned)l->n, 2);
	if (!seq)
		return NULL;
	for (size_t i = 0; i < l->n; i++) {
		double x, y;
		f(ctx, l->pts[i], &x, &y);
		GEOSCoordSeq_setXY_r(g->h, seq, (unsigned)i, x, y);
	}
	return seq;
}

static GEOSGeometry *to_line(struct geos *g, const struct gt_linestring *l, xy_fn f,
                             const void *ctx)
{
	GEOSCoordSequence *seq = to_seq(g, l, f, ctx);
	return seq ? GEOSGeom_createLineString_r(g->h, seq) : NULL;
}

static GEOSGeometry *to_polygon(struct geos *g, const struct gt_polygon *poly, xy_fn f,
                                const void *ctx)
{
	if (poly->nrings == 0)
		return NULL;
	GEOSGeometry *shell = NULL;
	GEOSGeometry **holes = calloc(poly->nrings, sizeof(*holes));
	size_t nholes = 0;
	if (!holes)
		return NULL;
	for (size_t r = 0; r < poly->nrings; r++) {
		GEOSCoordSequence *seq = to_seq(g, &poly->rings[r], f, ctx);
		GEOSGeometry *ring = seq ? GEOSGeom_createLinearRing_r(g->h, seq) : NULL;
		if (!ring)
			goto out_fail;
		if (r == 0)
			shell = ring;
		else
			holes[nholes++] = ring;
	}
	GEOSGeometry *p = GEOSGeom_createPolygon_r(g->h, shell, holes, (unsigned)nholes);
	free(holes);
	return p;
out_fail:
	if (shell)
		GEOSGeom_destroy_r(g->h, shell);
	for (size_t i = 0; i < nholes; i++)
		GEOSGeom_destroy_r(g->h, holes[i]);
	free(holes);
	return NULL;
}

static GEOSGeometry *to_multipolygon(struct geos *g, const struct gt_multipolygon *mp, xy_fn f,
                                     const void *ctx)
{
	GEOSGeometry **parts = calloc(mp->n ? mp->n : 1, sizeof(*parts));
	if (!parts)
		return NULL;
	for (size_t i = 0; i < mp->n; i++) {
		parts[i] = to_polygon(g, &mp->polys[i], f, ctx);
		if (!parts[i]) {
			for (size_t j = 0; j < i; j++)
				GEOSGeom_destroy_r(g->h, parts[j]);
			free(parts);
			return NULL;
		}
	}
	GEOSGeometry *m = GEOSGeom_createCollection_r(g->h, GEOS_MULTIPOLYGON, parts,
	                                              (unsigned)mp->n);
	free(parts);
	return m;
}

bool gt_geo_line_is_simple(const struct gt_linestring *line, size_t *first_bad)
{
	struct geos g;
	bool simple = true;
	if (line->n < 2 || !geos_open(&g))
		return line->n >= 2;
	GEOSGeometry *whole = to_line(&g, line, identity_xy, NULL);
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
				GEOSGeometry *p = to_line(&g, &prefix, identity_xy, NULL);
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
	geos_close(&g);
	return simple;
}

enum gt_status gt_geo_multipolygon_check(const struct gt_multipolygon *mp, char *reason,
                                         size_t size)
{
	struct geos g;
	enum gt_status st = GT_OK;
	if (size)
		reason[0] = '\0';
	if (!geos_open(&g))
		return GT_E_INTERNAL;
	GEOSGeometry *m = to_multipolygon(&g, mp, identity_xy, NULL);
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
	geos_close(&g);
	return st;
}

struct gt_geo_region {
	struct geos g;
	GEOSGeometry *geom;
	const GEOSPreparedGeometry *prep;
};

enum gt_status gt_geo_region_new(const struct gt_multipolygon *mp, struct gt_geo_region **out)
{
	*out = NULL;
	struct gt_geo_region *r = calloc(1, sizeof(*r));
	if (!r)
		return GT_E_NOMEM;
	if (!geos_open(&r->g))
		goto out_free;
	r->geom = to_multipolygon(&r->g, mp, identity_xy, NULL);
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
	geos_close(&r->g);
out_free:
	free(r);
	return GT_E_GEOMETRY;
}

static GEOSGeometry *point_geom(struct geos *g, struct gt_point p)
{
	return GEOSGeom_createPointFromXY_r(g->h, p.lon, p.lat);
}

bool gt_geo_region_contains(const struct gt_geo_region *r, struct gt_point p)
{
	struct geos *g = (struct geos *)&r->g;
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
	struct geos *g = (struct geos *)&r->g;
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
	geos_close(&r->g);
	free(r);
}

/* Appends the polygons of a (multi)polygon in the km plane to out, in lon/lat. */
static enum gt_status append_unprojected(struct geos *g, const GEOSGeometry *geom,
                                         const struct gt_geo_projector *pj,
                                         struct gt_multipolygon *out)
{
	int type = GEOSGeomTypeId_r(g->h, geom);
	if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
		int n = GEOSGetNumGeometries_r(g->h, geom);
		for (int i = 0; i < n; i++) {
			enum gt_status st =
				append_unprojected(g, GEOSGetGeometryN_r(g->h, geom, i), pj, out);
			if (st != GT_OK)
				return st;
		}
		return GT_OK;
	}
	if (type != GEOS_POLYGON || GEOSisEmpty_r(g->h, geom))
		return GT_OK;
	struct gt_polygon *grown = realloc(out->polys, (out->n + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	out->polys = grown;
	struct gt_polygon *poly = &out->polys[out->n++];
	int nholes = GEOSGetNumInteriorRings_r(g->h, geom);
	poly->rings = calloc((size_t)nholes + 1, sizeof(*poly->rings));
	poly->nrings = 0;
	if (!poly->rings)
		return GT_E_NOMEM;
	for (int r = 0; r <= nholes; r++) {
		const GEOSGeometry *ring = r == 0 ? GEOSGetExteriorRing_r(g->h, geom)
		                                  : GEOSGetInteriorRingN_r(g->h, geom, r - 1);
		const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(g->h, ring);
		unsigned n = 0;
		GEOSCoordSeq_getSize_r(g->h, seq, &n);
		struct gt_linestring *l = &poly->rings[poly->nrings++];
		l->pts = malloc((n ? n : 1) * sizeof(*l->pts));
		if (!l->pts)
			return GT_E_NOMEM;
		l->n = n;
		for (unsigned i = 0; i < n; i++) {
			double x, y;
			GEOSCoordSeq_getXY_r(g->h, seq, i, &x, &y);
			l->pts[i] = gt_geo_unproject(pj, x, y);
		}
	}
	return GT_OK;
}

static struct gt_point centre_of(const struct gt_linestring *line, const struct gt_point *pts,
                                 size_t npts)
{
	double lon = 0, lat = 0;
	size_t n = 0;
	for (size_t i = 0; line && i < line->n; i++, n++) {
		lon += line->pts[i].lon;
		lat += line->pts[i].lat;
	}
	for (size_t i = 0; i < npts; i++, n++) {
		lon += pts[i].lon;
		lat += pts[i].lat;
	}
	return n ? (struct gt_point){lon / (double)n, lat / (double)n} : (struct gt_point){0, 0};
}

enum gt_status gt_geo_footprint(const struct gt_linestring *line, const struct gt_point *pts,
                                size_t npts, double radius_km, const struct gt_multipolygon *clip,
                                struct gt_multipolygon *out)
{
	memset(out, 0, sizeof(*out));
	if (!(radius_km > 0))
		return GT_E_USAGE;
	if ((!line || line->n == 0) && npts == 0)
		return GT_OK;
	struct gt_geo_projector *pj = NULL;
	enum gt_status st = gt_geo_projector_new(centre_of(line, pts, npts), &pj);
	if (st != GT_OK)
		return st;
	struct geos g;
	if (!geos_open(&g)) {
		st = GT_E_INTERNAL;
		goto out_free_pj;
	}
	size_t nparts = npts + (line && line->n > 1 ? 1 : 0);
	GEOSGeometry **parts = calloc(nparts, sizeof(*parts));
	GEOSGeometry *all = NULL, *buf = NULL, *result = NULL;
	st = GT_E_INTERNAL;
	if (!parts)
		goto out_close;
	size_t k = 0;
	if (line && line->n > 1)
		parts[k++] = to_line(&g, line, project_xy, pj);
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
		GEOSGeometry *c = to_multipolygon(&g, clip, project_xy, pj);
		if (!c)
			goto out_buf;
		result = GEOSIntersection_r(g.h, buf, c);
		GEOSGeom_destroy_r(g.h, c);
	} else {
		result = GEOSGeom_clone_r(g.h, buf);
	}
	if (!result)
		goto out_buf;
	st = append_unprojected(&g, result, pj, out);
	if (st != GT_OK)
		gt_geo_multipolygon_fini(out);
	GEOSGeom_destroy_r(g.h, result);
out_buf:
	GEOSGeom_destroy_r(g.h, buf);
out_all:
	GEOSGeom_destroy_r(g.h, all);
out_close:
	geos_close(&g);
out_free_pj:
	gt_geo_projector_free(pj);
	return st;
}
