/* thousands.h: numbers with thousands separators, for text meant for people (private). */
#ifndef GT_UTIL_THOUSANDS_H
#define GT_UTIL_THOUSANDS_H

/* Writes n with thousands separators ("1,234,567") into buf; returns buf. */
const char *gt__thousands(long n, char buf[32]);

#endif
