/* scenario.c: loads a scenario (YAML + GeoJSON), checks it as a whole and
 * releases it. Section readers live in sectors.c, doctrine.c, options.c. */
#include "scenario_priv.h"
#include "guarantor/air.h"
#include "util/readfile.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The embedded files, generated at build time from data/ (cmake/embed.cmake). */
extern const char *const gt__builtin_yaml;
extern const size_t gt__builtin_yaml_len;
extern const char *const gt__builtin_geojson;
extern const size_t gt__builtin_geojson_len;

#define GT_BUILTIN_PREFIX "builtin:"

const char *gt_scenario_builtin_yaml(size_t *len)
{
	*len = gt__builtin_yaml_len;
	return gt__builtin_yaml;
}

const char *gt_scenario_builtin_geojson(size_t *len)
{
	*len = gt__builtin_geojson_len;
	return gt__builtin_geojson;
}

long gt__line_vertex(const struct gt_line *ln, const char *place)
{
	for (size_t i = 0; ln->places && i < ln->path.n; i++)
		if (ln->places[i][0] && strcmp(ln->places[i], place) == 0)
			return (long)i;
	return -1;
}

const char *gt__line_words(const struct gt_theatre *th, const struct gt_line *ln, char *buf,
                           size_t size)
{
	if (th->nlines == 1)
		return "the line of contact";
	snprintf(buf, size, "line '%s'", ln->name);
	return buf;
}

size_t gt__line_count(const struct gt_theatre *th, enum gt_line_role r)
{
	size_t n = 0;
	for (size_t i = 0; i < th->nlines; i++)
		n += th->lines[i].role == r;
	return n;
}

const struct gt_line *gt__line_find(const struct gt_theatre *th, const char *name)
{
	for (size_t i = 0; i < th->nlines; i++)
		if (strcmp(th->lines[i].name, name) == 0)
			return &th->lines[i];
	return NULL;
}

size_t gt_theatre_paths(const struct gt_theatre *th, struct gt_linestring out[GT_LINES_MAX])
{
	for (size_t i = 0; i < th->nlines; i++)
		out[i] = th->lines[i].path;
	return th->nlines;
}

const char *gt_line_role_name(enum gt_line_role r)
{
	return r == GT_LINE_BORDER ? "border" : "front";
}

double gt_theatre_line_distance_km(const struct gt_theatre *th, struct gt_point p, size_t *which)
{
	double best = INFINITY;
	size_t at = 0;
	for (size_t i = 0; i < th->nlines; i++) {
		double km = gt_geo_distance_to_line_km(&th->lines[i].path, p);
		if (km < best) {
			best = km;
			at = i;
		}
	}
	if (which)
		*which = at;
	return best;
}

const struct gt_sector *gt_scenario_sector(const struct gt_scenario *s, int id)
{
	for (size_t i = 0; i < s->nsectors; i++)
		if (s->sectors[i].id == id)
			return &s->sectors[i];
	return NULL;
}

static enum gt_status read_meta(struct yr *r, const yaml_node_t *n, struct gt_scenario *s)
{
	static const char *const keys[] = {"name", "title", "description", NULL};
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, "scenario")) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, "scenario", keys)) != GT_OK ||
	    (st = gt__yr_req_string(r, n, "scenario", "name", &s->name)) != GT_OK ||
	    (st = gt__yr_req_string(r, n, "scenario", "title", &s->title)) != GT_OK ||
	    (st = gt__yr_opt_string(r, n, "scenario", "description", &s->description)) != GT_OK)
		return st;
	for (const char *c = s->name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
			return gt__yr_fail(r, gt__yr_get(r, n, "name"), "scenario.name", GT_E_SCHEMA,
			                   "'%s' is not a valid scenario name; expected lower-case "
			                   "letters, digits and '-'",
			                   s->name);
	return GT_OK;
}

/* Reads the file a scenario field names: ref as written, relative to the
 * YAML file's folder unless absolute. OUT: path (resolved), *text (caller
 * frees), *len. Errors point at the field's node. */
static enum gt_status read_beside(struct yr *r, const yaml_node_t *node, const char *field,
                                  const char *what, const char *base_dir, const char *ref,
                                  char path[4096], char **text, size_t *len)
{
	int plen = ref[0] == '/' || !base_dir || !base_dir[0]
	                   ? snprintf(path, 4096, "%s", ref)
	                   : snprintf(path, 4096, "%s/%s", base_dir, ref);
	if (plen < 0 || plen >= 4096)
		return gt__yr_fail(r, node, field, GT_E_IO, "the path to %s is longer than %d bytes",
		                   what, 4095);
	struct gt_err ioerr;
	gt_err_clear(&ioerr);
	enum gt_status st = gt__read_file(path, text, len, &ioerr);
	if (st != GT_OK)
		return gt__yr_fail(r, node, field, st, "cannot read '%s': %s", path, ioerr.msg);
	return GT_OK;
}

/* theatre.aircraft: the aircraft catalogue, built in or a CSV file next to
 * the scenario, loaded here so that the engines never read files. */
static enum gt_status read_aircraft(struct yr *r, const yaml_node_t *n, const char *base_dir,
                                    struct gt_scenario *s)
{
	char *ref = NULL;
	enum gt_status st = gt__yr_opt_string(r, n, "theatre", "aircraft", &ref);
	if (st != GT_OK)
		return st;
	if (!ref || strcmp(ref, GT_BUILTIN_PREFIX "aircraft") == 0) {
		free(ref);
		size_t len;
		const char *csv = gt_aircraft_builtin_csv(&len);
		return gt_aircraft_load_text(csv, len, "builtin:aircraft.csv", &s->theatre.aircraft,
		                             r->err);
	}
	yaml_node_t *node = gt__yr_get(r, n, "aircraft");
	if (strncmp(ref, GT_BUILTIN_PREFIX, strlen(GT_BUILTIN_PREFIX)) == 0) {
		st = gt__yr_fail(r, node, "theatre.aircraft", GT_E_SCHEMA,
		                 "unknown built-in catalogue '%s'; expected builtin:aircraft or a file "
		                 "path",
		                 ref);
		free(ref);
		return st;
	}
	char path[4096], *text;
	size_t len;
	st = read_beside(r, node, "theatre.aircraft", "the aircraft catalogue", base_dir, ref, path,
	                 &text, &len);
	free(ref);
	if (st != GT_OK)
		return st;
	st = gt_aircraft_load_text(text, len, path, &s->theatre.aircraft, r->err);
	free(text);
	if (st == GT_OK && !(s->theatre.aircraft_file = strdup(path)))
		return GT_E_NOMEM;
	return st;
}

static enum gt_status read_geometry(struct yr *r, const yaml_node_t *n, const char *base_dir,
                                    struct gt_scenario *s);

static enum gt_status read_theatre(struct yr *r, const yaml_node_t *n, const char *base_dir,
                                   struct gt_scenario *s)
{
	enum gt_status st = read_geometry(r, n, base_dir, s);
	return st == GT_OK ? gt__territory_derive(r, n, s) : st;
}

static enum gt_status read_geometry(struct yr *r, const yaml_node_t *n, const char *base_dir,
                                    struct gt_scenario *s)
{
	static const char *const keys[] = {"geometry", "aircraft", "held_side", "in_country_bases",
	                                   NULL};
	enum gt_status st;
	if ((st = gt__yr_expect_map(r, n, "theatre")) != GT_OK ||
	    (st = gt__yr_check_keys(r, n, "theatre", keys)) != GT_OK ||
	    (st = gt__yr_req_string(r, n, "theatre", "geometry", &s->theatre.geometry_ref)) != GT_OK ||
	    (st = read_aircraft(r, n, base_dir, s)) != GT_OK)
		return st;
	const yaml_node_t *own = gt__yr_get(r, n, "in_country_bases");
	if (own && (st = gt__yr_bool(r, own, "theatre.in_country_bases",
	                             &s->theatre.in_country_bases)) != GT_OK)
		return st;
	const char *ref = s->theatre.geometry_ref;
	yaml_node_t *node = gt__yr_get(r, n, "geometry");
	if (strncmp(ref, GT_BUILTIN_PREFIX, strlen(GT_BUILTIN_PREFIX)) == 0) {
		if (strcmp(ref + strlen(GT_BUILTIN_PREFIX), GT_SCENARIO_DEFAULT) != 0)
			return gt__yr_fail(r, node, "theatre.geometry", GT_E_SCHEMA,
			                   "unknown built-in geometry '%s'; expected builtin:%s or a "
			                   "file path",
			                   ref, GT_SCENARIO_DEFAULT);
		return gt__geojson_load(gt__builtin_geojson, gt__builtin_geojson_len, ref, &s->theatre,
		                        r->err);
	}
	char path[4096], *text;
	size_t len;
	if ((st = read_beside(r, node, "theatre.geometry", "the geometry file", base_dir, ref, path,
	                      &text, &len)) != GT_OK)
		return st;
	st = gt__geojson_load(text, len, path, &s->theatre, r->err);
	free(text);
	return st;
}

enum gt_status gt_scenario_load_text(const char *yaml, size_t len, const char *name,
                                     const char *base_dir, struct gt_scenario **out,
                                     struct gt_err *err)
{
	static const char *const keys[] = {"scenario", "theatre",   "sectors",  "doctrine",
	                                   "options",  "coalition", "forcegen", "simulation",
	                                   "monitoring", NULL};
	struct yr r;
	yaml_node_t *n;
	*out = NULL;
	gt_err_clear(err);
	struct gt_scenario *s = calloc(1, sizeof(*s));
	if (!s)
		return gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
	enum gt_status st = gt__yr_open(&r, yaml, len, name, err);
	if (st != GT_OK)
		goto out_fail;
	s->file = strdup(name);
	yaml_node_t *root = gt__yr_root(&r);
	if (!s->file) {
		st = GT_E_NOMEM;
		goto out_fail;
	}
	if ((st = gt__yr_expect_map(&r, root, "")) != GT_OK ||
	    (st = gt__yr_check_keys(&r, root, "", keys)) != GT_OK)
		goto out_fail;
	/* Order matters: the theatre's line is needed by sectors, the
	 * coalition by options' lead nations, the sectors by options. */
	if ((st = gt__yr_need(&r, root, "", "scenario", &n)) != GT_OK ||
	    (st = read_meta(&r, n, s)) != GT_OK ||
	    (st = gt__yr_need(&r, root, "", "theatre", &n)) != GT_OK ||
	    (st = read_theatre(&r, n, base_dir, s)) != GT_OK ||
	    (st = gt__yr_need(&r, root, "", "sectors", &n)) != GT_OK ||
	    (st = gt__read_sectors(&r, n, s)) != GT_OK ||
	    (st = gt__yr_need(&r, root, "", "doctrine", &n)) != GT_OK ||
	    (st = gt__read_doctrine(&r, n, &s->doctrine)) != GT_OK)
		goto out_fail;
	if ((n = gt__yr_get(&r, root, "coalition")) && (st = gt__read_coalition(&r, n, s)) != GT_OK)
		goto out_fail;
	if ((st = gt__yr_need(&r, root, "", "options", &n)) != GT_OK ||
	    (st = gt__read_options(&r, n, s)) != GT_OK)
		goto out_fail;
	/* after the sectors and places that caveats name */
	if ((n = gt__yr_get(&r, root, "coalition")) && (st = gt__check_caveats(&r, n, s)) != GT_OK)
		goto out_fail;
	if ((n = gt__yr_get(&r, root, "forcegen")) && (st = gt__read_forcegen(&r, n, s)) != GT_OK)
		goto out_fail;
	if ((n = gt__yr_get(&r, root, "simulation")) &&
	    (st = gt__read_simulation(&r, n, s)) != GT_OK)
		goto out_fail;
	/* after the coalition that voters are members of */
	if ((n = gt__yr_get(&r, root, "monitoring")) &&
	    (st = gt__read_monitoring(&r, n, s)) != GT_OK)
		goto out_fail;
	gt__yr_close(&r);
	*out = s;
	return GT_OK;
out_fail:
	if (st == GT_E_NOMEM && err && err->status == GT_OK)
		gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
	gt__yr_close(&r);
	gt_scenario_free(s);
	return st;
}

enum gt_status gt_scenario_load_file(const char *path, struct gt_scenario **out,
                                     struct gt_err *err)
{
	char *text;
	size_t len;
	*out = NULL;
	gt_err_clear(err);
	enum gt_status st = gt__read_file(path, &text, &len, err);
	if (st != GT_OK)
		return st;
	char dir[4096];
	if (strlen(path) >= sizeof(dir))
		return gt_err_set(err, GT_E_IO, NULL, 0, 0, NULL, "the scenario path is longer than %zu bytes",
		                  sizeof(dir) - 1);
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		dir[0] = '\0';
	st = gt_scenario_load_text(text, len, path, slash ? (dir[0] ? dir : "/") : NULL, out, err);
	free(text);
	return st;
}

enum gt_status gt_scenario_load_builtin(struct gt_scenario **out, struct gt_err *err)
{
	return gt_scenario_load_text(gt__builtin_yaml, gt__builtin_yaml_len,
	                             GT_BUILTIN_PREFIX GT_SCENARIO_DEFAULT, NULL, out, err);
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

void gt__theatre_fini(struct gt_theatre *th)
{
	free(th->geometry_ref);
	free(th->aircraft_file);
	gt_aircraft_free(th->aircraft);
	for (size_t i = 0; i < th->nlines; i++) {
		struct gt_line *ln = &th->lines[i];
		free(ln->name);
		free(ln->as_of);
		free(ln->reported_as);
		free_strv(ln->places, ln->places ? ln->path.n : 0);
		gt_geo_linestring_fini(&ln->path);
		free(ln->vertex_km);
	}
	free(th->lines);
	gt_geo_multipolygon_fini(&th->outline);
	for (size_t i = 0; i < th->nplaces; i++)
		free(th->places[i].name);
	free(th->places);
	for (size_t i = 0; i < th->nneighbours; i++) {
		free(th->neighbours[i].name);
		gt_geo_multipolygon_fini(&th->neighbours[i].shape);
	}
	free(th->neighbours);
	gt_geo_multipolygon_fini(&th->occupied_given);
	gt_geo_multipolygon_fini(&th->held);
	gt_geo_multipolygon_fini(&th->occupied);
	free(th->held_label);
	free(th->occupied_source);
}

void gt_scenario_free(struct gt_scenario *s)
{
	if (!s)
		return;
	free(s->name);
	free(s->title);
	free(s->description);
	free(s->file);
	gt__theatre_fini(&s->theatre);
	for (size_t i = 0; i < s->nsectors; i++)
		free(s->sectors[i].name);
	free(s->sectors);
	for (size_t i = 0; i < s->noptions; i++) {
		struct gt_option *o = &s->options[i];
		free(o->name);
		free(o->title);
		free(o->summary);
		free(o->fighter);
		free(o->aew);
		free(o->tanker);
		free_strv(o->lead, o->nlead);
		free(o->sectors);
		for (size_t g = 0; g < o->ngarrisons; g++)
			free(o->garrisons[g].place);
		free(o->garrisons);
		for (int k = 0; o->stations && k < o->patrol_stations; k++)
			free(o->stations[k].name);
		for (int k = 0; o->orbits && k < o->aew_orbits; k++)
			free(o->orbits[k].name);
		free(o->stations);
		free(o->orbits);
		free_strv(o->backstop_elements, o->nbackstop_elements);
	}
	free(s->options);
	for (size_t i = 0; i < s->nmembers; i++) {
		struct gt_member *m = &s->members[i];
		free(m->name);
		free(m->source);
		free(m->basis);
		free_strv(m->caveats.only_in, m->caveats.nonly_in);
		free_strv(m->caveats.only_under, m->caveats.nonly_under);
	}
	free(s->members);
	gt__monitoring_fini(&s->monitoring);
	free(s);
}
