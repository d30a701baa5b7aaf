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

#endif
