/* index.c: a spatial index of points for rectangle queries, a GEOS
 * STRtree behind our own types (monitoring correlation, docs/monitor.md). */
#include "geo/geos_adapter.h"

#include <stdint.h>
#include <stdlib.h>

struct gt_geo_index {
	struct gt__geos g;
	GEOSSTRtree *tree;
	GEOSGeometry **pts; /* the tree keeps pointers to their envelopes: kept alive */
	size_t n;
};

void gt_geo_index_free(struct gt_geo_index *ix)
{
	if (!ix)
		return;
	if (ix->tree)
		GEOSSTRtree_destroy_r(ix->g.h, ix->tree);
	for (size_t i = 0; i < ix->n; i++)
		GEOSGeom_destroy_r(ix->g.h, ix->pts[i]);
	free(ix->pts);
	gt__geos_close(&ix->g);
	free(ix);
}

enum gt_status gt_geo_index_new(const struct gt_point *pts, size_t n, struct gt_geo_index **out)
{
	*out = NULL;
	struct gt_geo_index *ix = calloc(1, sizeof(*ix));
	if (!ix)
		return GT_E_NOMEM;
	if (!gt__geos_open(&ix->g))
		goto out_fail;
	ix->pts = calloc(n ? n : 1, sizeof(*ix->pts));
	ix->tree = GEOSSTRtree_create_r(ix->g.h, 10);
	if (!ix->pts || !ix->tree)
		goto out_fail;
	for (size_t i = 0; i < n; i++) {
		ix->pts[i] = GEOSGeom_createPointFromXY_r(ix->g.h, pts[i].lon, pts[i].lat);
		if (!ix->pts[i])
			goto out_fail;
		ix->n = i + 1;
		/* items are index + 1, so that no item is a null pointer */
		GEOSSTRtree_insert_r(ix->g.h, ix->tree, ix->pts[i], (void *)(uintptr_t)(i + 1));
	}
	*out = ix;
	return GT_OK;
out_fail:
	gt_geo_index_free(ix);
	return GT_E_NOMEM;
}

struct query {
	void (*fn)(size_t i, void *ctx);
	void *ctx;
};

static void found(void *item, void *userdata)
{
	const struct query *q = userdata;
	q->fn((size_t)(uintptr_t)item - 1, q->ctx);
}

enum gt_status gt_geo_index_query(struct gt_geo_index *ix, double lon0, double lat0, double lon1,
                                  double lat1, void (*fn)(size_t i, void *ctx), void *ctx)
{
	if (ix->n == 0)
		return GT_OK;
	GEOSGeometry *box = GEOSGeom_createRectangle_r(ix->g.h, lon0, lat0, lon1, lat1);
	if (!box)
		return GT_E_NOMEM;
	struct query q = {fn, ctx};
	GEOSSTRtree_query_r(ix->g.h, ix->tree, box, found, &q);
	GEOSGeom_destroy_r(ix->g.h, box);
	return GT_OK;
}
