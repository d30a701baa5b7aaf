/* cover.c: how much of an area a set of discs covers, and rasters over an
 * area. Both work in a Lambert azimuthal equal-area plane centred on the
 * area's bounding box, where planar areas are true areas. */
#include "geo/geos_adapter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { DISC_VERTICES = 180 };

static struct gt_point bbox_centre(const struct gt_multipolygon *mp)
{
	double lon0 = INFINITY, lon1 = -INFINITY, lat0 = INFINITY, lat1 = -INFINITY;
	for (size_t i = 0; i < mp->n; i++) {
		const struct gt_linestring *ring = &mp->polys[i].rings[0];
		for (size_t k = 0; k < ring->n; k++) {
			lon0 = fmin(lon0, ring->pts[k].lon);
			lon1 = fmax(lon1, ring->pts[k].lon);
			lat0 = fmin(lat0, ring->pts[k].lat);
			lat1 = fmax(lat1, ring->pts[k].lat);
		}
	}
	if (!(lon0 <= lon1))
		return (struct gt_point){0, 0};
	return (struct gt_point){(lon0 + lon1) / 2, (lat0 + lat1) / 2};
}

/* A disc as a polygon of geodesic radii, projected. */
static GEOSGeometry *disc_geom(struct gt__geos *g, const struct gt_geo_projector *pj,
                               const struct gt_geo_disc *d)
{
	GEOSCoordSequence *seq = GEOSCoordSeq_create_r(g->h, DISC_VERTICES + 1, 2);
	if (!seq)
		return NULL;
	for (unsigned k = 0; k <= DISC_VERTICES; k++) {
		double az = 360.0 * (double)(k % DISC_VERTICES) / DISC_VERTICES, x, y;
		gt_geo_project(pj, gt_geo_destination(d->centre, az, d->radius_km), &x, &y);
		GEOSCoordSeq_setXY_r(g->h, seq, k, x, y);
	}
	/* azimuths run clockwise; GEOS accepts either orientation */
	GEOSGeometry *ring = GEOSGeom_createLinearRing_r(g->h, seq);
	return ring ? GEOSGeom_createPolygon_r(g->h, ring, NULL, 0) : NULL;
}

/* The union of the discs, or NULL when GEOS or memory fails. */
static GEOSGeometry *discs_union(struct gt__geos *g, const struct gt_geo_projector *pj,
                                 const struct gt_geo_disc *discs, size_t n)
{
	GEOSGeometry **parts = calloc(n ? n : 1, sizeof(*parts));
	if (!parts)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		parts[i] = disc_geom(g, pj, &discs[i]);
		if (!parts[i]) {
			for (size_t j = 0; j < i; j++)
				GEOSGeom_destroy_r(g->h, parts[j]);
			free(parts);
			return NULL;
		}
	}
	GEOSGeometry *all =
		GEOSGeom_createCollection_r(g->h, GEOS_MULTIPOLYGON, parts, (unsigned)n);
	free(parts);
	if (!all)
		return NULL;
	GEOSGeometry *u = GEOSUnaryUnion_r(g->h, all);
	GEOSGeom_destroy_r(g->h, all);
	return u;
}

enum gt_status gt_geo_cover(const struct gt_multipolygon *area, const struct gt_geo_disc *discs,
                            size_t n, struct gt_geo_cover *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++)
		if (!(discs[i].radius_km > 0) || !isfinite(discs[i].radius_km))
			return GT_E_USAGE;
	struct gt_geo_projector *pj = NULL;
	enum gt_status st = gt_geo_projector_new(bbox_centre(area), &pj);
	if (st != GT_OK)
		return st;
	struct gt__geos g;
	st = GT_E_INTERNAL;
	if (!gt__geos_open(&g))
		goto out_pj;
	GEOSGeometry *a = gt__geos_multipolygon(&g, area, gt__geos_project_xy, pj);
	GEOSGeometry *u = a ? discs_union(&g, pj, discs, n) : NULL;
	GEOSGeometry *in = u ? GEOSIntersection_r(g.h, a, u) : NULL;
	GEOSGeometry *gaps = u ? GEOSDifference_r(g.h, a, u) : NULL;
	if (!a)
		st = GT_E_GEOMETRY;
	if (in && gaps) {
		double area_km2 = 0, in_km2 = 0;
		GEOSArea_r(g.h, a, &area_km2);
		GEOSArea_r(g.h, in, &in_km2);
		out->area_km2 = area_km2;
		out->covered_km2 = in_km2;
		st = gt__geos_append_unprojected(&g, in, pj, &out->covered);
		if (st == GT_OK)
			st = gt__geos_append_unprojected(&g, gaps, pj, &out->gaps);
		if (st != GT_OK)
			gt_geo_cover_fini(out);
	}
	if (gaps)
		GEOSGeom_destroy_r(g.h, gaps);
	if (in)
		GEOSGeom_destroy_r(g.h, in);
	if (u)
		GEOSGeom_destroy_r(g.h, u);
	if (a)
		GEOSGeom_destroy_r(g.h, a);
	gt__geos_close(&g);
out_pj:
	gt_geo_projector_free(pj);
	return st;
}

void gt_geo_cover_fini(struct gt_geo_cover *cover)
{
	if (!cover)
		return;
	gt_geo_multipolygon_fini(&cover->covered);
	gt_geo_multipolygon_fini(&cover->gaps);
	cover->area_km2 = cover->covered_km2 = 0;
}

/* Marks the cells of row j whose centres fall on a (multi)line component
 * of the row's intersection with the area. */
static void mark_row(struct gt__geos *g, const GEOSGeometry *part, struct gt_geo_grid *grid,
                     size_t j)
{
	int type = GEOSGeomTypeId_r(g->h, part);
	if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
		int n = GEOSGetNumGeometries_r(g->h, part);
		for (int k = 0; k < n; k++)
			mark_row(g, GEOSGetGeometryN_r(g->h, part, k), grid, j);
		return;
	}
	if (type != GEOS_LINESTRING)
		return; /* a point where the row only touches the area */
	double xa, xb;
	if (!GEOSGeom_getXMin_r(g->h, part, &xa) || !GEOSGeom_getXMax_r(g->h, part, &xb))
		return;
	/* cells whose centre x0 + (i + 0.5) res lies in [xa, xb] */
	double lo = ceil((xa - grid->x0) / grid->res_km - 0.5);
	double hi = floor((xb - grid->x0) / grid->res_km - 0.5);
	if (lo < 0)
		lo = 0;
	if (hi > (double)grid->nx - 1)
		hi = (double)grid->nx - 1;
	for (double i = lo; i <= hi; i++) {
		unsigned char *c = &grid->inside[j * grid->nx + (size_t)i];
		if (!*c) {
			*c = 1;
			grid->ninside++;
		}
	}
}

enum gt_status gt_geo_grid_new(const struct gt_multipolygon *area, double res_km,
                               struct gt_geo_grid *out)
{
	memset(out, 0, sizeof(*out));
	if (!(res_km > 0) || !isfinite(res_km))
		return GT_E_RANGE;
	enum gt_status st = gt_geo_projector_new(bbox_centre(area), &out->pj);
	if (st != GT_OK)
		return st;
	struct gt__geos g;
	if (!gt__geos_open(&g)) {
		gt_geo_grid_fini(out);
		return GT_E_INTERNAL;
	}
	st = GT_E_GEOMETRY;
	GEOSGeometry *a = gt__geos_multipolygon(&g, area, gt__geos_project_xy, out->pj);
	double x0, x1, y0, y1;
	if (!a || !GEOSGeom_getXMin_r(g.h, a, &x0) || !GEOSGeom_getXMax_r(g.h, a, &x1) ||
	    !GEOSGeom_getYMin_r(g.h, a, &y0) || !GEOSGeom_getYMax_r(g.h, a, &y1))
		goto out_fail;
	double nx = ceil((x1 - x0) / res_km), ny = ceil((y1 - y0) / res_km);
	if (nx < 1)
		nx = 1;
	if (ny < 1)
		ny = 1;
	st = GT_E_RANGE;
	if (nx * ny > (double)GT_GEO_GRID_MAX_CELLS)
		goto out_fail;
	out->x0 = x0;
	out->y0 = y0;
	out->res_km = res_km;
	out->nx = (size_t)nx;
	out->ny = (size_t)ny;
	st = GT_E_NOMEM;
	out->inside = calloc(out->nx * out->ny, 1);
	if (!out->inside)
		goto out_fail;
	st = GT_E_INTERNAL;
	for (size_t j = 0; j < out->ny; j++) {
		double y = y0 + ((double)j + 0.5) * res_km;
		/* clip the area to the row's strip first: the intersection then
		 * only sees the few edges near the row */
		GEOSGeometry *strip = GEOSClipByRect_r(g.h, a, x0 - 1, y - res_km, x1 + 1, y + res_km);
		GEOSCoordSequence *seq = GEOSCoordSeq_create_r(g.h, 2, 2);
		GEOSGeometry *row = NULL, *hit = NULL;
		if (seq) {
			GEOSCoordSeq_setXY_r(g.h, seq, 0, x0 - 1, y);
			GEOSCoordSeq_setXY_r(g.h, seq, 1, x1 + 1, y);
			row = GEOSGeom_createLineString_r(g.h, seq);
		}
		if (strip && row)
			hit = GEOSIntersection_r(g.h, strip, row);
		if (hit)
			mark_row(&g, hit, out, j);
		if (hit)
			GEOSGeom_destroy_r(g.h, hit);
		if (row)
			GEOSGeom_destroy_r(g.h, row);
		if (strip)
			GEOSGeom_destroy_r(g.h, strip);
		if (!hit)
			goto out_fail;
	}
	GEOSGeom_destroy_r(g.h, a);
	gt__geos_close(&g);
	return GT_OK;
out_fail:
	if (a)
		GEOSGeom_destroy_r(g.h, a);
	gt__geos_close(&g);
	gt_geo_grid_fini(out);
	return st;
}

void gt_geo_grid_fini(struct gt_geo_grid *grid)
{
	if (!grid)
		return;
	gt_geo_projector_free(grid->pj);
	free(grid->inside);
	memset(grid, 0, sizeof(*grid));
}

void gt_geo_grid_centre(const struct gt_geo_grid *grid, size_t i, size_t j, double *x, double *y)
{
	*x = grid->x0 + ((double)i + 0.5) * grid->res_km;
	*y = grid->y0 + ((double)j + 0.5) * grid->res_km;
}
