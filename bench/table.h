/* table.h: a benchmark's row in `make bench`'s closing table. When
 * GT_BENCH_TABLE names a file, bench_row appends a tab-separated line to
 * it: what was measured, its figure and unit, and the baseline measured in
 * the same run with its figure ("" and 0 when there is none). bench/table.sh
 * prints the table. Units ending in "/s" are rates (more is better); others
 * are times (less is better). */
#ifndef GT_BENCH_TABLE_H
#define GT_BENCH_TABLE_H

#include <stdio.h>
#include <stdlib.h>

static inline void bench_row(const char *what, double ours, const char *unit,
                             const char *baseline, double theirs)
{
	const char *path = getenv("GT_BENCH_TABLE");
	FILE *f = path && *path ? fopen(path, "a") : NULL;
	if (!f)
		return;
	fprintf(f, "%s\t%.6g\t%s\t%s\t%.6g\n", what, ours, unit, baseline ? baseline : "", theirs);
	fclose(f);
}

#endif
