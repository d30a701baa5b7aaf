/* geos_adapter.c: see geos_adapter.h. */
#include "geo/geos_adapter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void on_geos_message(const char *message, void *userdata)
{
	struct gt__geos *g = userdata;
	snprintf(g->msg, sizeof(g->msg), "%s", message);
}

bool gt__geos_open(struct gt__geos *g)
{
	g->msg[0] = '\0';
	g->h = GEOS_init_r();
	if (!g->h)
		return false;
	GEOSContext_setErrorMessageHandler_r(g->h, on_geos_message, g);
	return true;
}

void gt__geos_close(struct gt__geos *g)
{
	if (g->h)
		GEOS_finish_r(g->h);
	g->h = NULL;
}

void gt__geos_identity_xy(const void *ctx, struct gt_point p, double *x, double *y)
{
	(void)ctx;
	*x = p.lon;
	*y = p.lat;
}

void gt__geos_project_xy(const void *ctx, struct gt_point p, double *x, double *y)
{
	gt_geo_project(ctx, p, x, y);
}

GEOSCoordSequence *gt__geos_seq(struct gt__geos *g, const struct gt_linestring *l, xy_fn f,
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

GEOSGeometry *gt__geos_line(struct gt__geos *g, const struct gt_linestring *l, xy_fn f,
                             const void *ctx)
{
	GEOSCoordSequence *seq = gt__geos_seq(g, l, f, ctx);
	return seq ? GEOSGeom_createLineString_r(g->h, seq) : NULL;
}

GEOSGeometry *gt__geos_polygon(struct gt__geos *g, const struct gt_polygon *poly, xy_fn f,
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
		GEOSCoordSequence *seq = gt__geos_seq(g, &poly->rings[r], f, ctx);
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

GEOSGeometry *gt__geos_multipolygon(struct gt__geos *g, const struct gt_multipolygon *mp, xy_fn f,
                                     const void *ctx)
{
	GEOSGeometry **parts = calloc(mp->n ? mp->n : 1, sizeof(*parts));
	if (!parts)
		return NULL;
	for (size_t i = 0; i < mp->n; i++) {
		parts[i] = gt__geos_polygon(g, &mp->polys[i], f, ctx);
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

/* Appends the polygons of a (multi)polygon in the km plane to out, in lon/lat. */
enum gt_status gt__geos_append_unprojected(struct gt__geos *g, const GEOSGeometry *geom,
                                         const struct gt_geo_projector *pj,
                                         struct gt_multipolygon *out)
{
	int type = GEOSGeomTypeId_r(g->h, geom);
	if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
		int n = GEOSGetNumGeometries_r(g->h, geom);
		for (int i = 0; i < n; i++) {
			enum gt_status st =
				gt__geos_append_unprojected(g, GEOSGetGeometryN_r(g->h, geom, i), pj, out);
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
			l->pts[i] = pj ? gt_geo_unproject(pj, x, y) : (struct gt_point){x, y};
		}
	}
	return GT_OK;
}

