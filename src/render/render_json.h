/* render_json.h: private JSON builders shared between the renderers that
 * call jansson (json.c, forcegen.c, air.c). */
#ifndef GT_RENDER_JSON_H
#define GT_RENDER_JSON_H

#include "guarantor/render.h"

#include <jansson.h>
#include <stdbool.h>

/* A document being built, and whether any allocation failed: jansson
 * returns NULL for a value it cannot allocate and -1 for a member it cannot
 * add, and either would otherwise leave a silently incomplete document. */
struct gt__jb {
	bool failed;
};

/* Adds v to obj under key (v may be NULL: that counts as a failure). */
void gt__jput(struct gt__jb *jb, json_t *obj, const char *key, json_t *v);
/* Appends v to arr, the same way. */
void gt__jappend(struct gt__jb *jb, json_t *arr, json_t *v);

/* Serialises root (taking its reference) with two-space indentation, keys
 * in insertion order and a trailing newline; GT_E_NOMEM, and nothing, when
 * building it failed. OUT: *out. */
enum gt_status gt__render_json_dump(struct gt__jb *jb, json_t *root, char **out);

/* gt__render_json_dump, then writes the text to out. */
enum gt_status gt__render_json_print(struct gt__jb *jb, json_t *root, FILE *out);

/* GeoJSON (geojson.c, RFC 7946): a position rounded to 6 decimals; a
 * LineString, a Point; a MultiPolygon with outer rings counter-clockwise
 * and holes clockwise, whichever way mp runs them; a Feature of geometry
 * and props (both taken). */
json_t *gt__geojson_position(struct gt__jb *jb, struct gt_point p);
json_t *gt__geojson_line(struct gt__jb *jb, const struct gt_linestring *l);
json_t *gt__geojson_point(struct gt__jb *jb, struct gt_point p);
json_t *gt__geojson_multipolygon(struct gt__jb *jb, const struct gt_multipolygon *mp);
json_t *gt__geojson_feature(struct gt__jb *jb, json_t *geometry, json_t *props);
/* gt__render_json_dump's compact form, for GeoJSON: one line. */
enum gt_status gt__render_geojson_dump(struct gt__jb *jb, json_t *root, char **out);

/* The "options" arrays of the force-generation and air JSON. */
json_t *gt__render_forcegen_json(struct gt__jb *jb, const struct gt_forcegen *const *fgs,
                                 size_t n);
json_t *gt__render_air_json(struct gt__jb *jb, const struct gt_air_result *r, size_t n);
/* Adds the simulation's "years", "seed" and "options" to o. */
void gt__render_sim_fill(struct gt__jb *jb, json_t *o, const struct gt_sim_results *r);

#endif
