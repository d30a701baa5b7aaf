/* err.c: status strings and the error record. */
#include "guarantor/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *gt_strerror(enum gt_status status)
{
	switch (status) {
	case GT_OK: return "success";
	case GT_E_NOMEM: return "out of memory";
	case GT_E_IO: return "input/output error";
	case GT_E_SYNTAX: return "syntax error";
	case GT_E_SCHEMA: return "schema error";
	case GT_E_RANGE: return "value out of range";
	case GT_E_GEOMETRY: return "invalid geometry";
	case GT_E_USAGE: return "bad usage";
	case GT_E_UNSUPPORTED: return "not supported by this build";
	case GT_E_INTERNAL: return "internal error";
	case GT_E_AUTH: return "not authenticated";
	case GT_E_INTEGRITY: return "integrity check failed";
	case GT_E_CONFLICT: return "conflict";
	case GT_E_NOTFOUND: return "not found";
	case GT_E_FULL: return "storage full";
	case GT_E_UNAVAILABLE: return "database unavailable";
	}
	return "unknown status";
}

bool gt_status_is_input_error(enum gt_status status)
{
	return status == GT_E_SYNTAX || status == GT_E_SCHEMA || status == GT_E_RANGE ||
	       status == GT_E_GEOMETRY || status == GT_E_USAGE || status == GT_E_AUTH ||
	       status == GT_E_CONFLICT || status == GT_E_NOTFOUND;
}

void gt_err_clear(struct gt_err *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

enum gt_status gt_err_set(struct gt_err *err, enum gt_status status, const char *file,
                          int line, int column, const char *path, const char *fmt, ...)
{
	if (!err)
		return status;
	err->status = status;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	snprintf(err->path, sizeof(err->path), "%s", path ? path : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	gt_err_utf8_fit(err->msg); /* a long message cut short, as JSON must take it */
	return status;
}

void gt_err_utf8_fit(char *s)
{
	size_t n = strlen(s), lead = n;
	/* back to the last sequence's first byte, at most 3 continuation bytes */
	while (lead > 0 && n - lead < 4 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0)
		return;
	unsigned char c = (unsigned char)s[lead - 1];
	size_t want = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
	                         : (c & 0xF8) == 0xF0 ? 4 : 1;
	if (n - (lead - 1) < want)
		s[lead - 1] = '\0';
}

char *gt_err_format(const struct gt_err *err, char *buf, size_t size)
{
	size_t used = 0;
	if (size == 0)
		return buf;
	buf[0] = '\0';
#define GT_APPEND(...)                                                                  \
	do {                                                                            \
		if (used < size) {                                                      \
			int n_ = snprintf(buf + used, size - used, __VA_ARGS__);        \
			used += n_ > 0 ? (size_t)n_ : 0;                                \
		}                                                                       \
	} while (0)
	if (err->file[0]) {
		GT_APPEND("%s", err->file);
		if (err->line > 0)
			GT_APPEND(":%d", err->line);
		if (err->column > 0)
			GT_APPEND(":%d", err->column);
		GT_APPEND(": ");
	}
	if (err->path[0])
		GT_APPEND("%s: ", err->path);
	GT_APPEND("%s", err->msg[0] ? err->msg : gt_strerror(err->status));
#undef GT_APPEND
	return buf;
}
