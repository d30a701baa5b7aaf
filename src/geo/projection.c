/* projection.c: a Lambert azimuthal equal-area map projection in km, for
 * maps and for buffering in a plane. The only file that calls proj_*. */
#include "guarantor/geo.h"

#include <proj.h>
#include <stdio.h>
#include <stdlib.h>

struct gt_geo_projector {
	PJ_CONTEXT *ctx; /* one per projector: PROJ contexts are not shared across threads */
	PJ *pj;
};

enum gt_status gt_geo_projector_new(struct gt_point centre, struct gt_geo_projector **out)
{
	*out = NULL;
	struct gt_geo_projector *p = calloc(1, sizeof(*p));
	if (!p)
		return GT_E_NOMEM;
	p->ctx = proj_context_create();
	if (!p->ctx)
		goto out_free;
	proj_log_level(p->ctx, PJ_LOG_NONE);
	char def[256];
	/* Degrees in, km out: a pipeline, so no database lookup is needed. */
	snprintf(def, sizeof(def),
	         "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
	         "+step +proj=laea +lat_0=%.6f +lon_0=%.6f +ellps=WGS84 "
	         "+step +proj=unitconvert +xy_in=m +xy_out=km",
	         centre.lat, centre.lon);
	p->pj = proj_create(p->ctx, def);
	if (!p->pj)
		goto out_free_ctx;
	*out = p;
	return GT_OK;
out_free_ctx:
	proj_context_destroy(p->ctx);
out_free:
	free(p);
	return GT_E_INTERNAL;
}

void gt_geo_project(const struct gt_geo_projector *pj, struct gt_point p, double *x_km,
                    double *y_km)
{
	PJ_COORD c = proj_coord(p.lon, p.lat, 0, 0);
	c = proj_trans(pj->pj, PJ_FWD, c);
	*x_km = c.xy.x;
	*y_km = c.xy.y;
}

struct gt_point gt_geo_unproject(const struct gt_geo_projector *pj, double x_km, double y_km)
{
	PJ_COORD c = proj_coord(x_km, y_km, 0, 0);
	c = proj_trans(pj->pj, PJ_INV, c);
	return (struct gt_point){.lon = c.lp.lam, .lat = c.lp.phi};
}

void gt_geo_projector_free(struct gt_geo_projector *p)
{
	if (!p)
		return;
	proj_destroy(p->pj);
	proj_context_destroy(p->ctx);
	free(p);
}
