/* geojson.c: the GeoJSON every renderer writes, as RFC 7946 has it:
 * positions of longitude and latitude to 6 decimals (about 0.1 m, far
 * below any uncertainty the models carry; section 11.2 advises against
 * more), polygons with outer rings counter-clockwise and holes clockwise
 * (section 3.1.6), whichever way GEOS or the user's file ran them, and
 * compact text. Also the theatre's geometry, which the dashboard draws. */
#include "render/render_json.h"

#include <math.h>

static double six(double x)
{
	return round(x * 1e6) / 1e6;
}

json_t *gt__geojson_position(struct gt__jb *jb, struct gt_point p)
{
	json_t *a = json_array();
	gt__jappend(jb, a, json_real(six(p.lon)));
	gt__jappend(jb, a, json_real(six(p.lat)));
	return a;
}

/* Twice the ring's area in the lon/lat plane as written (6 decimals),
 * positive when it runs counter-clockwise: the shoelace formula about the
 * first point, which keeps a small ring's sum exact enough. A closed
 * ring's last point is its first, which adds nothing. */
static double signed_area2(const struct gt_linestring *l)
{
	double s = 0, x0 = l->n ? six(l->pts[0].lon) : 0, y0 = l->n ? six(l->pts[0].lat) : 0;
	for (size_t i = 0; i + 1 < l->n; i++) {
		double ax = six(l->pts[i].lon) - x0, ay = six(l->pts[i].lat) - y0;
		double bx = six(l->pts[i + 1].lon) - x0, by = six(l->pts[i + 1].lat) - y0;
		s += ax * by - bx * ay;
	}
	return s;
}

/* The ring, reversed when it runs against the way RFC 7946 wants it:
 * counter-clockwise for an outer ring, clockwise for a hole. */
static json_t *ring(struct gt__jb *jb, const struct gt_linestring *l, bool outer, double area2)
{
	json_t *a = json_array();
	bool reverse = outer ? area2 < 0 : area2 > 0;
	for (size_t i = 0; i < l->n; i++)
		gt__jappend(jb, a, gt__geojson_position(jb, l->pts[reverse ? l->n - 1 - i : i]));
	return a;
}

json_t *gt__geojson_line(struct gt__jb *jb, const struct gt_linestring *l)
{
	json_t *g = json_object(), *a = json_array();
	for (size_t i = 0; i < l->n; i++)
		gt__jappend(jb, a, gt__geojson_position(jb, l->pts[i]));
	gt__jput(jb, g, "type", json_string("LineString"));
	gt__jput(jb, g, "coordinates", a);
	return g;
}

json_t *gt__geojson_point(struct gt__jb *jb, struct gt_point p)
{
	json_t *g = json_object();
	gt__jput(jb, g, "type", json_string("Point"));
	gt__jput(jb, g, "coordinates", gt__geojson_position(jb, p));
	return g;
}

json_t *gt__geojson_multipolygon(struct gt__jb *jb, const struct gt_multipolygon *mp)
{
	json_t *g = json_object(), *polys = json_array();
	for (size_t i = 0; i < mp->n; i++) {
		/* a ring with no area at 6 decimals (a sliver GEOS left) has no
		 * way round: it is left out, and a polygon whose outer ring it is */
		const struct gt_polygon *p = &mp->polys[i];
		if (p->nrings == 0 || signed_area2(&p->rings[0]) == 0)
			continue;
		json_t *rings = json_array();
		for (size_t r = 0; r < p->nrings; r++) {
			double area2 = signed_area2(&p->rings[r]);
			if (area2 != 0)
				gt__jappend(jb, rings, ring(jb, &p->rings[r], r == 0, area2));
		}
		gt__jappend(jb, polys, rings);
	}
	gt__jput(jb, g, "type", json_string("MultiPolygon"));
	gt__jput(jb, g, "coordinates", polys);
	return g;
}

json_t *gt__geojson_feature(struct gt__jb *jb, json_t *geometry, json_t *props)
{
	json_t *f = json_object();
	gt__jput(jb, f, "type", json_string("Feature"));
	gt__jput(jb, f, "geometry", geometry);
	gt__jput(jb, f, "properties", props);
	return f;
}

static json_t *kind_props(struct gt__jb *jb, const char *kind, const char *name)
{
	json_t *p = json_object();
	gt__jput(jb, p, "kind", json_string(kind));
	gt__jput(jb, p, "name", json_string(name ? name : ""));
	return p;
}

enum gt_status gt_render_theatre_geojson(const struct gt_scenario *sc, char **out)
{
	const struct gt_theatre *th = &sc->theatre;
	struct gt__jb jb = {false};
	json_t *fc = json_object(), *features = json_array();
	gt__jput(&jb, fc, "type", json_string("FeatureCollection"));
	gt__jappend(&jb, features,
	            gt__geojson_feature(&jb, gt__geojson_multipolygon(&jb, &th->outline),
	                                kind_props(&jb, "outline", th->defended)));
	for (size_t l = 0; l < th->nlines; l++) {
		json_t *p = kind_props(&jb, "line_of_contact", th->lines[l].name);
		gt__jput(&jb, p, "role", json_string(gt_line_role_name(th->lines[l].role)));
		gt__jappend(&jb, features,
		            gt__geojson_feature(&jb, gt__geojson_line(&jb, &th->lines[l].path), p));
	}
	for (size_t i = 0; i < sc->nsectors; i++) {
		struct gt_linestring part = {0, NULL};
		if (gt_geo_line_cut(&th->lines[sc->sectors[i].line].path, sc->sectors[i].from_km,
		                    sc->sectors[i].to_km, &part) != GT_OK)
			continue;
		json_t *p = kind_props(&jb, "sector", sc->sectors[i].name);
		gt__jput(&jb, p, "id", json_integer(sc->sectors[i].id));
		gt__jappend(&jb, features, gt__geojson_feature(&jb, gt__geojson_line(&jb, &part), p));
		gt_geo_linestring_fini(&part);
	}
	for (size_t i = 0; i < th->nplaces; i++)
		gt__jappend(&jb, features,
		            gt__geojson_feature(&jb, gt__geojson_point(&jb, th->places[i].at),
		                                kind_props(&jb, gt_place_kind_name(th->places[i].kind),
		                                           th->places[i].name)));
	gt__jput(&jb, fc, "features", features);
	return gt__render_geojson_dump(&jb, fc, out);
}
