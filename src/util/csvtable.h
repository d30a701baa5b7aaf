/* csvtable.h: whole CSV files as rows of strings (private). */
#ifndef GT_UTIL_CSVTABLE_H
#define GT_UTIL_CSVTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "guarantor/err.h"

/* The records of a CSV file, as strings. Row 0 is the header. */
struct gt__csv {
	char ***rows;
	size_t *widths; /* fields in each row */
	int *lines;     /* the line each row starts on */
	size_t n, cap;
	char **cur;
	size_t cur_n;
	int line;     /* the line being read */
	int cur_line; /* the line the current record started on */
	bool nomem;
};

/* Parses csv (a UTF-8 BOM is skipped) into t, which starts zeroed. On a
 * syntax error, err gives the line and column of the offending byte. Free
 * t with gt__csv_fini in every case. */
GT_MUST_CHECK enum gt_status gt__csv_parse(const char *csv, size_t len, const char *name,
                                           struct gt__csv *t, struct gt_err *err);
void gt__csv_fini(struct gt__csv *t);

/* Maps the header row to known columns: idx[c] is the header position of
 * names[c], or -1. A column named twice is an error; a column not in names
 * is passed to on_unknown, whose status is returned when not GT_OK (a
 * caller may warn and go on, or refuse). */
GT_MUST_CHECK enum gt_status gt__csv_header(const struct gt__csv *t, const char *file,
                                            const char *const *names, int count, int *idx,
                                            enum gt_status (*on_unknown)(void *ctx,
                                                                         const char *column),
                                            void *ctx, struct gt_err *err);

/* A plain number field: digits, sign, point and exponent only, finite. */
bool gt__csv_number(const char *s, double *out);

#endif
