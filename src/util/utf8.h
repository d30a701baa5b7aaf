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

#endif
