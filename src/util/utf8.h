/* utf8.h: UTF-8 helpers for the library's text handling (private). */
#ifndef GT_UTIL_UTF8_H
#define GT_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when the n bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). On false, *bad (when given) is the
 * offset of the first byte that is wrong. */
bool gt__utf8_valid(const char *s, size_t n, size_t *bad);

/* The number of bytes of s, at most max, that end on a character boundary:
 * for cutting text without splitting a character ("%.*s"). */
int gt__utf8_prefix(const char *s, size_t max);

/* Fits s into at most cols characters (code points; guarantor's names are
 * letters of alphabetic scripts, one column each). Returns the characters
 * kept and sets *bytes to their length in bytes: print with
 * "%.*s%*s", *bytes, s, cols - kept, "" to pad to cols columns. */
int gt__utf8_fit(const char *s, int cols, int *bytes);

/* The columns s takes on a terminal: one per character, none for a
 * combining mark (an accent written as a letter and a mark), two for the
 * wide characters of East Asian scripts; a byte that is not well-formed
 * UTF-8 counts as one. For aligning text tables by what the eye sees. */
int gt__utf8_width(const char *s);

#endif
