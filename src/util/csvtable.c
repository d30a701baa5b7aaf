/* csvtable.c: reads a whole CSV file (RFC 4180: quotes, embedded line
 * breaks, CRLF, a UTF-8 byte-order mark) into rows of strings, knowing the
 * line each row starts on. The only file that calls libcsv. */
#include "util/csvtable.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void on_field(void *data, size_t len, void *ctx)
{
	struct gt__csv *t = ctx;
	char **grown = realloc(t->cur, (t->cur_n + 1) * sizeof(*grown));
	char *copy = malloc(len + 1);
	if (!grown || !copy) {
		free(copy);
		if (grown)
			t->cur = grown;
		t->nomem = true;
		return;
	}
	t->cur = grown;
	if (t->cur_n == 0) {
		/* the field ends on t->line; it began as many lines earlier as it
		 * holds line breaks */
		int breaks = 0;
		for (size_t i = 0; data && i < len; i++)
			breaks += ((const char *)data)[i] == '\n';
		t->cur_line = t->line - breaks;
	}
	memcpy(copy, data ? data : "", len);
	copy[len] = '\0';
	t->cur[t->cur_n++] = copy;
}

static void on_record(int c, void *ctx)
{
	(void)c;
	struct gt__csv *t = ctx;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char ***rows = realloc(t->rows, cap * sizeof(*rows));
		if (rows)
			t->rows = rows;
		size_t *widths = rows ? realloc(t->widths, cap * sizeof(*widths)) : NULL;
		if (widths)
			t->widths = widths;
		int *lines = widths ? realloc(t->lines, cap * sizeof(*lines)) : NULL;
		if (!lines) {
			t->nomem = true;
			return;
		}
		t->lines = lines;
		t->cap = cap;
	}
	t->rows[t->n] = t->cur;
	t->widths[t->n] = t->cur_n;
	t->lines[t->n] = t->cur_line;
	t->n++;
	t->cur = NULL;
	t->cur_n = 0;
}

void gt__csv_fini(struct gt__csv *t)
{
	for (size_t i = 0; i < t->n; i++) {
		for (size_t j = 0; j < t->widths[i]; j++)
			free(t->rows[i][j]);
		free(t->rows[i]);
	}
	for (size_t j = 0; j < t->cur_n; j++)
		free(t->cur[j]);
	free(t->cur);
	free(t->rows);
	free(t->widths);
	free(t->lines);
}

enum gt_status gt__csv_parse(const char *csv, size_t len, const char *name, struct gt__csv *t,
                             struct gt_err *err)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "cannot start the CSV parser");
	/* A UTF-8 byte-order mark is not part of the first column's name. */
	if (len >= 3 && memcmp(csv, "\xEF\xBB\xBF", 3) == 0) {
		csv += 3;
		len -= 3;
	}
	/* Fed a byte at a time, so that records know their line and an error
	 * its line and column; mission files are small. */
	enum gt_status st = GT_OK;
	int col = 0;
	t->line = 1;
	for (size_t i = 0; i < len && st == GT_OK; i++) {
		col++;
		if (csv_parse(&p, csv + i, 1, on_field, on_record, t) != 1)
			st = gt_err_set(err, GT_E_SYNTAX, name, t->line, col, NULL,
			                "not valid CSV: %s (a quote inside a field must be doubled, "
			                "and a quoted field must end at a comma or line end)",
			                csv_strerror(csv_error(&p)));
		if (csv[i] == '\n') {
			t->line++;
			col = 0;
		}
	}
	if (st == GT_OK && csv_fini(&p, on_field, on_record, t) != 0)
		st = gt_err_set(err, GT_E_SYNTAX, name, t->line, 0, NULL,
		                "not valid CSV: a quoted field is still open at the end of the file "
		                "(after row %zu)",
		                t->n);
	if (st == GT_OK && t->nomem) {
		st = gt_err_set(err, GT_E_NOMEM, name, 0, 0, NULL, "out of memory");
	}
	csv_free(&p);
	return st;
}

enum gt_status gt__csv_header(const struct gt__csv *t, const char *file,
                              const char *const *names, int count, int *idx,
                              enum gt_status (*on_unknown)(void *ctx, const char *column),
                              void *ctx, struct gt_err *err)
{
	for (int c = 0; c < count; c++)
		idx[c] = -1;
	for (size_t j = 0; t->n > 0 && j < t->widths[0]; j++) {
		const char *h = t->rows[0][j];
		int c = 0;
		while (c < count && strcmp(names[c], h) != 0)
			c++;
		if (c == count) {
			enum gt_status st = on_unknown(ctx, h);
			if (st != GT_OK)
				return st;
		} else if (idx[c] >= 0) {
			return gt_err_set(err, GT_E_SCHEMA, file, t->lines[0], 0, "row 1",
			                  "column '%s' appears twice in the header", h);
		} else {
			idx[c] = (int)j;
		}
	}
	return GT_OK;
}

bool gt__csv_number(const char *s, double *out)
{
	char *end;
	if (!*s || strspn(s, "0123456789+-.eE") != strlen(s))
		return false;
	errno = 0;
	*out = strtod(s, &end);
	return *end == '\0' && errno == 0 && isfinite(*out);
}
