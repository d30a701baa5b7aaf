/* geos_adapter.h: private helpers shared by the files that call GEOS
 * (planar.c, cover.c): a thread-local context that keeps GEOS's last
 * message, and conversions between guarantor's geometry types and GEOS's,
 * in lon/lat or in a projected km plane. GEOS types never leave src/geo. */
#ifndef GT_GEO_GEOS_ADAPTER_H
#define GT_GEO_GEOS_ADAPTER_H

#include "guarantor/geo.h"

#include <geos_c.h>
#include <stdbool.h>

struct gt__geos {
	GEOSContextHandle_t h;
	char msg[256]; /* last message GEOS reported */
};

bool gt__geos_open(struct gt__geos *g);
void gt__geos_close(struct gt__geos *g);

/* How a position becomes GEOS x/y: unchanged (lon/lat), or projected
 * through a gt_geo_projector passed as ctx (km). */
typedef void (*xy_fn)(const void *ctx, struct gt_point p, double *x, double *y);
void gt__geos_identity_xy(const void *ctx, struct gt_point p, double *x, double *y);
void gt__geos_project_xy(const void *ctx, struct gt_point p, double *x, double *y);

/* Builders; each returns NULL when GEOS or memory fails. */
GEOSCoordSequence *gt__geos_seq(struct gt__geos *g, const struct gt_linestring *l, xy_fn f,
                                const void *ctx);
GEOSGeometry *gt__geos_line(struct gt__geos *g, const struct gt_linestring *l, xy_fn f,
                            const void *ctx);
GEOSGeometry *gt__geos_polygon(struct gt__geos *g, const struct gt_polygon *poly, xy_fn f,
                               const void *ctx);
GEOSGeometry *gt__geos_multipolygon(struct gt__geos *g, const struct gt_multipolygon *mp,
                                    xy_fn f, const void *ctx);

/* Appends the polygons of a (multi)polygon or collection in the km plane
 * of pj (NULL: already in lon/lat) to out, in lon/lat. */
enum gt_status gt__geos_append_unprojected(struct gt__geos *g, const GEOSGeometry *geom,
                                           const struct gt_geo_projector *pj,
                                           struct gt_multipolygon *out);

#endif
