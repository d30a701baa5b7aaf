/* testutil.h: helpers shared by the unit tests: reading test data and
 * making variants of the mini scenario. */
#ifndef GT_TESTUTIL_H
#define GT_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads GT_TEST_DATA/name into a malloc'd string; aborts on failure. */
static inline char *tu_read(const char *name)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", GT_TEST_DATA, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A copy of text with the first occurrence of from replaced by to; aborts
 * when from is absent, so a stale test cannot pass silently. */
static inline char *tu_replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	if (!at) {
		fprintf(stderr, "test fixture lacks '%s'\n", from);
		abort();
	}
	size_t a = (size_t)(at - text), nf = strlen(from), nt = strlen(to), n = strlen(text);
	char *out = malloc(n - nf + nt + 1);
	if (!out)
		abort();
	memcpy(out, text, a);
	memcpy(out + a, to, nt);
	memcpy(out + a + nt, at + nf, n - a - nf + 1);
	return out;
}

#endif
