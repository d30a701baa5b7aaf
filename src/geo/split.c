/* split.c: an area divided by a line, and the difference of two areas
 * (GEOS, in lon/lat as GeoJSON draws them). For the territory each side
 * of a line of contact holds. */
#include "geo/geos_adapter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The point where the line, carried on from end (coming from prev) along
 * their geodesic, first leaves the area, plus a step; or NULL (*out
 * untouched) when it does not leave it within reach_km. */
static bool carry_out(const struct gt_geo_region *area, struct gt_point prev, struct gt_point end,
                      double reach_km, struct gt_point *out)
{
	const double step_km = 0.5;
	double az = gt_geo_azimuth_deg(prev, end);
	for (double km = 0; km <= reach_km; km += step_km) {
		struct gt_point p = gt_geo_destination(end, az, km);
		if (!gt_geo_region_contains(area, p)) {
			*out = gt_geo_destination(end, az, km + step_km);
			return true;
		}
	}
	return false;
}

/* The line with each end carried out of the area. */
static enum gt_status carried(const struct gt_multipolygon *area, const struct gt_linestring *line,
                              double reach_km, struct gt_linestring *out)
{
	struct gt_geo_region *region;
	if (gt_geo_region_new(area, &region) != GT_OK)
		return GT_E_INTERNAL; /* a valid area: out of memory */
	size_t n = line->n;
	out->pts = malloc((n + 2) * sizeof(*out->pts));
	if (!out->pts) {
		gt_geo_region_free(region);
		return GT_E_NOMEM;
	}
	struct gt_point head, tail;
	bool h = carry_out(region, line->pts[1], line->pts[0], reach_km, &head);
	bool t = carry_out(region, line->pts[n - 2], line->pts[n - 1], reach_km, &tail);
	gt_geo_region_free(region);
	out->n = 0;
	if (h)
		out->pts[out->n++] = head;
	memcpy(out->pts + out->n, line->pts, n * sizeof(*out->pts));
	out->n += n;
	if (t)
		out->pts[out->n++] = tail;
	return h && t ? GT_OK : GT_E_GEOMETRY;
}

enum gt_status gt_geo_split(const struct gt_multipolygon *area, const struct gt_linestring *line,
                            double reach_km, struct gt_multipolygon *left,
                            struct gt_multipolygon *right)
{
	memset(left, 0, sizeof(*left));
	memset(right, 0, sizeof(*right));
	if (line->n < 2 || area->n == 0)
		return GT_E_USAGE;
	struct gt_linestring cut = {0};
	enum gt_status st = carried(area, line, reach_km, &cut);
	if (st != GT_OK) {
		free(cut.pts);
		return st;
	}
	struct gt__geos g;
	struct gt_geo_line_locator *lc = NULL;
	GEOSGeometry *a = NULL, *edges = NULL, *noded = NULL, *faces = NULL;
	const GEOSPreparedGeometry *prep = NULL;
	if ((st = gt_geo_line_locator_new(&cut, 1, &lc)) != GT_OK)
		goto out_cut;
	if (!gt__geos_open(&g)) {
		st = GT_E_INTERNAL;
		goto out_locator;
	}
	st = GT_E_INTERNAL;
	a = gt__geos_multipolygon(&g, area, gt__geos_identity_xy, NULL);
	GEOSGeometry *l = gt__geos_line(&g, &cut, gt__geos_identity_xy, NULL);
	GEOSGeometry *b = a ? GEOSBoundary_r(g.h, a) : NULL;
	edges = b && l ? GEOSUnion_r(g.h, b, l) : NULL; /* noded where they cross */
	if (b)
		GEOSGeom_destroy_r(g.h, b);
	if (l)
		GEOSGeom_destroy_r(g.h, l);
	noded = edges ? GEOSNode_r(g.h, edges) : NULL;
	const GEOSGeometry *in[1] = {noded};
	faces = noded ? GEOSPolygonize_r(g.h, in, 1) : NULL;
	prep = a ? GEOSPrepare_r(g.h, a) : NULL;
	if (!faces || !prep)
		goto out_geos;
	/* every face inside the area, on the side of the line it lies */
	st = GT_OK;
	int n = GEOSGetNumGeometries_r(g.h, faces);
	for (int i = 0; st == GT_OK && i < n; i++) {
		const GEOSGeometry *f = GEOSGetGeometryN_r(g.h, faces, i);
		GEOSGeometry *inside = GEOSPointOnSurface_r(g.h, f);
		double x, y;
		if (!inside || GEOSGeomGetX_r(g.h, inside, &x) != 1 ||
		    GEOSGeomGetY_r(g.h, inside, &y) != 1) {
			st = GT_E_INTERNAL;
		} else if (GEOSPreparedContains_r(g.h, prep, inside) == 1) {
			struct gt_geo_line_place at = gt_geo_line_locate(lc, (struct gt_point){x, y});
			st = gt__geos_append_unprojected(&g, f, NULL, at.offset_km >= 0 ? left : right);
		}
		if (inside)
			GEOSGeom_destroy_r(g.h, inside);
	}
	if (st == GT_OK && (left->n == 0 || right->n == 0))
		st = GT_E_GEOMETRY; /* the line does not divide the area */
out_geos:
	if (prep)
		GEOSPreparedGeom_destroy_r(g.h, prep);
	if (faces)
		GEOSGeom_destroy_r(g.h, faces);
	if (noded)
		GEOSGeom_destroy_r(g.h, noded);
	if (edges)
		GEOSGeom_destroy_r(g.h, edges);
	if (a)
		GEOSGeom_destroy_r(g.h, a);
	gt__geos_close(&g);
out_locator:
	gt_geo_line_locator_free(lc);
out_cut:
	free(cut.pts);
	if (st != GT_OK) {
		gt_geo_multipolygon_fini(left);
		gt_geo_multipolygon_fini(right);
	}
	return st;
}

enum gt_status gt_geo_difference(const struct gt_multipolygon *a, const struct gt_multipolygon *b,
                                 struct gt_multipolygon *out)
{
	memset(out, 0, sizeof(*out));
	struct gt__geos g;
	if (!gt__geos_open(&g))
		return GT_E_INTERNAL;
	enum gt_status st = GT_E_INTERNAL;
	GEOSGeometry *ga = gt__geos_multipolygon(&g, a, gt__geos_identity_xy, NULL);
	GEOSGeometry *gb = gt__geos_multipolygon(&g, b, gt__geos_identity_xy, NULL);
	GEOSGeometry *d = ga && gb ? GEOSDifference_r(g.h, ga, gb) : NULL;
	if (d) {
		st = gt__geos_append_unprojected(&g, d, NULL, out);
		GEOSGeom_destroy_r(g.h, d);
	}
	if (ga)
		GEOSGeom_destroy_r(g.h, ga);
	if (gb)
		GEOSGeom_destroy_r(g.h, gb);
	gt__geos_close(&g);
	if (st != GT_OK)
		gt_geo_multipolygon_fini(out);
	return st;
}
