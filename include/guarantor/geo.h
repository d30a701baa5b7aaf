/* geo.h: geometry types and geodesy on the WGS84 ellipsoid.
 *
 * Positions are longitude/latitude in degrees, as in GeoJSON. Every distance
 * and length is geodesic (PROJ's geod_* functions); nothing here treats
 * degrees as a flat plane except the planar predicates GeoJSON itself uses
 * (containment, simplicity), which go through GEOS.
 *
 * Ownership: structs ending in _fini release what the library allocated
 * inside caller-owned storage; every _fini accepts NULL and zeroed structs. */
#ifndef GUARANTOR_GEO_H
#define GUARANTOR_GEO_H

#include <stdbool.h>
#include <stddef.h>

#include "guarantor/err.h"

#ifdef __cplusplus
extern "C" {
#endif

struct gt_point {
	double lon; /* degrees east, [-180, 180] */
	double lat; /* degrees north, [-90, 90] */
};

/* A line, or a closed ring (first point == last point). */
struct gt_linestring {
	size_t n;
	struct gt_point *pts;
};

/* rings[0] is the exterior ring, the rest are holes. */
struct gt_polygon {
	size_t nrings;
	struct gt_linestring *rings;
};

struct gt_multipolygon {
	size_t n;
	struct gt_polygon *polys;
};

GT_EXPORT void gt_geo_linestring_fini(struct gt_linestring *line);
GT_EXPORT void gt_geo_polygon_fini(struct gt_polygon *poly);
GT_EXPORT void gt_geo_multipolygon_fini(struct gt_multipolygon *mp);

/* Geodesic distance between two points, km. */
GT_EXPORT double gt_geo_distance_km(struct gt_point a, struct gt_point b);

/* The point km from `from` along the geodesic leaving it at azimuth_deg
 * (clockwise from north). */
GT_EXPORT struct gt_point gt_geo_destination(struct gt_point from, double azimuth_deg, double km);

/* The azimuth, degrees clockwise from north, in which the geodesic from a
 * arrives at b: the way to carry on beyond b. */
GT_EXPORT double gt_geo_azimuth_deg(struct gt_point a, struct gt_point b);

/* The point km from a towards b along their geodesic. */
GT_EXPORT struct gt_point gt_geo_towards(struct gt_point a, struct gt_point b, double km);

/* Geodesic length of a line, km (sum over its segments). */
GT_EXPORT double gt_geo_length_km(const struct gt_linestring *line);

/* Geodesic area of a multipolygon, km² (exterior rings minus holes). */
GT_EXPORT double gt_geo_area_km2(const struct gt_multipolygon *mp);

/* Geodesic distance from p to the nearest point of the line, km, to within
 * 0.1 km (segments are sampled every kilometre). */
GT_EXPORT double gt_geo_distance_to_line_km(const struct gt_linestring *line, struct gt_point p);

/* The point at distance km along the line from its first vertex, following
 * the geodesic of the segment it falls on. km is clamped to [0, length]. */
GT_EXPORT struct gt_point gt_geo_line_point_at(const struct gt_linestring *line, double km);

/* The part of line between from_km and to_km (0 <= from_km < to_km),
 * with interpolated end points. OUT: *out, caller frees with
 * gt_geo_linestring_fini. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_line_cut(const struct gt_linestring *line,
                                                       double from_km, double to_km,
                                                       struct gt_linestring *out);

/* --- planar predicates (GEOS) ------------------------------------------ */

/* True when the line does not cross or touch itself. When it does and
 * first_bad is given, *first_bad is the index of the first vertex whose
 * segment makes the line non-simple. */
GT_EXPORT bool gt_geo_line_is_simple(const struct gt_linestring *line, size_t *first_bad);

/* Checks a multipolygon is valid (closed, non-self-intersecting rings).
 * When it is not, returns GT_E_GEOMETRY with GEOS's reason and location in
 * reason (NUL-terminated, at most size bytes); GT_E_INTERNAL when GEOS
 * itself fails. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_multipolygon_check(const struct gt_multipolygon *mp,
                                                                 char *reason, size_t size);

/* Point-in-polygon tests against one multipolygon, prepared once. A region
 * holds a GEOS context: use it from one thread at a time. */
struct gt_geo_region;
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_region_new(const struct gt_multipolygon *mp,
                                                         struct gt_geo_region **out);
GT_EXPORT bool gt_geo_region_contains(const struct gt_geo_region *region, struct gt_point p);
/* Geodesic-ish distance from p to the region's boundary in km (0 inside). */
GT_EXPORT double gt_geo_region_distance_km(const struct gt_geo_region *region, struct gt_point p);
GT_EXPORT void gt_geo_region_free(struct gt_geo_region *region);

/* The area within radius_km of nlines lines (nlines may be 0) and of a
 * set of points (npts may be 0), clipped to clip when clip is not NULL.
 * Buffers are computed in a Lambert azimuthal equal-area plane centred on
 * the input, so radii are true to within a fraction of a percent over a
 * country. OUT: *out, caller frees with gt_geo_multipolygon_fini. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_footprint(const struct gt_linestring *lines,
                                                        size_t nlines,
                                                        const struct gt_point *pts, size_t npts,
                                                        double radius_km,
                                                        const struct gt_multipolygon *clip,
                                                        struct gt_multipolygon *out);

/* Divides area along line into the parts on the line's left and on its
 * right, walking it from its first vertex. Each end of the line is carried
 * on, the way its last segment runs, until it leaves the area (within
 * reach_km), so that a line drawn to a coast or a border divides the
 * area; each part of the area is on the side of the line's nearest point.
 * GT_E_GEOMETRY when an end does not leave the area within reach_km, or
 * the line leaves nothing on one side. OUT: left, right (release with
 * gt_geo_multipolygon_fini). */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_split(const struct gt_multipolygon *area,
                                                    const struct gt_linestring *line,
                                                    double reach_km,
                                                    struct gt_multipolygon *left,
                                                    struct gt_multipolygon *right);
/* a less b (in lon/lat). OUT: out. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_difference(const struct gt_multipolygon *a,
                                                         const struct gt_multipolygon *b,
                                                         struct gt_multipolygon *out);

/* --- coverage and grids over an area (GEOS, in an equal-area plane) ---- */

/* All points within radius_km of centre, along geodesics. */
struct gt_geo_disc {
	struct gt_point centre;
	double radius_km;
};

/* How much of an area a set of discs covers. covered is the union of the
 * discs clipped to the area, gaps the area outside every disc; both in
 * lon/lat. Each disc is a 180-gon of geodesic radii; areas are measured in
 * a Lambert azimuthal equal-area plane centred on the area, so they are
 * true areas up to the polygons' vertex spacing. */
struct gt_geo_cover {
	struct gt_multipolygon covered;
	struct gt_multipolygon gaps;
	double area_km2;
	double covered_km2;
};

/* OUT: *out, release with gt_geo_cover_fini. GT_E_USAGE for a radius that
 * is not positive and finite; GT_E_GEOMETRY when the area is not valid. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_cover(const struct gt_multipolygon *area,
                                                    const struct gt_geo_disc *discs, size_t n,
                                                    struct gt_geo_cover *out);
GT_EXPORT void gt_geo_cover_fini(struct gt_geo_cover *cover);

/* A raster of square cells res_km wide over an area's bounding box in a
 * Lambert azimuthal equal-area plane centred on it, so every cell has the
 * same true area. A cell is inside when its centre is: rows are scanned
 * with GEOS (each row's line intersected with the area), not cell by cell.
 * Cell (i, j) is column i from the west, row j from the south. */
struct gt_geo_grid {
	struct gt_geo_projector *pj; /* owned */
	double x0, y0;               /* km: south-west corner of cell (0, 0) */
	double res_km;
	size_t nx, ny;
	unsigned char *inside;       /* nx * ny flags, index j * nx + i */
	size_t ninside;
};

/* Grids over at most GT_GEO_GRID_MAX_CELLS cells in the bounding box. */
#define GT_GEO_GRID_MAX_CELLS ((size_t)64 * 1024 * 1024)

/* OUT: *out, release with gt_geo_grid_fini. GT_E_RANGE when res_km is not
 * positive or makes more than GT_GEO_GRID_MAX_CELLS cells. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_grid_new(const struct gt_multipolygon *area,
                                                       double res_km, struct gt_geo_grid *out);
GT_EXPORT void gt_geo_grid_fini(struct gt_geo_grid *grid);
/* The centre of cell (i, j) in the grid's plane, km. */
GT_EXPORT void gt_geo_grid_centre(const struct gt_geo_grid *grid, size_t i, size_t j, double *x,
                                  double *y);

/* --- map projection (PROJ) ---------------------------------------------- */

/* A Lambert azimuthal equal-area projection centred on a point, giving
 * x east and y north in km. */
struct gt_geo_projector;
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_projector_new(struct gt_point centre,
                                                            struct gt_geo_projector **out);
GT_EXPORT void gt_geo_project(const struct gt_geo_projector *pj, struct gt_point p,
                              double *x_km, double *y_km);
GT_EXPORT struct gt_point gt_geo_unproject(const struct gt_geo_projector *pj, double x_km,
                                           double y_km);
GT_EXPORT void gt_geo_projector_free(struct gt_geo_projector *pj);

/* --- where a point lies relative to a line -------------------------------- */

/* nlines lines prepared for locating points against the nearest of them;
 * used from one thread at a time. GT_E_USAGE for no lines or a line of
 * fewer than two points. */
struct gt_geo_line_locator;
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_line_locator_new(const struct gt_linestring *lines,
                                                               size_t nlines,
                                                               struct gt_geo_line_locator **out);
GT_EXPORT void gt_geo_line_locator_free(struct gt_geo_line_locator *lc);

struct gt_geo_line_place {
	size_t line;      /* the nearest line's index */
	double along_km;  /* geodesic km from the line's first vertex to the nearest point */
	double offset_km; /* distance to the line, positive on its left (walking it from
	                   * its first vertex), negative on its right; to within 1% */
};
GT_EXPORT struct gt_geo_line_place gt_geo_line_locate(const struct gt_geo_line_locator *lc,
                                                      struct gt_point p);

/* --- spatial index (GEOS STRtree) ------------------------------------------ */

/* An index of n points (lon/lat, copied) for rectangle queries; used from
 * one thread at a time. Returns GT_E_NOMEM when GEOS or memory fails. */
struct gt_geo_index;
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_index_new(const struct gt_point *pts, size_t n,
                                                        struct gt_geo_index **out);
GT_EXPORT void gt_geo_index_free(struct gt_geo_index *ix);
/* Calls fn(i, ctx) once for each point i with lon in [lon0, lon1] and lat
 * in [lat0, lat1], in no defined order. */
GT_EXPORT GT_MUST_CHECK enum gt_status gt_geo_index_query(struct gt_geo_index *ix, double lon0,
                                                          double lat0, double lon1, double lat1,
                                                          void (*fn)(size_t i, void *ctx),
                                                          void *ctx);

#ifdef __cplusplus
}
#endif
#endif
