/* geojson.c: reads and checks the theatre geometry (outline, line of
 * contact, places) from a GeoJSON FeatureCollection. The only file that
 * calls jansson for scenarios. */
#include "jsonpos.h"
#include "scenario_priv.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Points farther than this from the defended country are taken to be
 * mistakes (most often [lat, lon] written for [lon, lat]). */
#define GT_THEATRE_RADIUS_KM 1500.0
/* A line vertex may sit this far outside the outline (the outline is a
 * generalised Natural Earth border; the line ends at the border). */
#define GT_LINE_OUTSIDE_TOLERANCE_KM 10.0
/* Shorter lines are mistakes (a repeated point, a line typed in km). */
#define GT_LINE_MIN_KM 1.0

struct gj {
	const char *text; /* the whole file, to locate errors in */
	size_t len;
	const char *file;
	struct gt_err *err;
	size_t *place_feature; /* feature index of each place, for error paths */
};

static enum gt_status fail(struct gj *g, const char *path, enum gt_status st, const char *fmt,
                           ...) GT_PRINTF(4, 5);
static enum gt_status fail(struct gj *g, const char *path, enum gt_status st, const char *fmt,
                           ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	int line = 0, column = 0;
	if (path && !gt__json_locate(g->text, g->len, path, &line, &column))
		line = column = 0;
	return gt_err_set(g->err, st, g->file, line, column, path, "%s", msg);
}

static const char *type_name(const json_t *v)
{
	if (!v)
		return "nothing";
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

static enum gt_status read_position(struct gj *g, const json_t *v, const char *path,
                                    struct gt_point *out)
{
	if (!json_is_array(v) || json_array_size(v) < 2 || json_array_size(v) > 3 ||
	    !json_is_number(json_array_get(v, 0)) || !json_is_number(json_array_get(v, 1)) ||
	    (json_array_size(v) == 3 && !json_is_number(json_array_get(v, 2))))
		return fail(g, path, GT_E_SCHEMA,
		            "expected a position [longitude, latitude], got %s", type_name(v));
	double lon = json_number_value(json_array_get(v, 0));
	double lat = json_number_value(json_array_get(v, 1));
	if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
		const char *hint = fabs(lat) > 90 && fabs(lon) <= 90
		                           ? "; it looks like [latitude, longitude]: GeoJSON "
		                             "positions are [longitude, latitude]"
		                           : "";
		return fail(g, path, GT_E_GEOMETRY,
		            "position [%g, %g] is off the globe; expected longitude -180..180 and "
		            "latitude -90..90%s",
		            lon, lat, hint);
	}
	*out = (struct gt_point){.lon = lon, .lat = lat};
	return GT_OK;
}

static enum gt_status read_positions(struct gj *g, const json_t *arr, const char *path,
                                     size_t min, const char *what, struct gt_linestring *out)
{
	memset(out, 0, sizeof(*out));
	if (!json_is_array(arr))
		return fail(g, path, GT_E_SCHEMA, "expected an array of positions, got %s",
		            type_name(arr));
	size_t n = json_array_size(arr);
	if (n < min)
		return fail(g, path, GT_E_GEOMETRY, "%s has %zu position%s; expected at least %zu",
		            what, n, n == 1 ? "" : "s", min);
	out->pts = calloc(n, sizeof(*out->pts));
	if (!out->pts)
		return GT_E_NOMEM;
	out->n = n;
	for (size_t i = 0; i < n; i++) {
		char sub[256];
		snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
		enum gt_status st = read_position(g, json_array_get(arr, i), sub, &out->pts[i]);
		if (st != GT_OK) {
			gt_geo_linestring_fini(out);
			return st;
		}
	}
	return GT_OK;
}

static enum gt_status read_polygon(struct gj *g, const json_t *rings, const char *path,
                                   struct gt_polygon *out)
{
	memset(out, 0, sizeof(*out));
	if (!json_is_array(rings) || json_array_size(rings) == 0)
		return fail(g, path, GT_E_GEOMETRY,
		            "expected a non-empty array of linear rings, got %s%s",
		            json_is_array(rings) ? "an empty array" : type_name(rings), "");
	size_t n = json_array_size(rings);
	out->rings = calloc(n, sizeof(*out->rings));
	if (!out->rings)
		return GT_E_NOMEM;
	for (size_t r = 0; r < n; r++) {
		char sub[256];
		snprintf(sub, sizeof(sub), "%s[%zu]", path, r);
		struct gt_linestring *ring = &out->rings[r];
		enum gt_status st = read_positions(g, json_array_get(rings, r), sub, 4,
		                                   "a linear ring", ring);
		out->nrings = r + (st == GT_OK ? 1 : 0);
		if (st != GT_OK)
			return st;
		struct gt_point a = ring->pts[0], b = ring->pts[ring->n - 1];
		if (a.lon != b.lon || a.lat != b.lat)
			return fail(g, sub, GT_E_GEOMETRY,
			            "linear ring is not closed; its last position must repeat its "
			            "first [%g, %g]",
			            a.lon, a.lat);
	}
	return GT_OK;
}

static enum gt_status read_outline(struct gj *g, const json_t *geom, const char *path,
                                   struct gt_multipolygon *out)
{
	char sub[256];
	const char *type = json_string_value(json_object_get(geom, "type"));
	const json_t *coords = json_object_get(geom, "coordinates");
	snprintf(sub, sizeof(sub), "%s.coordinates", path);
	memset(out, 0, sizeof(*out));
	if (type && strcmp(type, "Polygon") == 0) {
		out->polys = calloc(1, sizeof(*out->polys));
		if (!out->polys)
			return GT_E_NOMEM;
		out->n = 1;
		return read_polygon(g, coords, sub, &out->polys[0]);
	}
	if (type && strcmp(type, "MultiPolygon") == 0) {
		if (!json_is_array(coords) || json_array_size(coords) == 0)
			return fail(g, sub, GT_E_GEOMETRY, "the outline is empty");
		size_t n = json_array_size(coords);
		out->polys = calloc(n, sizeof(*out->polys));
		if (!out->polys)
			return GT_E_NOMEM;
		for (size_t i = 0; i < n; i++) {
			char s2[256];
			snprintf(s2, sizeof(s2), "%s[%zu]", sub, i);
			out->n = i + 1;
			enum gt_status st = read_polygon(g, json_array_get(coords, i), s2,
			                                 &out->polys[i]);
			if (st != GT_OK)
				return st;
		}
		return GT_OK;
	}
	snprintf(sub, sizeof(sub), "%s.type", path);
	return fail(g, sub, GT_E_SCHEMA,
	            "the outline must be a Polygon or MultiPolygon, got '%s'", type ? type : "?");
}

static const char *const kind_names[] = {"outline", "line_of_contact", "city",     "air_base",
                                         "port",    "radar",           "neighbour", "occupied",
                                         NULL};
enum {
	KIND_OUTLINE,
	KIND_LINE,
	KIND_CITY,
	KIND_AIR_BASE,
	KIND_PORT,
	KIND_RADAR,
	KIND_NEIGHBOUR,
	KIND_OCCUPIED
};
static const char *const prop_names[] = {"kind",        "name",     "country", "source",
                                         "population",  "icao",     "as_of",   "approximate",
                                         "places",      "note",     "height_m", "range_km",
                                         "reported_km", "reported_as", "role", NULL};

/* Unknown properties are errors; known ones must have their type. */
static enum gt_status check_props(struct gj *g, const json_t *props, const char *path)
{
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)props, key, v) {
		bool known = false;
		for (size_t i = 0; prop_names[i]; i++)
			known = known || strcmp(prop_names[i], key) == 0;
		if (!known)
			return fail(g, path, GT_E_SCHEMA,
			            "unknown property '%s'; expected kind, name, country, source, "
			            "population, icao, as_of, approximate, places, note, height_m, "
			            "range_km, reported_km, reported_as or role",
			            key);
		char sub[300];
		snprintf(sub, sizeof(sub), "%s.%s", path, key);
		if (strcmp(key, "approximate") == 0 && !json_is_boolean(v))
			return fail(g, sub, GT_E_SCHEMA, "expected true or false, got %s", type_name(v));
		bool text = strcmp(key, "population") != 0 && strcmp(key, "places") != 0 &&
		            strcmp(key, "approximate") != 0 && strcmp(key, "height_m") != 0 &&
		            strcmp(key, "range_km") != 0 && strcmp(key, "reported_km") != 0;
		if (text && !json_is_string(v))
			return fail(g, sub, GT_E_SCHEMA, "expected text, got %s", type_name(v));
	}
	return GT_OK;
}

static enum gt_status read_string_prop(struct gj *g, const json_t *props, const char *path,
                                       const char *key, bool required, char **out)
{
	const json_t *v = json_object_get(props, key);
	char sub[256];
	snprintf(sub, sizeof(sub), "%s.%s", path, key);
	if (!v) {
		if (required)
			return fail(g, path, GT_E_SCHEMA, "missing required property '%s'", key);
		return GT_OK;
	}
	if (!json_is_string(v) || json_string_length(v) == 0)
		return fail(g, sub, GT_E_SCHEMA, "expected non-empty text, got %s", type_name(v));
	free(*out);
	*out = strdup(json_string_value(v));
	return *out ? GT_OK : GT_E_NOMEM;
}

static enum gt_status read_iso2(struct gj *g, const json_t *props, const char *path,
                                char out[3])
{
	char *s = NULL;
	enum gt_status st = read_string_prop(g, props, path, "country", true, &s);
	if (st != GT_OK)
		return st;
	if (strlen(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z') {
		char sub[256];
		snprintf(sub, sizeof(sub), "%s.country", path);
		st = fail(g, sub, GT_E_SCHEMA,
		          "expected an ISO 3166-1 alpha-2 country code such as PL, got '%s'", s);
	} else {
		memcpy(out, s, 3);
	}
	free(s);
	return st;
}

/* Reads one line's vertex names: an array of one name per vertex. */
static enum gt_status read_places(struct gj *g, const json_t *places, const char *path,
                                  struct gt_line *ln)
{
	if (!json_is_array(places) || json_array_size(places) != ln->path.n)
		return fail(g, path, GT_E_SCHEMA,
		            "expected an array of %zu names, one per vertex of the line, got %s "
		            "of %zu",
		            ln->path.n, type_name(places),
		            json_is_array(places) ? json_array_size(places) : 0);
	ln->places = calloc(ln->path.n, sizeof(*ln->places));
	if (!ln->places)
		return GT_E_NOMEM;
	for (size_t i = 0; i < ln->path.n; i++) {
		const json_t *p = json_array_get(places, i);
		if (!json_is_string(p))
			return fail(g, path, GT_E_SCHEMA, "entry %zu is %s; expected a name or \"\"", i,
			            type_name(p));
		ln->places[i] = strdup(json_string_value(p));
		if (!ln->places[i])
			return GT_E_NOMEM;
		for (size_t j = 0; ln->places[i][0] && j < i; j++)
			if (strcmp(ln->places[j], ln->places[i]) == 0)
				return fail(g, path, GT_E_SCHEMA,
				            "entries %zu and %zu are both '%s'; vertex names must be unique "
				            "(use \"\" for unnamed vertices)",
				            j, i, ln->places[i]);
	}
	return GT_OK;
}

/* Adds an empty line to th; its coordinates' path for later errors goes to
 * where[th->nlines - 1]. */
static enum gt_status add_line(struct gj *g, struct gt_theatre *th, const char *path,
                               char where[][96], struct gt_line **out)
{
	if (th->nlines == GT_LINES_MAX)
		return fail(g, path, GT_E_RANGE, "more than %d lines of contact; expected at most %d",
		            GT_LINES_MAX, GT_LINES_MAX);
	struct gt_line *grown = realloc(th->lines, (th->nlines + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	th->lines = grown;
	*out = memset(&th->lines[th->nlines], 0, sizeof(**out));
	snprintf(where[th->nlines], 96, "%s", path);
	th->nlines++;
	return GT_OK;
}

/* A feature of kind line_of_contact: a LineString, one line, or a
 * MultiLineString, a line per part ("NAME, part 2"). */
static enum gt_status read_line(struct gj *g, const json_t *feat, const char *path,
                                struct gt_theatre *th, char where[][96])
{
	char sub[256], coords[160];
	const json_t *geom = json_object_get(feat, "geometry");
	const json_t *props = json_object_get(feat, "properties");
	const char *type = json_string_value(json_object_get(geom, "type"));
	bool multi = type && strcmp(type, "MultiLineString") == 0;
	snprintf(sub, sizeof(sub), "%s.geometry.type", path);
	if (!type || (!multi && strcmp(type, "LineString") != 0))
		return fail(g, sub, GT_E_SCHEMA,
		            "a line of contact must be a LineString or a MultiLineString, got '%s'",
		            type ? type : "?");
	snprintf(coords, sizeof(coords), "%s.geometry.coordinates", path);
	const json_t *parts = json_object_get(geom, "coordinates");
	if (multi && (!json_is_array(parts) || json_array_size(parts) == 0))
		return fail(g, coords, GT_E_SCHEMA,
		            "expected a non-empty array of LineString coordinate arrays, got %s",
		            json_is_array(parts) ? "an empty array" : type_name(parts));
	size_t nparts = multi ? json_array_size(parts) : 1;
	char *name = NULL, *as_of = NULL, *reported_as = NULL, *role = NULL;
	snprintf(sub, sizeof(sub), "%s.properties", path);
	enum gt_status st;
	if ((st = read_string_prop(g, props, sub, "name", true, &name)) != GT_OK ||
	    (st = read_string_prop(g, props, sub, "as_of", false, &as_of)) != GT_OK ||
	    (st = read_string_prop(g, props, sub, "role", false, &role)) != GT_OK)
		goto out;
	enum gt_line_role r = GT_LINE_FRONT;
	if (role && strcmp(role, "border") == 0) {
		r = GT_LINE_BORDER;
	} else if (role && strcmp(role, "front") != 0) {
		snprintf(sub, sizeof(sub), "%s.properties.role", path);
		st = fail(g, sub, GT_E_SCHEMA,
		          "expected front (a line of contact) or border (a border to watch), got '%s'",
		          role);
		goto out;
	}
	/* the length others report, and how they measure it, for the brief */
	double reported = 0;
	const json_t *rep = json_object_get(props, "reported_km");
	if (rep) {
		snprintf(sub, sizeof(sub), "%s.properties.reported_km", path);
		if (!json_is_number(rep) || !(json_number_value(rep) > 0)) {
			st = fail(g, sub, GT_E_SCHEMA, "expected a length in km above 0, got %s",
			          type_name(rep));
			goto out;
		}
		if (nparts > 1) {
			st = fail(g, sub, GT_E_SCHEMA,
			          "a reported length on a MultiLineString of %zu parts; give each part "
			          "as a feature of its own to set its reported length beside it",
			          nparts);
			goto out;
		}
		reported = json_number_value(rep);
		snprintf(sub, sizeof(sub), "%s.properties", path);
		if ((st = read_string_prop(g, props, sub, "reported_as", true, &reported_as)) != GT_OK)
			goto out;
	}
	const json_t *places = json_object_get(props, "places");
	if (places && multi && (!json_is_array(places) || json_array_size(places) != nparts)) {
		snprintf(sub, sizeof(sub), "%s.properties.places", path);
		st = fail(g, sub, GT_E_SCHEMA,
		          "expected an array of %zu arrays of names, one per part of the "
		          "MultiLineString, got %s of %zu",
		          nparts, type_name(places),
		          json_is_array(places) ? json_array_size(places) : 0);
		goto out;
	}
	for (size_t k = 0; k < nparts && st == GT_OK; k++) {
		char at[160], psub[200];
		if (multi)
			snprintf(at, sizeof(at), "%s[%zu]", coords, k);
		else
			snprintf(at, sizeof(at), "%s", coords);
		struct gt_line *ln = NULL;
		if ((st = add_line(g, th, at, where, &ln)) != GT_OK)
			break;
		ln->role = r;
		ln->approximate = json_is_true(json_object_get(props, "approximate"));
		ln->reported_km = reported;
		char label[400];
		if (nparts > 1)
			snprintf(label, sizeof(label), "%s, part %zu", name, k + 1);
		else
			snprintf(label, sizeof(label), "%s", name);
		ln->name = strdup(label);
		ln->as_of = as_of ? strdup(as_of) : NULL;
		ln->reported_as = reported_as ? strdup(reported_as) : NULL;
		if (!ln->name || (as_of && !ln->as_of) || (reported_as && !ln->reported_as)) {
			st = GT_E_NOMEM;
			break;
		}
		st = read_positions(g, multi ? json_array_get(parts, k) : parts, at, 2,
		                    "the line of contact", &ln->path);
		if (st == GT_OK && places) {
			if (multi)
				snprintf(psub, sizeof(psub), "%s.properties.places[%zu]", path, k);
			else
				snprintf(psub, sizeof(psub), "%s.properties.places", path);
			st = read_places(g, multi ? json_array_get(places, k) : places, psub, ln);
		}
	}
out:
	free(name);
	free(as_of);
	free(reported_as);
	free(role);
	return st;
}

/* A radar's required number, in [lo, hi]. */
static enum gt_status read_radar_number(struct gj *g, const json_t *props, const char *path,
                                        const char *key, double lo, double hi, double *out)
{
	const json_t *v = json_object_get(props, key);
	char sub[300];
	snprintf(sub, sizeof(sub), "%s.%s", path, key);
	if (!v)
		return fail(g, path, GT_E_SCHEMA, "a radar needs '%s' (%s)", key,
		            strcmp(key, "height_m") == 0 ? "antenna height above ground, metres"
		                                         : "instrumented range, km");
	if (!json_is_number(v))
		return fail(g, sub, GT_E_SCHEMA, "expected a number, got %s", type_name(v));
	double x = json_number_value(v);
	if (!(x >= lo && x <= hi))
		return fail(g, sub, GT_E_RANGE, "%g is out of range; expected %g to %g", x, lo, hi);
	*out = x;
	return GT_OK;
}

static enum gt_status read_place(struct gj *g, const json_t *feat, const char *path,
                                 size_t feature, int kind, struct gt_theatre *th)
{
	char sub[256];
	const json_t *geom = json_object_get(feat, "geometry");
	const json_t *props = json_object_get(feat, "properties");
	const char *type = json_string_value(json_object_get(geom, "type"));
	snprintf(sub, sizeof(sub), "%s.geometry.type", path);
	if (!type || strcmp(type, "Point") != 0)
		return fail(g, sub, GT_E_SCHEMA, "a %s must be a Point, got '%s'", kind_names[kind],
		            type ? type : "?");
	struct gt_place *grown = realloc(th->places, (th->nplaces + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	th->places = grown;
	size_t *idx = realloc(g->place_feature, (th->nplaces + 1) * sizeof(*idx));
	if (!idx)
		return GT_E_NOMEM;
	g->place_feature = idx;
	g->place_feature[th->nplaces] = feature;
	struct gt_place *pl = &th->places[th->nplaces++];
	memset(pl, 0, sizeof(*pl));
	pl->kind = (enum gt_place_kind)(kind - KIND_CITY);
	snprintf(sub, sizeof(sub), "%s.geometry.coordinates", path);
	enum gt_status st = read_position(g, json_object_get(geom, "coordinates"), sub, &pl->at);
	if (st != GT_OK)
		return st;
	snprintf(sub, sizeof(sub), "%s.properties", path);
	if ((st = read_string_prop(g, props, sub, "name", true, &pl->name)) != GT_OK ||
	    (st = read_iso2(g, props, sub, pl->country)) != GT_OK)
		return st;
	const json_t *pop = json_object_get(props, "population");
	if (pop) {
		char psub[300];
		snprintf(psub, sizeof(psub), "%s.population", sub);
		if (json_is_real(pop))
			return fail(g, psub, GT_E_SCHEMA,
			            "%.15g is not a whole number; expected a count of people",
			            json_real_value(pop));
		if (!json_is_integer(pop) || json_integer_value(pop) < 0)
			return fail(g, psub, GT_E_SCHEMA,
			            "expected a whole number of people, 0 or more, got %s",
			            json_is_integer(pop) ? "a negative number" : type_name(pop));
		pl->population = (long)json_integer_value(pop);
	}
	if (kind == KIND_RADAR &&
	    ((st = read_radar_number(g, props, sub, "height_m", 0, 5000, &pl->height_m)) != GT_OK ||
	     (st = read_radar_number(g, props, sub, "range_km", 1, 1000, &pl->range_km)) != GT_OK))
		return st;
	for (size_t i = 0; i + 1 < th->nplaces; i++) {
		if (th->places[i].kind == pl->kind && strcmp(th->places[i].name, pl->name) == 0) {
			char nsub[300];
			snprintf(nsub, sizeof(nsub), "%s.name", sub);
			return fail(g, nsub, GT_E_SCHEMA,
			            "'%s' is already the name of features[%zu]; names must be unique "
			            "among places of kind %s",
			            pl->name, g->place_feature[i], kind_names[kind]);
		}
	}
	return GT_OK;
}

/* Neighbours are context for maps: their rings are checked for shape
 * (closed, four or more positions) but not for validity, so an outline
 * clipped to a map frame may touch itself along the frame. */
static enum gt_status read_neighbour(struct gj *g, const json_t *feat, const char *path,
                                     struct gt_theatre *th)
{
	char sub[256];
	struct gt_neighbour *grown =
		realloc(th->neighbours, (th->nneighbours + 1) * sizeof(*grown));
	if (!grown)
		return GT_E_NOMEM;
	th->neighbours = grown;
	struct gt_neighbour *nb = &th->neighbours[th->nneighbours++];
	memset(nb, 0, sizeof(*nb));
	snprintf(sub, sizeof(sub), "%s.geometry", path);
	enum gt_status st = read_outline(g, json_object_get(feat, "geometry"), sub, &nb->shape);
	snprintf(sub, sizeof(sub), "%s.properties", path);
	const json_t *props = json_object_get(feat, "properties");
	if (st == GT_OK)
		st = read_string_prop(g, props, sub, "name", true, &nb->name);
	if (st == GT_OK)
		st = read_iso2(g, props, sub, nb->country);
	return st;
}

/* An area the adversary holds inside the outline, with its source: its
 * polygons join th->occupied_given, its source th->occupied_source. */
static enum gt_status read_occupied(struct gj *g, const json_t *feat, const char *path,
                                    struct gt_theatre *th)
{
	char sub[256];
	struct gt_multipolygon shape = {0};
	snprintf(sub, sizeof(sub), "%s.geometry", path);
	enum gt_status st = read_outline(g, json_object_get(feat, "geometry"), sub, &shape);
	char *source = NULL;
	snprintf(sub, sizeof(sub), "%s.properties", path);
	if (st == GT_OK)
		st = read_string_prop(g, json_object_get(feat, "properties"), sub, "source", true,
		                      &source);
	struct gt_multipolygon *to = &th->occupied_given;
	struct gt_polygon *grown =
		st == GT_OK ? realloc(to->polys, (to->n + shape.n) * sizeof(*grown)) : NULL;
	if (st == GT_OK && !grown)
		st = GT_E_NOMEM;
	if (st == GT_OK) {
		to->polys = grown;
		memcpy(to->polys + to->n, shape.polys, shape.n * sizeof(*shape.polys));
		to->n += shape.n;
		free(shape.polys); /* the rings moved to th */
		shape = (struct gt_multipolygon){0};
		size_t had = th->occupied_source ? strlen(th->occupied_source) : 0;
		size_t size = had + strlen(source) + 3;
		char *joined = realloc(th->occupied_source, size);
		if (!joined) {
			st = GT_E_NOMEM;
		} else {
			snprintf(joined + had, size - had, "%s%s", had ? "; " : "", source);
			th->occupied_source = joined;
		}
	}
	free(source);
	gt_geo_multipolygon_fini(&shape);
	return st;
}

/* Is p plausibly a swapped [lat, lon]? True when the swapped point lies in
 * or near the outline. */
static bool swapped_fits(const struct gt_geo_region *region, struct gt_point p,
                         double tolerance_km)
{
	struct gt_point q = {.lon = p.lat, .lat = p.lon};
	return gt_geo_region_distance_km(region, q) <= tolerance_km;
}

static enum gt_status check_placement(struct gj *g, struct gt_theatre *th, char where[][96])
{
	struct gt_geo_region *region = NULL;
	enum gt_status st = gt_geo_region_new(&th->outline, &region);
	if (st != GT_OK)
		return fail(g, NULL, GT_E_GEOMETRY, "the outline cannot be used as a region");
	char sub[256];
	for (size_t l = 0; l < th->nlines && st == GT_OK; l++) {
		const struct gt_line *ln = &th->lines[l];
		for (size_t i = 0; i < ln->path.n && st == GT_OK; i++) {
			struct gt_point p = ln->path.pts[i];
			double km = gt_geo_region_distance_km(region, p);
			if (km <= GT_LINE_OUTSIDE_TOLERANCE_KM)
				continue;
			snprintf(sub, sizeof(sub), "%s[%zu]", where[l], i);
			char words[300];
			if (th->nlines == 1)
				snprintf(words, sizeof(words), "line of contact");
			else
				snprintf(words, sizeof(words), "line '%s'", ln->name);
			st = fail(g, sub, GT_E_GEOMETRY,
			          "%s vertex [%.4f, %.4f] lies %.0f km outside the defended "
			          "country's outline; expected every vertex inside it%s",
			          words, p.lon, p.lat, km,
			          swapped_fits(region, p, GT_LINE_OUTSIDE_TOLERANCE_KM)
			                  ? " (swapped it would fit: GeoJSON positions are [longitude, "
			                    "latitude], not [latitude, longitude])"
			                  : "");
		}
	}
	for (size_t i = 0; i < th->nplaces && st == GT_OK; i++) {
		const struct gt_place *pl = &th->places[i];
		snprintf(sub, sizeof(sub), "features[%zu].geometry.coordinates",
		         g->place_feature[i]);
		double km = gt_geo_region_distance_km(region, pl->at);
		bool own = strcmp(pl->country, th->defended) == 0;
		const char *hint = swapped_fits(region, pl->at,
		                                own ? GT_LINE_OUTSIDE_TOLERANCE_KM : GT_THEATRE_RADIUS_KM)
		                           ? " (swapped it would fit: GeoJSON positions are "
		                             "[longitude, latitude])"
		                           : "";
		if (own && pl->kind == GT_PLACE_CITY && km > GT_LINE_OUTSIDE_TOLERANCE_KM)
			st = fail(g, sub, GT_E_GEOMETRY,
			          "city '%s' of %s at [%.4f, %.4f] lies %.0f km outside its outline%s",
			          pl->name, pl->country, pl->at.lon, pl->at.lat, km, hint);
		else if (km > GT_THEATRE_RADIUS_KM)
			st = fail(g, sub, GT_E_GEOMETRY,
			          "%s '%s' at [%.4f, %.4f] lies %.0f km from the defended country; "
			          "expected a place within %.0f km%s",
			          gt_place_kind_name(pl->kind), pl->name, pl->at.lon, pl->at.lat, km,
			          GT_THEATRE_RADIUS_KM, hint);
	}
	gt_geo_region_free(region);
	return st;
}

/* One line's shape and length, and that no earlier line has its name. */
static enum gt_status check_line(struct gj *g, struct gt_theatre *th, size_t l,
                                 const char *where)
{
	struct gt_line *ln = &th->lines[l];
	char sub[160], words[300];
	const char *called = gt__line_words(th, ln, words, sizeof(words));
	for (size_t j = 0; j < l; j++)
		if (strcmp(th->lines[j].name, ln->name) == 0)
			return fail(g, where, GT_E_SCHEMA,
			            "a second line named '%s'; expected every line's name to be unique "
			            "(sectors and options refer to lines by name)",
			            ln->name);
	size_t bad = 0, last = ln->path.n - 1;
	if (ln->path.pts[0].lon == ln->path.pts[last].lon &&
	    ln->path.pts[0].lat == ln->path.pts[last].lat) {
		snprintf(sub, sizeof(sub), "%s[%zu]", where, last);
		return fail(g, sub, GT_E_GEOMETRY,
		            "%s ends where it starts; expected an open line, not a loop", called);
	}
	if (!gt_geo_line_is_simple(&ln->path, &bad)) {
		snprintf(sub, sizeof(sub), "%s[%zu]", where, bad);
		const char *place = ln->places && ln->places[bad][0] ? ln->places[bad] : NULL;
		return fail(g, sub, GT_E_GEOMETRY,
		            "%s crosses or touches itself at the segment ending in vertex %zu "
		            "[%.4f, %.4f]%s%s%s; expected a simple line",
		            called, bad, ln->path.pts[bad].lon, ln->path.pts[bad].lat,
		            place ? " (" : "", place ? place : "", place ? ")" : "");
	}
	ln->vertex_km = calloc(ln->path.n, sizeof(*ln->vertex_km));
	if (!ln->vertex_km)
		return GT_E_NOMEM;
	for (size_t i = 1; i < ln->path.n; i++)
		ln->vertex_km[i] = ln->vertex_km[i - 1] +
		                   gt_geo_distance_km(ln->path.pts[i - 1], ln->path.pts[i]);
	ln->km = ln->vertex_km[ln->path.n - 1];
	if (ln->km < GT_LINE_MIN_KM)
		return fail(g, where, GT_E_GEOMETRY, "%s is %.3f km long; expected at least %.0f km",
		            called, ln->km, GT_LINE_MIN_KM);
	th->lines_km += ln->km;
	return GT_OK;
}

enum gt_status gt__geojson_load(const char *text, size_t len, const char *file,
                                struct gt_theatre *th, struct gt_err *err)
{
	struct gj g = {.text = text, .len = len, .file = file, .err = err};
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return gt_err_set(err, GT_E_SYNTAX, file, jerr.line, jerr.column, NULL,
		                  "not valid JSON: %s", jerr.text);
	enum gt_status st = GT_OK;
	const char *type = json_string_value(json_object_get(root, "type"));
	const json_t *features = json_object_get(root, "features");
	if (!type || strcmp(type, "FeatureCollection") != 0 || !json_is_array(features)) {
		st = fail(&g, "type", GT_E_SCHEMA,
		          "expected a GeoJSON FeatureCollection with a \"features\" array");
		goto out_root;
	}
	bool have_outline = false;
	char outline_path[64] = "";
	char where[GT_LINES_MAX][96]; /* each line's coordinates, for errors */
	for (size_t i = 0; i < json_array_size(features) && st == GT_OK; i++) {
		char path[64], sub[128];
		snprintf(path, sizeof(path), "features[%zu]", i);
		const json_t *f = json_array_get(features, i);
		const json_t *props = json_object_get(f, "properties");
		const json_t *geom = json_object_get(f, "geometry");
		const char *ftype = json_string_value(json_object_get(f, "type"));
		if (!json_is_object(f) || !ftype || strcmp(ftype, "Feature") != 0 ||
		    !json_is_object(props) || !json_is_object(geom)) {
			st = fail(&g, path, GT_E_SCHEMA,
			          "expected a Feature (\"type\": \"Feature\") with \"properties\" and "
			          "\"geometry\" objects");
			break;
		}
		snprintf(sub, sizeof(sub), "%s.properties", path);
		if ((st = check_props(&g, props, sub)) != GT_OK)
			break;
		const char *kind = json_string_value(json_object_get(props, "kind"));
		int k = -1;
		for (int j = 0; kind && kind_names[j]; j++)
			if (strcmp(kind, kind_names[j]) == 0)
				k = j;
		if (k < 0) {
			snprintf(sub, sizeof(sub), "%s.properties.kind", path);
			st = fail(&g, sub, GT_E_SCHEMA,
			          "expected a kind (one of: outline, line_of_contact, city, air_base, "
			          "port, radar, neighbour, occupied), got %s",
			          kind ? kind : "nothing");
		} else if (k == KIND_NEIGHBOUR) {
			st = read_neighbour(&g, f, path, th);
		} else if (k == KIND_OCCUPIED) {
			st = read_occupied(&g, f, path, th);
		} else if (k == KIND_OUTLINE) {
			if (have_outline) {
				st = fail(&g, path, GT_E_SCHEMA, "a second outline; expected exactly one");
				break;
			}
			have_outline = true;
			snprintf(outline_path, sizeof(outline_path), "features[%zu].geometry", i);
			snprintf(sub, sizeof(sub), "%s.geometry", path);
			st = read_outline(&g, geom, sub, &th->outline);
			if (st == GT_OK) {
				snprintf(sub, sizeof(sub), "%s.properties", path);
				st = read_iso2(&g, props, sub, th->defended);
			}
		} else if (k == KIND_LINE) {
			st = read_line(&g, f, path, th, where);
		} else {
			st = read_place(&g, f, path, i, k, th);
		}
	}
	if (st == GT_OK && !have_outline)
		st = fail(&g, "features", GT_E_GEOMETRY,
		          "no feature of kind \"outline\"; expected the defended country's polygon");
	if (st == GT_OK && th->nlines == 0)
		st = fail(&g, "features", GT_E_GEOMETRY,
		          "no feature of kind \"line_of_contact\"; expected a LineString or "
		          "MultiLineString");
	if (st != GT_OK)
		goto out_root;
	char reason[300];
	if (gt_geo_multipolygon_check(&th->outline, reason, sizeof(reason)) != GT_OK) {
		st = fail(&g, outline_path, GT_E_GEOMETRY, "the outline is not a valid polygon: %s",
		          reason);
		goto out_root;
	}
	for (size_t l = 0; l < th->nlines && st == GT_OK; l++)
		st = check_line(&g, th, l, where[l]);
	if (st == GT_OK)
		st = check_placement(&g, th, where);
out_root:
	free(g.place_feature);
	json_decref(root);
	return st;
}
