/* json.c: the JSON forms of results (schemas in docs/output.md). Keys keep their insertion order so
 * the output is stable from run to run. */
#include "render/render_json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Lengths are reported to 0.1 km, densities to 0.01: enough for a reader,
 * and stable against last-digit noise in the geodesic sums. */
static json_t *round_real(double x, double unit)
{
	return json_real(round(x / unit) * unit);
}

static int put(json_t *obj, const char *key, json_t *v)
{
	return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *scenario_json(const struct gt_scenario *s)
{
	json_t *o = json_object();
	put(o, "name", json_string(s->name));
	put(o, "title", json_string(s->title));
	put(o, "file", json_string(s->file));
	put(o, "line_label", string_or_null(s->theatre.line_label));
	put(o, "line_as_of", string_or_null(s->theatre.line_as_of));
	return o;
}

static json_t *sectors_json(const struct gt_scenario *s)
{
	json_t *a = json_array();
	for (size_t i = 0; i < s->nsectors; i++) {
		const struct gt_sector *sec = &s->sectors[i];
		json_t *o = json_object();
		put(o, "id", json_integer(sec->id));
		put(o, "name", json_string(sec->name));
		put(o, "from_km", round_real(sec->from_km, 0.1));
		put(o, "to_km", round_real(sec->to_km, 0.1));
		put(o, "terrain", json_string(gt_terrain_name(sec->terrain)));
		put(o, "threat", json_string(gt_threat_name(sec->threat)));
		put(o, "near", json_string(sec->near));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *strv_json(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *option_json(const struct gt_sizing_option *r)
{
	const struct gt_option *opt = r->option;
	json_t *o = json_object(), *b = json_object(), *eq = json_object(), *c = json_object();
	put(o, "name", json_string(opt->name));
	put(o, "title", json_string(opt->title));
	put(o, "summary", string_or_null(opt->summary));
	put(o, "lead", strv_json(opt->lead, opt->nlead));
	put(o, "posture", json_string(gt_posture_name(opt->posture)));
	put(o, "line_km", round_real(r->line_km, 0.1));
	put(o, "deployed", json_integer(r->deployed));
	put(o, "committed", json_integer(r->committed));
	put(b, "line", json_integer(r->line_troops));
	put(b, "garrisons", json_integer(r->garrison_troops));
	put(b, "reserve", json_integer(r->reserve));
	put(b, "manoeuvre", json_integer(r->manoeuvre));
	put(b, "enablers", json_integer(r->enablers));
	put(b, "hq", json_integer(r->hq));
	put(b, "ground", json_integer(r->ground));
	put(b, "air_personnel", json_integer(r->air_personnel));
	put(b, "naval_personnel", json_integer(r->naval_personnel));
	put(b, "trainers", json_integer(r->trainers));
	put(b, "monitors", json_integer(r->monitors));
	put(o, "breakdown", b);
	put(c, "ground", json_integer(r->committed_ground));
	put(c, "air", json_integer(r->committed_air));
	put(c, "naval", json_integer(r->committed_naval));
	put(c, "training", json_integer(r->committed_training));
	put(c, "monitoring", json_integer(r->committed_monitoring));
	put(o, "committed_breakdown", c);
	put(eq, "fighters", json_integer(r->fighters));
	put(eq, "aew_aircraft", json_integer(r->aew_aircraft));
	put(eq, "tankers", json_integer(r->tankers));
	put(eq, "ships", json_integer(r->ships));
	put(o, "equipment", eq);
	json_t *secs = json_array();
	for (size_t i = 0; i < r->nsectors; i++) {
		json_t *so = json_object();
		put(so, "id", json_integer(r->sectors[i].sector->id));
		put(so, "km", round_real(r->sectors[i].sector->to_km - r->sectors[i].sector->from_km,
		                         0.1));
		put(so, "density_per_km", round_real(r->sectors[i].density, 0.01));
		put(so, "troops", json_integer(r->sectors[i].troops));
		json_array_append_new(secs, so);
	}
	put(o, "sectors", secs);
	json_t *gar = json_array();
	for (size_t i = 0; i < opt->ngarrisons; i++) {
		json_t *go = json_object();
		put(go, "city", json_string(opt->garrisons[i].place));
		put(go, "troops", json_integer(lround(opt->garrisons[i].troops)));
		json_array_append_new(gar, go);
	}
	put(o, "garrisons", gar);
	if (opt->backstop_provider[0]) {
		json_t *bs = json_object();
		put(bs, "provider", json_string(opt->backstop_provider));
		put(bs, "elements", strv_json(opt->backstop_elements, opt->nbackstop_elements));
		put(o, "backstop", bs);
	} else {
		put(o, "backstop", json_null());
	}
	return o;
}

enum gt_status gt__render_json_dump(json_t *root, char **out)
{
	*out = NULL;
	if (!root)
		return GT_E_NOMEM;
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(root);
	if (!text)
		return GT_E_NOMEM;
	size_t n = strlen(text);
	char *withnl = realloc(text, n + 2);
	if (!withnl) {
		free(text);
		return GT_E_NOMEM;
	}
	withnl[n] = '\n';
	withnl[n + 1] = '\0';
	*out = withnl;
	return GT_OK;
}

static json_t *sizing_root(const struct gt_sizing *sz)
{
	json_t *root = json_object(), *opts = json_array();
	put(root, "scenario", scenario_json(sz->scenario));
	put(root, "line_km", round_real(sz->line_km, 0.1));
	put(root, "sectors", sectors_json(sz->scenario));
	for (size_t i = 0; i < sz->noptions; i++)
		json_array_append_new(opts, option_json(&sz->options[i]));
	put(root, "options", opts);
	return root;
}

enum gt_status gt_render_sizing_json(const struct gt_sizing *sz, char **out)
{
	return gt__render_json_dump(sizing_root(sz), out);
}

static json_t *validation_root(const struct gt_validation *v)
{
	json_t *root = json_object(), *rows = json_array();
	for (size_t i = 0; i < v->n; i++) {
		const struct gt_validation_row *r = &v->rows[i];
		const struct gt_mission *m = r->mission;
		json_t *o = json_object();
		put(o, "name", json_string(m->name));
		put(o, "start_year", json_integer(m->start_year));
		put(o, "posture", json_string(gt_posture_name(m->posture)));
		put(o, "threat", json_string(gt_threat_name(m->threat)));
		put(o, "terrain", json_string(gt_terrain_name(m->terrain)));
		put(o, "terrain_assumed", json_boolean(!m->terrain_given));
		put(o, "line_km", round_real(m->line_km, 0.1));
		put(o, "actual", json_integer(lround(m->troops)));
		put(o, "predicted", json_integer(lround(r->predicted)));
		put(o, "log10_error", round_real(r->log10_error, 0.001));
		put(o, "source", json_string(m->source));
		json_array_append_new(rows, o);
	}
	put(root, "missions", rows);
	put(root, "median_abs_log10_error", round_real(v->median_abs_log10_error, 0.001));
	put(root, "share_within_factor_2", round_real(v->share_within_factor_2, 0.001));
	return root;
}

enum gt_status gt_render_validation_json(const struct gt_validation *v, char **out)
{
	return gt__render_json_dump(validation_root(v), out);
}

enum gt_status gt_render_results_json(const struct gt_results *res, char **out)
{
	json_t *root = sizing_root(res->sizing);
	put(root, "validation", res->validation ? validation_root(res->validation) : json_null());
	put(root, "forcegen", res->nforcegen ? gt__render_forcegen_json(res->forcegen, res->nforcegen)
	                                     : json_null());
	json_t *air = res->nair ? gt__render_air_json(res->air, res->nair) : json_null();
	if (!air) {
		json_decref(root);
		return GT_E_NOMEM;
	}
	put(root, "air", air);
	return gt__render_json_dump(root, out);
}
