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
                                         "reported_km", "reported_as", NULL};

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
			            "range_km, reported_km or reported_as",
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

static enum gt_status read_line(struct gj *g, const json_t *feat, const char *path,
                                struct gt_theatre *th)
{
	char sub[256];
	const json_t *geom = json_object_get(feat, "geometry");
	const json_t *props = json_object_get(feat, "properties");
	const char *type = json_string_value(json_object_get(geom, "type"));
	snprintf(sub, sizeof(sub), "%s.geometry.type", path);
	if (!type || strcmp(type, "LineString") != 0)
		return fail(g, sub, GT_E_SCHEMA, "the line of contact must be a LineString, got '%s'",
		            type ? type : "?");
	snprintf(sub, sizeof(sub), "%s.geometry.coordinates", path);
	enum gt_status st = read_positions(g, json_object_get(geom, "coordinates"), sub, 2,
	                                   "the line of contact", &th->line);
	if (st != GT_OK)
		return st;
	snprintf(sub, sizeof(sub), "%s.properties", path);
	if ((st = read_string_prop(g, props, sub, "name", true, &th->line_label)) != GT_OK ||
	    (st = read_string_prop(g, props, sub, "as_of", false, &th->line_as_of)) != GT_OK)
		return st;
	th->line_approximate = json_is_true(json_object_get(props, "approximate"));
	/* the length others report, and how they measure it, for the brief */
	const json_t *rep = json_object_get(props, "reported_km");
	if (rep) {
		snprintf(sub, sizeof(sub), "%s.properties.reported_km", path);
		if (!json_is_number(rep) || !(json_number_value(rep) > 0))
			return fail(g, sub, GT_E_SCHEMA, "expected a length in km above 0, got %s",
			            type_name(rep));
		th->line_reported_km = json_number_value(rep);
		snprintf(sub, sizeof(sub), "%s.properties", path);
		if ((st = read_string_prop(g, props, sub, "reported_as", true,
		                           &th->line_reported_as)) != GT_OK)
			return st;
	}
	const json_t *places = json_object_get(props, "places");
	if (places) {
		snprintf(sub, sizeof(sub), "%s.properties.places", path);
		if (!json_is_array(places) || json_array_size(places) != th->line.n)
			return fail(g, sub, GT_E_SCHEMA,
			            "expected an array of %zu names, one per vertex of the line, got %s "
			            "of %zu",
			            th->line.n, type_name(places),
			            json_is_array(places) ? json_array_size(places) : 0);
		th->line_places = calloc(th->line.n, sizeof(*th->line_places));
		if (!th->line_places)
			return GT_E_NOMEM;
		for (size_t i = 0; i < th->line.n; i++) {
			const json_t *p = json_array_get(places, i);
			if (!json_is_string(p))
				return fail(g, sub, GT_E_SCHEMA, "entry %zu is %s; expected a name or \"\"",
				            i, type_name(p));
			th->line_places[i] = strdup(json_string_value(p));
			if (!th->line_places[i])
				return GT_E_NOMEM;
			for (size_t j = 0; th->line_places[i][0] && j < i; j++)
				if (strcmp(th->line_places[j], th->line_places[i]) == 0)
					return fail(g, sub,
					            GT_E_SCHEMA, "entries %zu and %zu are both '%s'; "
					            "vertex names must be unique (use \"\" for unnamed vertices)",
					            j, i, th->line_places[i]);
		}
	}
	return GT_OK;
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

static enum gt_status check_placement(struct gj *g, struct gt_theatre *th, size_t line_feature)
{
	struct gt_geo_region *region = NULL;
	enum gt_status st = gt_geo_region_new(&th->outline, &region);
	if (st != GT_OK)
		return fail(g, NULL, GT_E_GEOMETRY, "the outline cannot be used as a region");
	char sub[256];
	for (size_t i = 0; i < th->line.n && st == GT_OK; i++) {
		struct gt_point p = th->line.pts[i];
		double km = gt_geo_region_distance_km(region, p);
		if (km <= GT_LINE_OUTSIDE_TOLERANCE_KM)
			continue;
		snprintf(sub, sizeof(sub), "features[%zu].geometry.coordinates[%zu]", line_feature,
		         i);
		st = fail(g, sub, GT_E_GEOMETRY,
		          "line of contact vertex [%.4f, %.4f] lies %.0f km outside the defended "
		          "country's outline; expected every vertex inside it%s",
		          p.lon, p.lat, km,
		          swapped_fits(region, p, GT_LINE_OUTSIDE_TOLERANCE_KM)
		                  ? " (swapped it would fit: GeoJSON positions are [longitude, "
		                    "latitude], not [latitude, longitude])"
		                  : "");
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
	bool have_outline = false, have_line = false;
	char outline_path[64] = "";
	size_t line_feature = 0;
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
			if (have_line) {
				st = fail(&g, path, GT_E_SCHEMA,
				          "a second line of contact; expected exactly one");
				break;
			}
			have_line = true;
			line_feature = i;
			st = read_line(&g, f, path, th);
		} else {
			st = read_place(&g, f, path, i, k, th);
		}
	}
	if (st == GT_OK && !have_outline)
		st = fail(&g, "features", GT_E_GEOMETRY,
		          "no feature of kind \"outline\"; expected the defended country's polygon");
	if (st == GT_OK && !have_line)
		st = fail(&g, "features", GT_E_GEOMETRY,
		          "no feature of kind \"line_of_contact\"; expected a LineString");
	if (st != GT_OK)
		goto out_root;
	char reason[300];
	if (gt_geo_multipolygon_check(&th->outline, reason, sizeof(reason)) != GT_OK) {
		st = fail(&g, outline_path, GT_E_GEOMETRY, "the outline is not a valid polygon: %s",
		          reason);
		goto out_root;
	}
	size_t bad = 0, last = th->line.n - 1;
	if (th->line.pts[0].lon == th->line.pts[last].lon &&
	    th->line.pts[0].lat == th->line.pts[last].lat) {
		char sub[128];
		snprintf(sub, sizeof(sub), "features[%zu].geometry.coordinates[%zu]", line_feature,
		         last);
		st = fail(&g, sub, GT_E_GEOMETRY,
		          "the line of contact ends where it starts; expected an open line, not a "
		          "loop");
		goto out_root;
	}
	if (!gt_geo_line_is_simple(&th->line, &bad)) {
		char sub[128];
		snprintf(sub, sizeof(sub), "features[%zu].geometry.coordinates[%zu]", line_feature,
		         bad);
		const char *place = th->line_places && th->line_places[bad][0]
		                            ? th->line_places[bad]
		                            : NULL;
		st = fail(&g, sub, GT_E_GEOMETRY,
		          "the line of contact crosses or touches itself at the segment ending in "
		          "vertex %zu [%.4f, %.4f]%s%s%s; expected a simple line",
		          bad, th->line.pts[bad].lon, th->line.pts[bad].lat, place ? " (" : "",
		          place ? place : "", place ? ")" : "");
		goto out_root;
	}
	th->vertex_km = calloc(th->line.n, sizeof(*th->vertex_km));
	if (!th->vertex_km) {
		st = GT_E_NOMEM;
		goto out_root;
	}
	for (size_t i = 1; i < th->line.n; i++)
		th->vertex_km[i] = th->vertex_km[i - 1] +
		                   gt_geo_distance_km(th->line.pts[i - 1], th->line.pts[i]);
	th->line_km = th->vertex_km[th->line.n - 1];
	if (th->line_km < GT_LINE_MIN_KM) {
		char sub[128];
		snprintf(sub, sizeof(sub), "features[%zu].geometry.coordinates", line_feature);
		st = fail(&g, sub, GT_E_GEOMETRY,
		          "the line of contact is %.3f km long; expected at least %.0f km",
		          th->line_km, GT_LINE_MIN_KM);
		goto out_root;
	}
	st = check_placement(&g, th, line_feature);
out_root:
	free(g.place_feature);
	json_decref(root);
	return st;
}
