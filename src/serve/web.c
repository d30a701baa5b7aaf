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
	return gt_srv_send(c, MHD_HTTP_OK, r, NULL, 0);
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

/* The theatre's GeoJSON, as the renderer writes it everywhere. */
static json_t *geometry(const struct gt_scenario *sc)
{
	char *text;
	if (gt_render_theatre_geojson(sc, &text) != GT_OK)
		return NULL;
	json_t *fc = json_loads(text, 0, NULL);
	free(text);
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
	json_t *g = geometry(sc);
	if (!g) {
		json_decref(o);
		return gt_srv_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, NULL,
		                    "cannot write the theatre's geometry (out of memory)");
	}
	json_object_set_new(o, "geometry", g);
	return gt_srv_json(c, MHD_HTTP_OK, o);
}
