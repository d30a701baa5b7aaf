/* web.c: what the dashboard needs from `guarantor serve`: its own
 * files (bundled from web/ at build time and compiled in), who the caller
 * is, and the scenario's geometry and rules, drawn on the dashboard's map
 * with no tiles from elsewhere. */
#include "serve/serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef GT_WITH_WEB
extern const char *const gt__web_index_html, *const gt__web_app_js, *const gt__web_app_css;
extern const size_t gt__web_index_html_len, gt__web_app_js_len, gt__web_app_css_len;
#endif

/* The page's own policy: its scripts and styles from here only, no inline
 * script, data: images (Leaflet's), requests to this service only. */
static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
                          "form-action 'none'; frame-ancestors 'none'";

static enum MHD_Result send_static(struct MHD_Connection *c, const char *type, const char *data,
                                   size_t len)
{
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cache-Control", "no-cache");
	enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}

#ifndef GT_WITH_WEB
static enum MHD_Result not_built(struct MHD_Connection *c)
{
	return gt_srv_error(c, MHD_HTTP_NOT_FOUND, NULL,
	                    "this guarantor was built without the dashboard (GT_WITH_WEB=OFF); the "
	                    "API is under /api/v1/");
}
#endif

enum MHD_Result gt_srv_page(struct gt_srv_call *k, struct MHD_Connection *c)
{
	(void)k;
#ifdef GT_WITH_WEB
	return send_static(c, "text/html; charset=utf-8", gt__web_index_html, gt__web_index_html_len);
#else
	(void)send_static;
	return not_built(c);
#endif
}

enum MHD_Result gt_srv_script(struct gt_srv_call *k, struct MHD_Connection *c)
{
	(void)k;
#ifdef GT_WITH_WEB
	return send_static(c, "text/javascript; charset=utf-8", gt__web_app_js, gt__web_app_js_len);
#else
	return not_built(c);
#endif
}

enum MHD_Result gt_srv_style(struct gt_srv_call *k, struct MHD_Connection *c)
{
	(void)k;
#ifdef GT_WITH_WEB
	return send_static(c, "text/css; charset=utf-8", gt__web_app_css, gt__web_app_css_len);
#else
	return not_built(c);
#endif
}

enum MHD_Result gt_srv_me(struct gt_srv_call *k, struct MHD_Connection *c)
{
	const struct gt_user *u = &k->user;
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(u->name));
	json_object_set_new(o, "role", json_string(gt_role_name(u->role)));
	json_object_set_new(o, "member", u->member[0] ? json_string(u->member) : json_null());
	return gt_srv_json(c, MHD_HTTP_OK, o);
}

static json_t *point_xy(struct gt_point p)
{
	json_t *a = json_array();
	json_array_append_new(a, json_real(p.lon));
	json_array_append_new(a, json_real(p.lat));
	return a;
}

static json_t *line_xy(const struct gt_linestring *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, point_xy(l->pts[i]));
	return a;
}

static json_t *feature(const char *kind, const char *name, const char *type, json_t *coords)
{
	json_t *f = json_object(), *g = json_object(), *p = json_object();
	json_object_set_new(g, "type", json_string(type));
	json_object_set_new(g, "coordinates", coords);
	json_object_set_new(p, "kind", json_string(kind));
	json_object_set_new(p, "name", json_string(name ? name : ""));
	json_object_set_new(f, "type", json_string("Feature"));
	json_object_set_new(f, "geometry", g);
	json_object_set_new(f, "properties", p);
	return f;
}

/* The outline, the lines, each sector's stretch of its line, and the places. */
static json_t *geometry(const struct gt_scenario *sc)
{
	const struct gt_theatre *th = &sc->theatre;
	json_t *fc = json_object(), *features = json_array(), *mp = json_array();
	for (size_t i = 0; i < th->outline.n; i++) {
		json_t *poly = json_array();
		for (size_t r = 0; r < th->outline.polys[i].nrings; r++)
			json_array_append_new(poly, line_xy(&th->outline.polys[i].rings[r]));
		json_array_append_new(mp, poly);
	}
	json_array_append_new(features, feature("outline", th->defended, "MultiPolygon", mp));
	for (size_t l = 0; l < th->nlines; l++) {
		json_t *f = feature("line_of_contact", th->lines[l].name, "LineString",
		                    line_xy(&th->lines[l].path));
		json_object_set_new(json_object_get(f, "properties"), "role",
		                    json_string(gt_line_role_name(th->lines[l].role)));
		json_array_append_new(features, f);
	}
	for (size_t i = 0; i < sc->nsectors; i++) {
		struct gt_linestring part = {0, NULL};
		if (gt_geo_line_cut(&th->lines[sc->sectors[i].line].path, sc->sectors[i].from_km,
		                    sc->sectors[i].to_km, &part) != GT_OK)
			continue;
		json_t *f = feature("sector", sc->sectors[i].name, "LineString", line_xy(&part));
		json_object_set_new(json_object_get(f, "properties"), "id",
		                    json_integer(sc->sectors[i].id));
		json_array_append_new(features, f);
		gt_geo_linestring_fini(&part);
	}
	for (size_t i = 0; i < th->nplaces; i++)
		json_array_append_new(features,
		                      feature(gt_place_kind_name(th->places[i].kind),
		                              th->places[i].name, "Point", point_xy(th->places[i].at)));
	json_object_set_new(fc, "type", json_string("FeatureCollection"));
	json_object_set_new(fc, "features", features);
	return fc;
}

enum MHD_Result gt_srv_scenario(struct gt_srv_call *k, struct MHD_Connection *c)
{
	const struct gt_scenario *sc = k->sc;
	const struct gt_monitoring *m = &sc->monitoring;
	json_t *o = json_object(), *sides = json_object(), *sectors = json_array(),
	       *ladder = json_array(), *thresholds = json_array(), *voters = json_array(),
	       *types = json_array();
	json_object_set_new(o, "name", json_string(sc->name));
	json_object_set_new(o, "title", json_string(sc->title ? sc->title : sc->name));
	json_object_set_new(sides, "left", json_string(m->left));
	json_object_set_new(sides, "right", json_string(m->right));
	json_object_set_new(o, "sides", sides);
	char ends[8];
	snprintf(ends, sizeof(ends), "%02d:%02d", m->day_ends / 60, m->day_ends % 60);
	json_object_set_new(o, "day_ends", json_string(ends));
	for (size_t i = 0; i < sc->nsectors; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "id", json_integer(sc->sectors[i].id));
		json_object_set_new(x, "name", json_string(sc->sectors[i].name));
		json_object_set_new(x, "line", json_string(sc->theatre.lines[sc->sectors[i].line].name));
		json_object_set_new(x, "from_km", json_real(sc->sectors[i].from_km));
		json_object_set_new(x, "to_km", json_real(sc->sectors[i].to_km));
		json_array_append_new(sectors, x);
	}
	json_object_set_new(o, "sectors", sectors);
	for (size_t i = 0; i < m->nladder; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "name", json_string(m->ladder[i].name));
		json_object_set_new(x, "text", json_string(m->ladder[i].text));
		json_array_append_new(ladder, x);
	}
	json_object_set_new(o, "ladder", ladder);
	for (size_t i = 0; i < m->nthresholds; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "name", json_string(m->thresholds[i].name));
		json_object_set_new(x, "text", json_string(m->thresholds[i].text));
		json_array_append_new(thresholds, x);
	}
	json_object_set_new(o, "thresholds", thresholds);
	for (size_t i = 0; i < m->nvoters; i++)
		json_array_append_new(voters, json_string(m->voters[i]));
	json_object_set_new(o, "voters", voters);
	json_object_set_new(o, "rule", json_string(gt_decide_rule_name(m->rule)));
	for (int t = 0; t < GT_EVENT_COUNT; t++)
		json_array_append_new(types, json_string(gt_event_type_name((enum gt_event_type)t)));
	json_object_set_new(o, "event_types", types);
	char today[11];
	gt_daily_day_of(sc, k->now, today);
	json_object_set_new(o, "today", json_string(today));
	json_object_set_new(o, "geometry", geometry(sc));
	return gt_srv_json(c, MHD_HTTP_OK, o);
}
