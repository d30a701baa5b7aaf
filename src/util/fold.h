/* fold.h: names compared as people type them (private). */
#ifndef GT_UTIL_FOLD_H
#define GT_UTIL_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Writes s folded into out (at most size bytes with the NUL): ASCII
 * letters in lower case, and the accented Latin letters of U+00C0-U+017F
 * as their base letter ("Rzeszów" -> "rzeszow", "Fetești" -> "fetesti").
 * Other characters are kept as they are. Returns out. */
char *gt__fold(const char *s, char *out, size_t size);

/* The edit distance (Levenshtein, by bytes) between a and b, or with
 * prefix between a and the beginning of b nearest it; each at most 255
 * bytes counted (longer ones are cut there). */
size_t gt__edit_distance(const char *a, const char *b, bool prefix);

#endif
