/* render_json.h: private JSON builders shared between the renderers that
 * call jansson (json.c, forcegen.c, air.c). */
#ifndef GT_RENDER_JSON_H
#define GT_RENDER_JSON_H

#include "guarantor/render.h"

#include <jansson.h>

/* Serialises root (taking its reference) with two-space indentation, keys
 * in insertion order and a trailing newline. OUT: *out. */
enum gt_status gt__render_json_dump(json_t *root, char **out);

/* The "options" arrays of the force-generation and air JSON. */
json_t *gt__render_forcegen_json(const struct gt_forcegen *const *fgs, size_t n);
json_t *gt__render_air_json(const struct gt_air_result *r, size_t n);

#endif
