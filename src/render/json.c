/* json.c: the JSON forms of results (schemas in docs/output.md). Keys keep their insertion order so
 * the output is stable from run to run. */
#include "render/render_json.h"
#include "guarantor/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Lengths are reported to 0.1 km, densities to 0.01: enough for a reader,
 * and stable against last-digit noise in the geodesic sums. */
static json_t *round_real(double x, double unit)
{
	return json_real(round(x / unit) * unit);
}

void gt__jput(struct gt__jb *jb, json_t *obj, const char *key, json_t *v)
{
	/* json_object_set_new takes v even when it fails, and fails on NULL */
	if (json_object_set_new(obj, key, v) != 0)
		jb->failed = true;
}

void gt__jappend(struct gt__jb *jb, json_t *arr, json_t *v)
{
	if (json_array_append_new(arr, v) != 0)
		jb->failed = true;
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *scenario_json(struct gt__jb *jb, const struct gt_scenario *s)
{
	json_t *o = json_object();
	gt__jput(jb, o, "name", json_string(s->name));
	gt__jput(jb, o, "title", json_string(s->title));
	gt__jput(jb, o, "file", json_string(s->file));
	/* the first line's, as before there were several */
	gt__jput(jb, o, "line_label", json_string(s->theatre.lines[0].name));
	gt__jput(jb, o, "line_as_of", string_or_null(s->theatre.lines[0].as_of));
	json_t *lines = json_array();
	for (size_t i = 0; i < s->theatre.nlines; i++) {
		const struct gt_line *ln = &s->theatre.lines[i];
		json_t *l = json_object();
		gt__jput(jb, l, "name", json_string(ln->name));
		gt__jput(jb, l, "role", json_string(gt_line_role_name(ln->role)));
		gt__jput(jb, l, "km", round_real(ln->km, 0.1));
		gt__jput(jb, l, "as_of", string_or_null(ln->as_of));
		gt__jput(jb, l, "approximate", json_boolean(ln->approximate));
		gt__jput(jb, l, "reported_km", ln->reported_km > 0 ? round_real(ln->reported_km, 0.1)
		                                                   : json_null());
		gt__jput(jb, l, "reported_as", string_or_null(ln->reported_as));
		json_t *ids = json_array();
		for (size_t k = 0; k < ln->nsectors; k++)
			gt__jappend(jb, ids, json_integer(s->sectors[ln->first_sector + k].id));
		gt__jput(jb, l, "sectors", ids);
		gt__jappend(jb, lines, l);
	}
	gt__jput(jb, o, "lines", lines);
	return o;
}

static json_t *sectors_json(struct gt__jb *jb, const struct gt_scenario *s)
{
	json_t *a = json_array();
	for (size_t i = 0; i < s->nsectors; i++) {
		const struct gt_sector *sec = &s->sectors[i];
		json_t *o = json_object();
		gt__jput(jb, o, "id", json_integer(sec->id));
		gt__jput(jb, o, "name", json_string(sec->name));
		gt__jput(jb, o, "line", json_string(s->theatre.lines[sec->line].name));
		gt__jput(jb, o, "from_km", round_real(sec->from_km, 0.1));
		gt__jput(jb, o, "to_km", round_real(sec->to_km, 0.1));
		gt__jput(jb, o, "terrain", json_string(gt_terrain_name(sec->terrain)));
		gt__jput(jb, o, "threat", json_string(gt_threat_name(sec->threat)));
		gt__jput(jb, o, "near", json_string(sec->near));
		gt__jappend(jb, a, o);
	}
	return a;
}

static json_t *strv_json(struct gt__jb *jb, char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		gt__jappend(jb, a, json_string(v[i]));
	return a;
}

static json_t *option_json(struct gt__jb *jb, const struct gt_sizing_option *r)
{
	const struct gt_option *opt = r->option;
	json_t *o = json_object(), *b = json_object(), *eq = json_object(), *c = json_object();
	gt__jput(jb, o, "name", json_string(opt->name));
	gt__jput(jb, o, "title", json_string(opt->title));
	gt__jput(jb, o, "summary", string_or_null(opt->summary));
	gt__jput(jb, o, "lead", strv_json(jb, opt->lead, opt->nlead));
	gt__jput(jb, o, "posture", json_string(gt_posture_name(opt->posture)));
	gt__jput(jb, o, "line_km", round_real(r->line_km, 0.1));
	gt__jput(jb, o, "deployed", json_integer(r->deployed));
	gt__jput(jb, o, "committed", json_integer(r->committed));
	gt__jput(jb, b, "line", json_integer(r->line_troops));
	gt__jput(jb, b, "garrisons", json_integer(r->garrison_troops));
	gt__jput(jb, b, "reserve", json_integer(r->reserve));
	gt__jput(jb, b, "manoeuvre", json_integer(r->manoeuvre));
	gt__jput(jb, b, "enablers", json_integer(r->enablers));
	gt__jput(jb, b, "hq", json_integer(r->hq));
	gt__jput(jb, b, "ground", json_integer(r->ground));
	gt__jput(jb, b, "air_personnel", json_integer(r->air_personnel));
	gt__jput(jb, b, "naval_personnel", json_integer(r->naval_personnel));
	gt__jput(jb, b, "trainers", json_integer(r->trainers));
	gt__jput(jb, b, "monitors", json_integer(r->monitors));
	gt__jput(jb, o, "breakdown", b);
	gt__jput(jb, c, "ground", json_integer(r->committed_ground));
	gt__jput(jb, c, "air", json_integer(r->committed_air));
	gt__jput(jb, c, "naval", json_integer(r->committed_naval));
	gt__jput(jb, c, "training", json_integer(r->committed_training));
	gt__jput(jb, c, "monitoring", json_integer(r->committed_monitoring));
	gt__jput(jb, o, "committed_breakdown", c);
	gt__jput(jb, eq, "fighters", json_integer(r->fighters));
	gt__jput(jb, eq, "aew_aircraft", json_integer(r->aew_aircraft));
	gt__jput(jb, eq, "tankers", json_integer(r->tankers));
	gt__jput(jb, eq, "ships", json_integer(r->ships));
	gt__jput(jb, o, "equipment", eq);
	json_t *secs = json_array();
	for (size_t i = 0; i < r->nsectors; i++) {
		json_t *so = json_object();
		gt__jput(jb, so, "id", json_integer(r->sectors[i].sector->id));
		gt__jput(jb, so, "km", round_real(r->sectors[i].sector->to_km - r->sectors[i].sector->from_km,
		                         0.1));
		gt__jput(jb, so, "density_per_km", round_real(r->sectors[i].density, 0.01));
		gt__jput(jb, so, "troops", json_integer(r->sectors[i].troops));
		gt__jappend(jb, secs, so);
	}
	gt__jput(jb, o, "sectors", secs);
	json_t *lines = json_array();
	for (size_t i = 0; i < r->nlines; i++) {
		const struct gt_sizing_line *sl = &r->lines[i];
		json_t *lo = json_object();
		gt__jput(jb, lo, "line", json_string(sl->line->name));
		gt__jput(jb, lo, "covered_km", round_real(sl->covered_km, 0.1));
		gt__jput(jb, lo, "line_troops", json_integer(sl->line_troops));
		gt__jput(jb, lo, "monitors", json_integer(sl->monitors));
		gt__jput(jb, lo, "monitors_per_km", round_real(sl->monitors_per_km, 0.001));
		gt__jappend(jb, lines, lo);
	}
	gt__jput(jb, o, "lines", lines);
	json_t *gar = json_array();
	for (size_t i = 0; i < opt->ngarrisons; i++) {
		json_t *go = json_object();
		gt__jput(jb, go, "city", json_string(opt->garrisons[i].place));
		gt__jput(jb, go, "troops", json_integer(lround(opt->garrisons[i].troops)));
		gt__jappend(jb, gar, go);
	}
	gt__jput(jb, o, "garrisons", gar);
	if (opt->backstop_provider[0]) {
		json_t *bs = json_object();
		gt__jput(jb, bs, "provider", json_string(opt->backstop_provider));
		gt__jput(jb, bs, "elements", strv_json(jb, opt->backstop_elements, opt->nbackstop_elements));
		gt__jput(jb, o, "backstop", bs);
	} else {
		gt__jput(jb, o, "backstop", json_null());
	}
	return o;
}

/* A growing buffer for json_dump_callback. jansson ignores the callback's
 * failure when it writes an object's key, so the buffer remembers a failure
 * itself rather than trust the dump's return value. */
struct sink {
	char *buf;
	size_t len, cap;
	bool failed;
};

static int to_sink(const char *text, size_t n, void *data)
{
	struct sink *s = data;
	if (s->failed)
		return -1;
	if (s->len + n + 2 > s->cap) {
		size_t cap = s->cap ? s->cap : 4096;
		while (cap < s->len + n + 2)
			cap *= 2;
		char *grown = realloc(s->buf, cap);
		if (!grown) {
			s->failed = true;
			return -1;
		}
		s->buf = grown;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, text, n);
	s->len += n;
	return 0;
}

static enum gt_status dump(struct gt__jb *jb, json_t *root, size_t flags, char **out)
{
	*out = NULL;
	if (!root || jb->failed) {
		json_decref(root);
		return GT_E_NOMEM;
	}
	struct sink s = {0};
	int rc = json_dump_callback(root, to_sink, &s,
	                            flags | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(root);
	if (rc != 0 || s.failed || !s.buf) {
		free(s.buf);
		return GT_E_NOMEM;
	}
	s.buf[s.len] = '\n'; /* to_sink keeps room for these two */
	s.buf[s.len + 1] = '\0';
	*out = s.buf;
	return GT_OK;
}

enum gt_status gt__render_json_dump(struct gt__jb *jb, json_t *root, char **out)
{
	return dump(jb, root, JSON_INDENT(2), out);
}

enum gt_status gt__render_geojson_dump(struct gt__jb *jb, json_t *root, char **out)
{
	return dump(jb, root, JSON_COMPACT, out);
}

enum gt_status gt__render_json_print(struct gt__jb *jb, json_t *root, FILE *out)
{
	char *text;
	enum gt_status st = gt__render_json_dump(jb, root, &text);
	if (st != GT_OK)
		return st;
	fputs(text, out);
	free(text);
	return GT_OK;
}

static json_t *sizing_root(struct gt__jb *jb, const struct gt_sizing *sz)
{
	json_t *root = json_object(), *opts = json_array();
	gt__jput(jb, root, "scenario", scenario_json(jb, sz->scenario));
	gt__jput(jb, root, "line_km", round_real(sz->line_km, 0.1));
	gt__jput(jb, root, "sectors", sectors_json(jb, sz->scenario));
	for (size_t i = 0; i < sz->noptions; i++)
		gt__jappend(jb, opts, option_json(jb, &sz->options[i]));
	gt__jput(jb, root, "options", opts);
	/* the options that cannot be planned here, and why */
	json_t *no = json_array();
	for (size_t i = 0; i < sz->ninfeasible; i++) {
		const struct gt_sizing_infeasible *inf = &sz->infeasible[i];
		json_t *o = json_object();
		gt__jput(jb, o, "name", json_string(inf->option->name));
		gt__jput(jb, o, "title", json_string(inf->option->title));
		gt__jput(jb, o, "field", inf->why.path[0] ? json_string(inf->why.path) : json_null());
		gt__jput(jb, o, "why", json_string(inf->why.msg));
		gt__jappend(jb, no, o);
	}
	gt__jput(jb, root, "infeasible", no);
	return root;
}

enum gt_status gt_render_sizing_json(const struct gt_sizing *sz, char **out)
{
	struct gt__jb b = {false}, *jb = &b;
	return gt__render_json_dump(jb, sizing_root(jb, sz), out);
}

static json_t *validation_root(struct gt__jb *jb, const struct gt_validation *v)
{
	json_t *root = json_object(), *rows = json_array();
	for (size_t i = 0; i < v->n; i++) {
		const struct gt_validation_row *r = &v->rows[i];
		const struct gt_mission *m = r->mission;
		json_t *o = json_object();
		gt__jput(jb, o, "name", json_string(m->name));
		gt__jput(jb, o, "start_year", json_integer(m->start_year));
		gt__jput(jb, o, "posture", json_string(gt_posture_name(m->posture)));
		gt__jput(jb, o, "threat", json_string(gt_threat_name(m->threat)));
		gt__jput(jb, o, "terrain", json_string(gt_terrain_name(m->terrain)));
		gt__jput(jb, o, "terrain_assumed", json_boolean(!m->terrain_given));
		gt__jput(jb, o, "line_km", round_real(m->line_km, 0.1));
		gt__jput(jb, o, "actual", json_integer(lround(m->troops)));
		gt__jput(jb, o, "predicted", json_integer(lround(r->predicted)));
		gt__jput(jb, o, "log10_error", round_real(r->log10_error, 0.001));
		gt__jput(jb, o, "source", json_string(m->source));
		gt__jappend(jb, rows, o);
	}
	gt__jput(jb, root, "missions", rows);
	gt__jput(jb, root, "median_abs_log10_error", round_real(v->median_abs_log10_error, 0.001));
	gt__jput(jb, root, "share_within_factor_2", round_real(v->share_within_factor_2, 0.001));
	return root;
}

enum gt_status gt_render_validation_json(const struct gt_validation *v, char **out)
{
	struct gt__jb b = {false}, *jb = &b;
	return gt__render_json_dump(jb, validation_root(jb, v), out);
}

/* The force each option can actually raise (plan.h), beside what sizing
 * requires. */
static json_t *raised_json(struct gt__jb *jb, const struct gt_results *res)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < res->sizing->noptions; i++) {
		const struct gt_plan_force *f = &res->raised[i];
		json_t *o = json_object();
		gt__jput(jb, o, "name", json_string(res->sizing->options[i].option->name));
		gt__jput(jb, o, "ground", json_integer(f->ground));
		gt__jput(jb, o, "fighters", json_integer(f->fighters));
		gt__jput(jb, o, "aew_aircraft", json_integer(f->aew_aircraft));
		gt__jput(jb, o, "tankers", json_integer(f->tankers));
		gt__jput(jb, o, "ships", json_integer(f->ships));
		gt__jput(jb, o, "air_personnel", json_integer(f->air_personnel));
		gt__jput(jb, o, "naval_personnel", json_integer(f->naval_personnel));
		gt__jput(jb, o, "trainers", json_integer(f->trainers));
		gt__jput(jb, o, "monitors", json_integer(f->monitors));
		gt__jput(jb, o, "deployed", json_integer(f->deployed));
		gt__jput(jb, o, "patrol_stations", json_integer((json_int_t)f->stations));
		gt__jput(jb, o, "aew_orbits", json_integer((json_int_t)f->orbits));
		gt__jput(jb, o, "voters", json_integer((json_int_t)f->voters));
		gt__jappend(jb, arr, o);
	}
	return arr;
}

enum gt_status gt_render_results_json(const struct gt_results *res, char **out)
{
	struct gt__jb b = {false}, *jb = &b;
	json_t *root = sizing_root(jb, res->sizing);
	gt__jput(jb, root, "validation",
	         res->validation ? validation_root(jb, res->validation) : json_null());
	gt__jput(jb, root, "forcegen",
	         res->nforcegen ? gt__render_forcegen_json(jb, res->forcegen, res->nforcegen)
	                        : json_null());
	gt__jput(jb, root, "air", res->nair ? gt__render_air_json(jb, res->air, res->nair) : json_null());
	gt__jput(jb, root, "raised", res->raised ? raised_json(jb, res) : json_null());
	json_t *sim = res->sim ? json_object() : json_null();
	if (res->sim)
		gt__render_sim_fill(jb, sim, res->sim);
	gt__jput(jb, root, "simulation", sim);
	return gt__render_json_dump(jb, root, out);
}
