/* jsonpos.h: finds the line and column of a value in JSON text, given its
 * path. jansson, which parses the geometry, keeps no positions once it has
 * parsed; this small scanner walks the (already validated) text again so
 * that errors about a feature can name its line and column. Private to
 * src/scenario. */
#ifndef GT_SCENARIO_JSONPOS_H
#define GT_SCENARIO_JSONPOS_H

#include <stdbool.h>
#include <stddef.h>

/* path is a field path such as "features[3].geometry.coordinates[12]"; the
 * longest prefix of it that exists in text is located. Returns false when
 * not even the first component is found. line and column are 1-based. */
bool gt__json_locate(const char *text, size_t len, const char *path, int *line, int *column);

#endif
